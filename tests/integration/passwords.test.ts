// One password format for the window and the city (domain/staff/passwordHashing.ts on Node's
// scrypt): a hash verifies only its own password, on either side, and hashes written before the
// format moved into domain/ (Node's Buffer base64url) still verify.
import { randomBytes, scryptSync } from 'node:crypto';
import { expect, it } from 'vitest';
import * as desk from '../../backend/services/passwords';
import * as city from '../../server/console/passwords';

const COST = 2 ** 10;

it('verifies its own password only, and the desk and the city read each other’s hashes', async () => {
  const hash = await desk.hashPassword('窗口密码-2026', COST);
  expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  expect(await desk.verifyPassword('窗口密码-2026', hash)).toBe(true);
  expect(await city.verifyPassword('窗口密码-2026', hash)).toBe(true);
  expect(await desk.verifyPassword('窗口密码-2027', hash)).toBe(false);
  expect(await desk.hashPassword('窗口密码-2026', COST)).not.toBe(hash);
  expect(await desk.verifyPassword('', hash)).toBe(false);
});

it('treats the composed and decomposed forms of one password alike (NFC)', async () => {
  const hash = await city.hashPassword('café-1234', COST);
  expect(await city.verifyPassword('cafe\u0301-1234', hash)).toBe(true);
});

it('refuses a damaged or foreign hash, and reads one written by the earlier Buffer code', async () => {
  const hash = await desk.hashPassword('abc12345', COST);
  const parts = hash.split('$');
  const flipped = [...parts.slice(0, 5), (parts[5]![0] === 'A' ? 'B' : 'A') + parts[5]!.slice(1)].join('$');
  expect(await desk.verifyPassword('abc12345', flipped)).toBe(false);
  expect(await desk.verifyPassword('abc12345', parts.slice(0, 5).join('$'))).toBe(false);
  expect(await desk.verifyPassword('abc12345', `argon2$${parts.slice(1).join('$')}`)).toBe(false);

  const salt = randomBytes(16);
  const key = scryptSync('旧格式密码', salt, 32, { N: COST, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  const old = ['scrypt', COST, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
  expect(await desk.verifyPassword('旧格式密码', old)).toBe(true);
  expect(await city.verifyPassword('旧格式密码x', old)).toBe(false);
});
