// The city under fast-check fuzzing (server.fuzz.test.ts, console.fuzz.test.ts): one server on
// in-memory PGlite with its console pages, a fingerprint of every table to show that a refused
// request wrote nothing, the one way a request is sent and judged, and the register of fuzzed
// routes, checked against the routes the server itself registers so a route added later without
// a fuzz case fails the test.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SyncEvent } from '../../domain/sync/events';
import { sealUsbFile, type UsbFile } from '../../domain/sync/usbFile';
import { buildApp } from '../../server/app';
import { type CityDbHandle, openCityDb } from '../../server/store/db';
import { ADMIN_TOKEN, type Device, expectCleanError, pushBody } from './cityFixtures';
import { routesOf } from './consoleSession';
import { change, changed, jsonText } from './hostileInput';

const RUNS = 1000;
// Each route's thousand requests; a failure also spends time shrinking its example.
const TIMEOUT = 180_000;

/** The server under test, set by the time a test runs. */
export const city = {} as { app: FastifyInstance; handle: CityDbHandle };

/** Builds the city once for the file, as deployed: its console built (a page of it here), limits out of the way. */
export function startFuzzCity(): void {
  const pagesDir = mkdtempSync(join(tmpdir(), 'console-pages-'));
  beforeAll(async () => {
    writeFileSync(join(pagesDir, 'index.html'), '<!doctype html><title>控制台</title>');
    city.handle = await openCityDb();
    city.app = await buildApp({
      db: city.handle.db,
      adminToken: ADMIN_TOKEN,
      consolePagesDir: pagesDir,
      consoleScryptCost: 2 ** 10,
      ...{ rateLimitPerMinute: 1e9, enrollRateLimitPerMinute: 1e9, lookupRateLimitPerMinute: 1e9, consoleSignInRateLimitPerMinute: 1e9 },
    });
  }, 60_000);
  afterAll(async () => {
    await city.app?.close();
    await city.handle?.close();
    rmSync(pagesDir, { recursive: true, force: true });
  });
}

let counted: string[] | null = null;
/**
 * How many rows every table holds (every table there is, so a new one is counted too), and the
 * state of the rows that are changed in place. Equal before and after: nothing was written.
 * Failed sign-ins are counted on the account (`staff_lockout`) apart from the rest of it.
 */
async function fingerprint(): Promise<Record<string, unknown>> {
  const rows = async (q: string) => (await city.handle.db.execute(sql.raw(q))) as unknown as { rows: Record<string, unknown>[] };
  counted ??= (await rows(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)).rows.map((r) => String(r.t));
  const whole = (table: string) => `(SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM ${table} t)`;
  const r = await rows(`SELECT ${counted.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')},
      ${whole('devices')} AS device_state, ${whole('reference_data')} AS reference_state, ${whole('change_counter')} AS change_state, ${whole('supervision_notices')} AS notice_state,
      (SELECT md5(string_agg(concat_ws('|', matter_id, status, lifecycle::text), ',' ORDER BY matter_id)) FROM matters) AS matter_state,
      (SELECT coalesce(sum(received), 0) FROM attachment_uploads) AS uploaded,
      (SELECT md5(string_agg(concat_ws('|', staff_id, user_no, name, role, password_hash, disabled, must_change_password), ',' ORDER BY staff_id)) FROM city_staff) AS staff_state,
      (SELECT md5(string_agg(concat_ws('|', staff_id, failed_logins, locked_until), ',' ORDER BY staff_id)) FROM city_staff) AS staff_lockout,
      (SELECT md5(string_agg(token_hash, ',' ORDER BY token_hash)) FROM console_sessions) AS sessions`);
  return r.rows[0]!;
}

