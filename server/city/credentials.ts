// Device secrets of the city API: tokens and one-time enrolment codes. Only sha256 hashes of them
// are stored, so a copy of the database cannot be used to push as a device.
import { createHash, randomBytes } from 'node:crypto';

export function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

// Crockford base32: no I, L, O or U, so a code read aloud or copied from paper survives.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 symbols (80 bits) shown as XXXX-XXXX-XXXX-XXXX. */
export function newEnrollmentCode(): string {
  const symbols = [...randomBytes(16)].map((b) => CODE_ALPHABET[b % 32]).join('');
  return symbols.match(/.{4}/g)!.join('-');
}

/** Accepts the code with or without dashes, spaces or lower case. */
export function hashEnrollmentCode(code: string): string {
  return sha256(code.toUpperCase().replace(/[^0-9A-Z]/g, ''));
}
