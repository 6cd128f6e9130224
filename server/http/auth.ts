// Credentials of the city API: the administrator's bearer token, device tokens and one-time
// enrolment codes. Only sha256 hashes of device secrets are stored, so a copy of the database
// cannot be used to push as a device.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preValidationAsyncHookHandler } from 'fastify';
import type { CityDb } from '../store/db';
import { HttpError } from './errors';
import { devices } from '../store/schema';

export interface AuthedDevice {
  id: string;
  countyCode: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    device: AuthedDevice | null;
    /** checkDeviceMeanwhile: the token's check, under way while the body arrives. */
    deviceCheck: Promise<AuthedDevice> | null;
  }
}

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

function bearerToken(request: FastifyRequest): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return m?.[1] ?? null;
}

const unauthorized = () => new HttpError(401, 'unauthorized', '缺少或无效的访问令牌 / missing or invalid bearer token');

export function requireAdmin(adminToken: string): onRequestAsyncHookHandler {
  const expected = createHash('sha256').update(adminToken).digest();
  return async (request) => {
    const given = bearerToken(request);
    // Comparing digests keeps the comparison constant-time whatever the length given.
    if (given === null || !timingSafeEqual(createHash('sha256').update(given).digest(), expected)) throw unauthorized();
  };
}

/** The device the request's bearer token belongs to; rejects with the 401 to answer otherwise. */
async function authenticate(db: CityDb, request: FastifyRequest): Promise<AuthedDevice> {
  const token = bearerToken(request);
  if (token === null) throw unauthorized();
  const [device] = await db
    .select({ id: devices.id, countyCode: devices.countyCode, revokedAt: devices.revokedAt })
    .from(devices)
    .where(eq(devices.tokenHash, sha256(token)));
  if (!device) throw unauthorized();
  if (device.revokedAt) throw deviceRevoked();
  return { id: device.id, countyCode: device.countyCode };
}

function identify(request: FastifyRequest, reply: FastifyReply, device: AuthedDevice): void {
  request.device = device;
  // Every later line of this request, including Fastify's "request completed", names the device.
  request.log = request.log.child({ deviceId: device.id });
  reply.log = request.log;
}

export function requireDevice(db: CityDb): onRequestAsyncHookHandler {
  return async (request, reply) => identify(request, reply, await authenticate(db, request));
}

/**
 * requireDevice for a route with a large body, whose JSON parser must wait for
 * `request.deviceCheck` before it parses a byte: the token is checked while the body arrives
 * instead of before, which takes a database round trip off every push. A request without a body
 * gets its answer in preValidation, as does the handler its device.
 */
export function checkDeviceMeanwhile(db: CityDb): { onRequest: onRequestAsyncHookHandler; preValidation: preValidationAsyncHookHandler } {
  return {
    onRequest: async (request) => {
      const check = authenticate(db, request);
      // Answered later, or never if the body fails first: not an unhandled rejection.
      check.catch(() => {});
      request.deviceCheck = check;
    },
    preValidation: async (request, reply) => identify(request, reply, await request.deviceCheck!),
  };
}

export const deviceRevoked = () => new HttpError(401, 'device_revoked', '该设备已被停用 / this device has been revoked');
