// Device→city sync under faults (DESIGN.md §4, §7): a real backend on SQLite pushes through a
// misbehaving proxy to a real city server. After each fault the client must recover by itself,
// and the city must hold exactly the device's events — once each, seq 1..N, same ids.
import { count } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { getSyncState, rejections } from '../../db/syncState';
import { quarantine } from '../../server/store/schema';
import { tempDir, testBackend } from '../support/backend';
import {
  cityEvents,
  cityMatters,
  enroll,
  type Fault,
  type FaultCity,
  fetchWithTimeout,
  drained,
  localOutbox,
  localRecords,
  noJitter,
  registerVisits,
  startFaultCity,
  type TestBackend,
  waitFor,
} from '../support/faultProxy';

const PUSH = '/api/v1/sync/push';
const BATCH = 10;
const HOUR = 3600_000;

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function rig(o: { faults: (n: number) => Fault | undefined; dataDir?: string; timeoutMs?: number; now?: () => Date }) {
  const city = await startFaultCity({ dataDir: o.dataDir });
  cleanup.push(() => city.close());
  city.setRule(({ path, n }) => (path === PUSH ? o.faults(n) : undefined));
  const backend = testBackend({
    fetch: fetchWithTimeout(o.timeoutMs ?? 10_000),
    ...(o.now ? { now: o.now } : {}),
    sync: { batchSize: BATCH, random: noJitter, debounceMs: 50, timerMs: 60_000, healthEveryMs: 60_000 },
  });
  cleanup.push(() => backend.close());
  return { city, backend };
}

/** Enrols (which starts a push) with the engine running, so its own retry timers do the recovering. */
async function enrollAndRecover(city: FaultCity, backend: TestBackend): Promise<string> {
  backend.sync.start();
  const deviceId = await enroll(backend, city);
  await waitFor(() => drained(backend), 12_000, 'the outbox to drain');
  return deviceId;
}

/** How many batches the whole outbox (records and audit lines) takes. */
const batches = (backend: TestBackend) => Math.ceil(localOutbox(backend).length / BATCH);

async function expectCityMatchesDevice(city: FaultCity, backend: TestBackend, deviceId: string, n: number): Promise<void> {
  const local = localOutbox(backend);
  const records = localRecords(backend);
  expect(records).toHaveLength(n);
  const stored = await cityEvents(city, deviceId);
  expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: local.length }, (_, i) => i + 1));
  expect(stored.map((e) => e.eventId)).toEqual(local.map((e) => e.id));
  const [q] = await city.db().select({ n: count() }).from(quarantine);
  expect(q!.n).toBe(0);
  expect(rejections(backend.db)).toEqual([]);

  const matters = await cityMatters(city);
  expect(matters.map((m) => m.matterId).sort()).toEqual(records.map((e) => e.entityId).sort());

  const status = backend.sync.status();
  expect(status.waiting).toBe(0);
  expect(status.lastError).toBeNull();
  expect(status.online).toBe(true);
}

const faulted = (city: FaultCity, kind: Fault['kind']) => city.seen.filter((s) => s.path === PUSH && s.fault === kind);

it('respond 500', async () => {
  const { city, backend } = await rig({ faults: (n) => (n === 2 || n === 3 ? { kind: 'status', status: 500 } : undefined) });
  await registerVisits(backend, 40);
  const deviceId = await enrollAndRecover(city, backend);
  expect(faulted(city, 'status')).toHaveLength(2);
  await expectCityMatchesDevice(city, backend, deviceId, 40);
});

it('respond 503 with Retry-After', async () => {
  const { city, backend } = await rig({ faults: (n) => (n === 2 ? { kind: 'status', status: 503, headers: { 'retry-after': '1' } } : undefined) });
  await registerVisits(backend, 40);
  const deviceId = await enrollAndRecover(city, backend);
  const pushes = city.seen.filter((s) => s.path === PUSH);
  const i = pushes.findIndex((s) => s.fault === 'status');
  // The retry waited for the server's Retry-After, although the jitter alone would retry at once.
  expect(pushes[i + 1]!.at - pushes[i]!.at).toBeGreaterThanOrEqual(950);
  await expectCityMatchesDevice(city, backend, deviceId, 40);
});

