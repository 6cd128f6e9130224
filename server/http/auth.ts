// Who may call: the administrator's bearer token, or a device's token (city/credentials.ts).
// A device's calls carry its id, county and device code, which every device route acts within.
import { createHash, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preValidationAsyncHookHandler } from 'fastify';
import { sha256 } from '../city/credentials';
import type { CityDb } from '../store/db';
import { devices } from '../store/schema';
import { HttpError } from './errors';

export interface AuthedDevice {
  id: string;
  countyCode: string;
  /** 'D001': with the county code, the prefix of every matter number the device issues. */
  deviceCode: string;
  /** The version the city last recorded for it (deviceList.ts); set on a device route's call. */
  appVersion?: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    device: AuthedDevice | null;
    /** checkDeviceMeanwhile: the token's check, under way while the body arrives. */
    deviceCheck: Promise<AuthedDevice> | null;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return m?.[1] ?? null;
}

export const unauthorized = () => new HttpError(401, 'unauthorized', '缺少或无效的访问令牌 / missing or invalid bearer token');

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
    .select({ id: devices.id, countyCode: devices.countyCode, deviceCode: devices.deviceCode, revokedAt: devices.revokedAt, appVersion: devices.appVersion })
    .from(devices)
    .where(eq(devices.tokenHash, sha256(token)));
  if (!device) throw unauthorized();
  if (device.revokedAt) throw deviceRevoked();
  return { id: device.id, countyCode: device.countyCode, deviceCode: device.deviceCode, appVersion: device.appVersion };
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
