// Password hashes for the window's staff and the city's (DESIGN.md §6): scrypt with a random
// salt per password, the parameters stored with the hash (`scrypt$N$r$p$salt$hash`, base64url
// parts) so the cost can be raised later without breaking old accounts. The format lives here
// once; the backend and the server each hand in Node's scrypt and random bytes, which domain/
// may not import.

/** 2^15 costs ~0.1 s on an office PC or a server; tests may pass a smaller one. */
export const DEFAULT_SCRYPT_COST = 2 ** 15;
const MAXMEM = 64 * 1024 * 1024;
const KEY_LEN = 32;
const SALT_LEN = 16;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  maxmem: number;
}
export type Scrypt = (password: string, salt: Uint8Array, keyLength: number, params: ScryptParams) => Promise<Uint8Array>;

const toBase64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** Compares every byte whatever the first difference, so the time says nothing of where it is. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function passwordHashing(scrypt: Scrypt, randomBytes: (n: number) => Uint8Array) {
  const derive = (password: string, salt: Uint8Array, params: ScryptParams) => scrypt(password.normalize('NFC'), salt, KEY_LEN, params);
  return {
    async hashPassword(password: string, cost = DEFAULT_SCRYPT_COST): Promise<string> {
      const salt = randomBytes(SALT_LEN);
      const params = { N: cost, r: 8, p: 1, maxmem: MAXMEM };
      const key = await derive(password, salt, params);
      return ['scrypt', params.N, params.r, params.p, toBase64url(salt), toBase64url(key)].join('$');
    },
    async verifyPassword(password: string, stored: string): Promise<boolean> {
      const [scheme, n, r, p, salt, hash] = stored.split('$');
      if (scheme !== 'scrypt' || !salt || !hash) return false;
      const key = await derive(password, fromBase64url(salt), { N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM });
      return sameBytes(key, fromBase64url(hash));
    },
  };
}
