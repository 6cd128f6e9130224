// Shared fixtures of the city server tests: valid sync events, an enrolled device, and one
// server per database backend (in-memory PGlite always; PostgreSQL when TEST_DATABASE_URL is set).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { EventPayload, SyncEvent } from '../../domain/sync/events';
import { matterPayload } from './cityEvents';
import { scratchDatabase } from '../../scripts/scratchPostgres';
import { buildApp } from '../../server/app';
import { type CityDb, type CityDbHandle, openCityDb } from '../../server/store/db';
import { events, matters, quarantine, truncateAllSql } from '../../server/store/schema';

export const ADMIN_TOKEN = 'test-admin-token';
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export { matterPayload };
type MatterPayload = EventPayload<'matter.registered'>;

/** A valid 'matter.registered' event; pass `payload` or any envelope field to change it. */
export function matterEvent(seq: number, over: Partial<SyncEvent> = {}): SyncEvent {
  const payload = matterPayload();
  return {
    seq,
    id: randomUUID(),
    type: 'matter.registered',
    entityId: payload.matterId,
    occurredAt: '2026-03-01T08:30:00.000+08:00',
    payload,
    ...over,
  };
}

export function matterEvents(fromSeq: number, count: number): SyncEvent[] {
  return Array.from({ length: count }, (_, i) => matterEvent(fromSeq + i));
}

export function pushBody(deviceId: string, events: SyncEvent[], batchId: string = randomUUID()) {
  return { deviceId, batchId, events };
}

export interface Device {
  deviceId: string;
  deviceCode: string;
  countyCode: string;
  token: string;
}

/** Creates a device through the admin API and enrols it. */
export async function enrolledDevice(app: FastifyInstance, countyCode = '410102'): Promise<Device> {
  const created = await app.inject({ method: 'POST', url: '/api/v1/admin/devices', headers: admin, payload: { countyCode, name: '测试窗口' } });
  if (created.statusCode !== 201) throw new Error(`create device: ${created.statusCode} ${created.body}`);
  const enrolled = await app.inject({
    method: 'POST',
    url: '/api/v1/devices/enroll',
    payload: { code: created.json().enrollmentCode, name: 'test-pc' },
  });
  if (enrolled.statusCode !== 201) throw new Error(`enrol: ${enrolled.statusCode} ${enrolled.body}`);
  return enrolled.json();
}

export function push(app: FastifyInstance, device: Device, payload: InjectOptions['payload'], headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { ...bearer(device.token), ...headers }, payload });
}

export async function deviceInfo(app: FastifyInstance, deviceId: string) {
  const r = await app.inject({ method: 'GET', url: `/api/v1/admin/devices/${deviceId}`, headers: admin });
  return r.json();
}

/** An error body is JSON {code, message} and carries nothing of a stack trace. */
export function expectCleanError(r: LightMyRequestResponse, status: number, code?: string): { code: string; message: string } {
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body}`);
  if (!String(r.headers['content-type']).startsWith('application/json')) throw new Error(`not JSON: ${r.headers['content-type']}`);
  const body = r.json();
  if (typeof body.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(body.code) || typeof body.message !== 'string') {
    throw new Error(`not an error body: ${r.body}`);
  }
  if (code !== undefined && body.code !== code) throw new Error(`expected code ${code}, got ${body.code}: ${r.body}`);
  if ('stack' in body || /\bat .+:\d+:\d+|node_modules|\.ts:\d+/.test(r.body)) throw new Error(`stack trace leaked: ${r.body}`);
  return body;
}

interface Backend {
  label: string;
  /** undefined: in-memory PGlite. */
  databaseUrl?: string;
  skipReason?: string;
}

const pgUrl = process.env.TEST_DATABASE_URL;
export const cityBackends: Backend[] = [
  { label: 'PGlite (in memory)' },
  pgUrl
    ? { label: 'PostgreSQL', databaseUrl: pgUrl }
    : { label: 'PostgreSQL', skipReason: 'skipped: set TEST_DATABASE_URL to a PostgreSQL database to run this variant' },
];

export interface City {
  app: FastifyInstance;
  db: CityDb;
}

/**
 * One describe block per backend, with a server built once per block and emptied before each
 * test. `city.app` and `city.db` are set by the time a test runs.
 */
export function describeEachBackend(title: string, body: (city: City) => void): void {
  describe.each(cityBackends.map((b) => [b.label, b] as const))(`${title} — %s`, (_label, backend) => {
    describe.skipIf(backend.skipReason !== undefined)(backend.skipReason ?? 'runs', () => {
      const city = {} as City;
      let handle: CityDbHandle;
      let dropDatabase: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        let databaseUrl = backend.databaseUrl;
        if (databaseUrl) {
          const scratch = await scratchDatabase(databaseUrl, 'city_test');
          databaseUrl = scratch.url;
          dropDatabase = scratch.drop;
        }
        handle = await openCityDb({ databaseUrl });
        city.db = handle.db;
        // Suites make many requests a minute from one address; the limits have their own tests.
        city.app = await buildApp({ db: handle.db, adminToken: ADMIN_TOKEN, rateLimitPerMinute: 100_000, enrollRateLimitPerMinute: 10_000, consoleScryptCost: 2 ** 10, consoleSignInRateLimitPerMinute: 10_000 });
      });
      beforeEach(async () => {
        await city.db.execute(truncateAllSql);
      });
      afterAll(async () => {
        await city.app?.close();
        await handle?.close();
        await dropDatabase?.();
      });
      body(city);
    });
  });
}

/** A valid 'visit.recorded' event: `visitor` came back about `matter`. */
export function visitEvent(seq: number, matter: MatterPayload, over: Partial<EventPayload<'visit.recorded'>> = {}): SyncEvent {
  const payload: EventPayload<'visit.recorded'> = {
    visitId: randomUUID(),
    matterId: matter.matterId,
    matterNo: matter.matterNo,
    receivedAt: '2026-03-10T09:00:00.000+08:00',
    clockOffsetMs: 0,
    channel: 'visit',
    headcount: 1,
    visitor: matter.visitor,
    representatives: [],
    summary: '',
    terminatedMatter: false,
    ...over,
  };
  return { seq, id: randomUUID(), type: 'visit.recorded', entityId: payload.visitId, occurredAt: payload.receivedAt, payload };
}

/** How many events the city recorded, quarantined and projected as matters. */
export async function pushedRows(city: City) {
  const [e] = await city.db.select({ n: count() }).from(events);
  const [q] = await city.db.select({ n: count() }).from(quarantine);
  const [m] = await city.db.select({ n: count() }).from(matters);
  return { events: e!.n, quarantine: q!.n, matters: m!.n };
}

/** Pushes the events (numbered by the caller) and fails unless every one was applied. */
export async function pushAll(app: FastifyInstance, device: Device, events: SyncEvent[]): Promise<void> {
  const r = await push(app, device, pushBody(device.deviceId, events));
  if (r.statusCode !== 200 || r.json().rejected.length > 0) throw new Error(`push: ${r.statusCode} ${r.body}`);
}