/** The fingerprint as the last refused request left it, known without asking again; null after anything that may have written. */
let unchanged: Record<string, unknown> | null = null;
const without = (f: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(Object.entries(f).filter(([k]) => !keys.includes(k)));

/**
 * Sends the request: never 500 or more, every refusal a clean error `{code, message}`, and a
 * refused request leaves every table as it was, but for what `mayWrite` names for the refusal
 * (`discarded`: it may throw away anything sent before).
 */
export async function send(request: InjectOptions, mayWrite: (r: LightMyRequestResponse) => readonly string[] | 'discarded' = () => []): Promise<LightMyRequestResponse> {
  const before = unchanged ?? (await fingerprint());
  unchanged = null;
  const r = await city.app.inject(request);
  const what = `${request.method} ${String(request.url).slice(0, 200)} → ${r.statusCode} ${r.body.slice(0, 300)}`;
  expect(r.statusCode, what).toBeLessThan(500);
  if (r.statusCode >= 400) {
    if (request.method !== 'HEAD') expectCleanError(r, r.statusCode);
    const allowed = mayWrite(r);
    if (allowed !== 'discarded') {
      const after = await fingerprint();
      expect(without(after, allowed), what).toEqual(without(before, allowed));
      if (allowed.length === 0) unchanged = before;
    }
  }
  return r;
}

/** A JSON body: the valid one changed, sent as text, sometimes gzip-compressed or under another content type. */
export const bodyOptions = fc.record({
  change,
  gzip: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  contentType: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/octet-stream', '') }),
});
export type BodyOptions = typeof bodyOptions extends fc.Arbitrary<infer T> ? T : never;

/** The request's payload and headers, and the JSON text sent (before any compression). */
export function jsonRequest(valid: unknown, o: BodyOptions): { payload: Buffer | string; headers: Record<string, string>; text: string } {
  const text = jsonText(changed(valid, o.change) ?? null);
  return o.gzip
    ? { payload: gzipSync(text), headers: { 'content-type': o.contentType, 'content-encoding': 'gzip' }, text }
    : { payload: text, headers: { 'content-type': o.contentType }, text };
}

// A Map, so that a key named like an object property is just unknown here too.
export const referenceValues = new Map<string, unknown>([
  ['units', [{ code: 'U1', name: '县住建局' }]],
  ['categories', { version: '2026', categories: [{ code: '01', name: '城乡建设', children: [{ code: '0101', name: '住房保障' }] }] }],
  ['holidays', { restDays: ['2026-10-09'], workingDays: [] }],
  ['settings', { syncIntervalMinutes: 5, groupVisitThreshold: 5 }],
]);

/** The sync file the window would carry to the city for `events`, sealed with the device's token. */
export function syncFileFor(device: Device, events: SyncEvent[]): Promise<UsbFile> {
  const header = { direction: 'to-city' as const, fileId: randomUUID(), deviceId: device.deviceId, countyCode: device.countyCode, createdAt: new Date().toISOString(), salt: randomUUID().replaceAll('-', ''), iv: randomUUID().replaceAll('-', '').slice(0, 24) };
  return sealUsbFile(createHash('sha256').update(device.token).digest(), header, { batches: [pushBody(device.deviceId, events)], pullSince: null });
}

export function property<T>(name: string, arbitrary: fc.Arbitrary<T>, run: (input: T) => Promise<unknown>): void {
  it(name, async () => fc.assert(fc.asyncProperty(arbitrary, async (input) => void (await run(input))), { numRuns: RUNS }), TIMEOUT);
}

const fuzzed = new Set<string>();
/**
 * The fuzz case of one route, `METHOD /path` as Fastify prints it. Fastify answers HEAD for every
 * GET route, so a GET route's requests go out as HEAD too: `run` gets the method to send.
 */
export function fuzz<T>(route: string, arbitrary: fc.Arbitrary<T>, run: (input: T, method: 'GET' | 'HEAD' | 'POST' | 'PUT') => Promise<unknown>): void {
  const [method, path] = route.split(' ') as ['GET' | 'HEAD' | 'POST' | 'PUT', string];
  fuzzed.add(route);
  if (method === 'GET') fuzzed.add(`HEAD ${path}`);
  const methods = method === 'GET' ? fc.oneof({ weight: 4, arbitrary: fc.constant(method) }, { weight: 1, arbitrary: fc.constant('HEAD' as const) }) : fc.constant(method);
  property(route, fc.tuple(arbitrary, methods), ([input, m]) => run(input, m));
}

/** Fails for every route the server registers under `owns` that no `fuzz` case of the file covers. */
export function fuzzesEveryRoute(owns: (path: string) => boolean): void {
  it('has a fuzz case for every route the city registers', () => {
    const registered = routesOf(city.app).filter((r) => owns(r.path));
    expect(registered.length).toBeGreaterThan(10);
    expect(registered.map((r) => `${r.method} ${r.path}`).filter((route) => !fuzzed.has(route))).toEqual([]);
  });
}
export const isConsoleApi = (path: string) => path.startsWith('/api/console/');