it('respond 429', async () => {
  const { city, backend } = await rig({ faults: (n) => (n === 3 ? { kind: 'status', status: 429, headers: { 'retry-after': '1' } } : undefined) });
  await registerVisits(backend, 40);
  const deviceId = await enrollAndRecover(city, backend);
  expect(faulted(city, 'status')).toHaveLength(1);
  await expectCityMatchesDevice(city, backend, deviceId, 40);
});

it('hang until the client times out', async () => {
  const { city, backend } = await rig({ timeoutMs: 800, faults: (n) => (n === 2 ? { kind: 'hang' } : undefined) });
  await registerVisits(backend, 40);
  const deviceId = await enrollAndRecover(city, backend);
  expect(faulted(city, 'hang')).toHaveLength(1);
  await expectCityMatchesDevice(city, backend, deviceId, 40);
});

it('drop the connection mid-request', async () => {
  const { city, backend } = await rig({ faults: (n) => (n === 2 || n === 4 ? { kind: 'dropRequest' } : undefined) });
  await registerVisits(backend, 40);
  const deviceId = await enrollAndRecover(city, backend);
  expect(faulted(city, 'dropRequest')).toHaveLength(2);
  await expectCityMatchesDevice(city, backend, deviceId, 40);
});

it('forward to the server and then lose the response', async () => {
  const { city, backend } = await rig({ faults: (n) => (n === 2 || n === 3 || n === 5 ? { kind: 'loseResponse' } : undefined) });
  await registerVisits(backend, 40);
  const deviceId = await enrollAndRecover(city, backend);
  expect(faulted(city, 'loseResponse')).toHaveLength(3);
  // Each lost answer cost one resend of a batch the city already held, and nothing more.
  expect(city.seen.filter((s) => s.path === PUSH)).toHaveLength(batches(backend) + 3);
  await expectCityMatchesDevice(city, backend, deviceId, 40);
});

it('restart the server mid-batch', async () => {
  const { city, backend } = await rig({ dataDir: tempDir('xf-city-'), faults: (n) => (n === 3 ? { kind: 'restart' } : undefined) });
  await registerVisits(backend, 60);
  const deviceId = await enrollAndRecover(city, backend);
  expect(faulted(city, 'restart')).toHaveLength(1);
  await expectCityMatchesDevice(city, backend, deviceId, 60);
});

it('a very slow server', async () => {
  const { city, backend } = await rig({ timeoutMs: 5000, faults: () => ({ kind: 'delay', ms: 1500 }) });
  await registerVisits(backend, 30);
  const deviceId = await enrollAndRecover(city, backend);
  // Slow is not broken: one request per batch, no timeout and no retry.
  expect(city.seen.filter((s) => s.path === PUSH)).toHaveLength(batches(backend));
  expect(getSyncState(backend.db).lastErrorCode).toBeNull();
  await expectCityMatchesDevice(city, backend, deviceId, 30);
});

it('the device clock hours wrong', async () => {
  const skew = 5 * HOUR;
  const { city, backend } = await rig({ now: () => new Date(Date.now() + skew), faults: () => undefined });
  await registerVisits(backend, 15);
  const deviceId = await enrollAndRecover(city, backend);

  // The first sync measured the device's offset from the city (the Date header has 1 s resolution).
  const offset = getSyncState(backend.db).clockOffsetMs!;
  expect(offset).toBeGreaterThan(skew - 2000);
  expect(offset).toBeLessThan(skew + 2000);

  await registerVisits(backend, 15, 16);
  await backend.sync.syncNow();
  await expectCityMatchesDevice(city, backend, deviceId, 30);

  const byId = new Map((await cityMatters(city)).map((m) => [m.matterId, m]));
  for (const [i, e] of localRecords(backend).entries()) {
    const m = byId.get(e.entityId)!;
    const payload = e.payload as { receivedAt: string; clockOffsetMs: number | null };
    // Statutory time stays the device's own, skewed as it is; the city can correct with the offset.
    expect(Date.parse(m.receivedAt)).toBe(Date.parse(payload.receivedAt));
    expect(Date.parse(m.receivedAt)).toBeGreaterThan(Date.now() + skew - 60_000);
    expect(m.clockOffsetMs).toBe(i < 15 ? null : payload.clockOffsetMs);
    if (i >= 15) expect(Math.abs(m.clockOffsetMs! - skew)).toBeLessThan(2000);
  }
});
