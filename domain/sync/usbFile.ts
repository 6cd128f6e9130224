// Sync by file, for a township with no network at all (issue #15; scheme in docs/usb-sync.md).
// The desk writes its outbox into one file (direction 'to-city') that a USB stick carries to
// the city; the city applies it exactly as pushes and writes back one file ('to-device') with
// its acknowledgement and the pull data. Both are sealed the same way:
//   key  = HKDF-SHA256(ikm = SHA-256(device token), salt, info = "xinfang-usb-v1 " + direction)
//   body = AES-256-GCM(key, iv, JSON(content)), additional data = the JSON of the header
// The city keeps exactly SHA-256(token) for every device (server/city/credentials.ts), so it can
// open and check a file without ever having stored the token; nobody else can read a file, nor
// change a byte of it or of its header (the county, the device, the direction) unnoticed.
// WebCrypto (a global in Node and browsers), so the desk's backend and the city share this code.
import { z } from 'zod';
import { pullResponseSchema } from './pull';
import { pushBodySchema, pushResponseSchema } from './events';

export const USB_FORMAT = 'xinfang-usb';
/** A file carries at most this many push batches and this many bytes of them (the city's limit on the file is above it). */
export const MAX_FILE_BATCHES = 100;
export const MAX_FILE_BATCH_BYTES = 32 * 1024 * 1024;
export const usbDirectionSchema = z.enum(['to-city', 'to-device']);
export type UsbDirection = z.infer<typeof usbDirectionSchema>;

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

export const usbHeaderSchema = z.strictObject({
  format: z.literal(USB_FORMAT),
  version: z.literal(1),
  direction: usbDirectionSchema,
  fileId: z.uuid(),
  deviceId: z.uuid(),
  countyCode: z.string().regex(/^\d{6}$/),
  createdAt: z.string().max(40),
  salt: hex(16),
  iv: hex(12),
});
export type UsbHeader = z.infer<typeof usbHeaderSchema>;

export const usbFileSchema = z.strictObject({ header: usbHeaderSchema, sealed: z.base64(), tag: hex(16) });
export type UsbFile = z.infer<typeof usbFileSchema>;

/** The file's name on the stick: which way it goes, whose it is and when it was made (UTC). */
export function usbFileName(direction: UsbDirection, countyCode: string, deviceCode: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `xinfang-${direction}-${countyCode}-${deviceCode}-${stamp}.json`;
}

/** What the desk sends: push batches in seq order, and where its pull stands. */
export const toCitySchema = z.strictObject({
  batches: z.array(pushBodySchema).max(MAX_FILE_BATCHES),
  pullSince: z.string().max(100).nullable(),
});
export type ToCity = z.infer<typeof toCitySchema>;

/** The city's answer: the push outcome (or why it stopped), and the pull pages from `since`. */
export const toDeviceSchema = z.strictObject({
  replyTo: z.uuid(),
  push: pushResponseSchema.nullable(),
  pushError: z.object({ code: z.string(), message: z.string(), expectedSeq: z.number().int().optional() }).nullable(),
  since: z.string().max(100).nullable(),
  pulls: z.array(pullResponseSchema),
});
export type ToDevice = z.infer<typeof toDeviceSchema>;

const bytesOf = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const text = new TextEncoder();
/** The header as authenticated: its fields in one fixed order, whatever order they arrived in. */
const headerBytes = (h: UsbHeader) => text.encode(JSON.stringify(usbHeaderSchema.keyof().options.map((k) => [k, h[k]])));
const base64 = (b: Uint8Array) => {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
};

async function keyFor(tokenDigest: Uint8Array, salt: string, direction: UsbDirection) {
  const ikm = await crypto.subtle.importKey('raw', Uint8Array.from(tokenDigest), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: bytesOf(salt), info: text.encode(`xinfang-usb-v1 ${direction}`) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Seals `content` under the device's token digest. `salt` (16 bytes) and `iv` (12 bytes) are
 * the caller's fresh random bytes as hex: this module reads no randomness and no clock.
 */
export async function sealUsbFile(tokenDigest: Uint8Array, header: Omit<UsbHeader, 'format' | 'version'>, content: unknown): Promise<UsbFile> {
  const h: UsbHeader = { format: USB_FORMAT, version: 1, ...header };
  const key = await keyFor(tokenDigest, h.salt, h.direction);
  const out = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: bytesOf(h.iv), additionalData: headerBytes(h), tagLength: 128 }, key, text.encode(JSON.stringify(content))),
  );
  const sealed = out.subarray(0, out.length - 16);
  return { header: h, sealed: base64(sealed), tag: toHex(out.subarray(out.length - 16)) };
}

/** The content of a file sealed under `tokenDigest`, or null when the key, a byte or the header does not fit. */
export async function openUsbFile(tokenDigest: Uint8Array, file: UsbFile): Promise<unknown> {
  const key = await keyFor(tokenDigest, file.header.salt, file.header.direction);
  const sealed = Uint8Array.from(atob(file.sealed), (c) => c.charCodeAt(0));
  const joined = new Uint8Array(sealed.length + 16);
  joined.set(sealed);
  joined.set(bytesOf(file.tag), sealed.length);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytesOf(file.header.iv), additionalData: headerBytes(file.header), tagLength: 128 }, key, joined);
    return JSON.parse(new TextDecoder().decode(plain)) as unknown;
  } catch {
    return null;
  }
}
