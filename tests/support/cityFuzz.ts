// The city under fast-check fuzzing (server.fuzz.test.ts, console.fuzz.test.ts): one server on
// in-memory PGlite with its console pages, a count of the rows written to every table to show
// that a refused request wrote nothing, the one way a request is sent and judged, and the register of fuzzed
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
    await watchWrites();
  }, 60_000);
  afterAll(async () => {
    await city.app?.close();
    await city.handle?.close();
    rmSync(pagesDir, { recursive: true, force: true });
  });
}

// Columns a refused request writes on purpose, noted apart (or not at all): a failed sign-in
// counts against its account; a console session's last use is refreshed before its request is read.
const APART: Record<string, { columns: string[]; as: string | null }> = {
  city_staff: { columns: ['failed_logins', 'locked_until'], as: 'staff_lockout' },
  console_sessions: { columns: ['last_seen_at'], as: null },
};

/**
 * Puts a trigger on every row of every table (every table there is, so a new one is watched
 * too) that counts each insert, update and delete in fuzz_writes, by table. The same counts
 * before and after a request: it wrote nothing. Rolled back with what it counted, it wrote nothing either.
 */
async function watchWrites(): Promise<void> {
  const run = async (q: string) => (await city.handle.db.execute(sql.raw(q))) as unknown as { rows: { table_name: string; cols: string }[] };
  const columns = (await run(`SELECT c.table_name, string_agg(c.column_name, ',') AS cols FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' GROUP BY c.table_name`)).rows;
  await run(`CREATE TABLE fuzz_writes (what text PRIMARY KEY, n bigint NOT NULL)`);
  await run(`CREATE FUNCTION fuzz_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      INSERT INTO fuzz_writes VALUES (TG_ARGV[0], 1) ON CONFLICT (what) DO UPDATE SET n = fuzz_writes.n + 1; RETURN NULL;
    END $$`);
  for (const { table_name: table, cols } of columns) {
    const apart = APART[table];
    const watched = cols.split(',').filter((c) => !apart?.columns.includes(c)).map((c) => `"${c}"`);
    await run(`CREATE TRIGGER fuzz_rows AFTER INSERT OR DELETE OR UPDATE OF ${watched.join(', ')} ON ${table} FOR EACH ROW EXECUTE FUNCTION fuzz_note('${table}')`);
    if (apart?.as) await run(`CREATE TRIGGER fuzz_apart AFTER UPDATE OF ${apart.columns.join(', ')} ON ${table} FOR EACH ROW EXECUTE FUNCTION fuzz_note('${apart.as}')`);
  }
  expect(columns.length).toBeGreaterThan(20);
}

/** How many rows have been written so far, per table (and apart, per APART). */
async function fingerprint(): Promise<Record<string, unknown>> {
  const r = (await city.handle.db.execute(sql`SELECT what, n FROM fuzz_writes`)) as unknown as { rows: { what: string; n: unknown }[] };
  return Object.fromEntries(r.rows.map((w) => [w.what, String(w.n)]));
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
