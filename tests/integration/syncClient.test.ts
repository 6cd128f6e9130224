// The sync client on the plain path and the errors a person at the window sees (DESIGN.md §4):
// a real backend on SQLite talking to a real city server on 127.0.0.1.
import { and, eq, gt, inArray } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { getSyncState } from '../../db/syncState';
import type { SyncStatus } from '../../domain/rpc/contract';
import { AUDIT_EVENT } from '../../domain/staff/audit';
import { devices, events, matters, visits } from '../../server/store/schema';
import { testBackend } from '../support/backend';
import {
  cityEvents,
  cityMatters,
  drained,
  enroll,
  enrollmentCode,
  type FaultCity,
  localOutbox,
  localRecords,
  noJitter,
  registerVisits,
  startFaultCity,
  type TestBackend,
  waitFor,
} from '../support/faultProxy';
import { admin } from '../support/cityFixtures';

const PUSH = '/api/v1/sync/push';
const BATCH = 10;
const CHINESE = /[\u4e00-\u9fff]/;

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function rig(sync: NonNullable<Parameters<typeof testBackend>[0]>['sync'] = {}) {
  const city = await startFaultCity();
  cleanup.push(() => city.close());
  const backend = testBackend({ sync: { batchSize: BATCH, random: noJitter, debounceMs: 50, timerMs: 60_000, healthEveryMs: 60_000, ...sync } });
  cleanup.push(() => backend.close());
  return { city, backend };
}

async function expectAllAtCity(city: FaultCity, backend: TestBackend, deviceId: string): Promise<void> {
  const local = localOutbox(backend);
  const stored = await cityEvents(city, deviceId);
  expect(stored.map((e) => e.seq)).toEqual(local.map((e) => e.seq));
  expect(stored.map((e) => e.eventId)).toEqual(local.map((e) => e.id));
  expect(local.map((e) => e.seq)).toEqual(Array.from({ length: local.length }, (_, i) => i + 1));
  // The audit trail's lines are among them: the city holds who did and saw what, by the same ids.
  expect(local.filter((e) => e.type === AUDIT_EVENT).length).toBeGreaterThan(0);
}

const pushCount = (city: FaultCity) => city.seen.filter((s) => s.path === PUSH).length;

/** How many batches the outbox after `ackedSeq` takes: records and audit lines travel together. */
const batchesAfter = (backend: TestBackend, ackedSeq: number) => Math.ceil((localOutbox(backend).length - ackedSeq) / BATCH);

it('enrols with a good code, and refuses a bad one in Chinese on the code field', async () => {
  const { city, backend } = await rig();
  const bad = await backend.callAs('admin', 'sync.enroll', { serverUrl: city.url, code: 'NOT-A-REAL-CODE', name: '一号窗口' });
  expect(bad).toMatchObject({ ok: false, code: 'enroll_code_invalid', field: 'code' });
  expect(!bad.ok && bad.message).toMatch(CHINESE);
  expect(backend.sync.status().enrolled).toBe(false);

  const { code } = await enrollmentCode(city);
  const good = await backend.callAs('admin', 'sync.enroll', { serverUrl: `${city.url}/`, code, name: '一号窗口' });
  expect(good).toMatchObject({ ok: true, value: { enrolled: true, serverUrl: city.url, deviceCode: 'D001', countyCode: '410102' } });

  // A code works once.
  const again = await testBackend().callAs('admin', 'sync.enroll', { serverUrl: city.url, code, name: '二号窗口' });
  expect(again).toMatchObject({ ok: false, code: 'enroll_code_invalid', field: 'code' });
});

it('pushes everything that waits, in batches', async () => {
  const { city, backend } = await rig();
  await registerVisits(backend, 25);
  expect(backend.sync.status().waiting).toBe(25);
  const deviceId = await enroll(backend, city);
  await expectAllAtCity(city, backend, deviceId);
  expect(localRecords(backend)).toHaveLength(25);
  // One request per batch of the whole outbox: the 25 records and the audit lines among them.
  expect(pushCount(city)).toBe(batchesAfter(backend, 0));
  expect(await cityMatters(city)).toHaveLength(25);
  const s = backend.sync.status();
  expect(s).toMatchObject({ waiting: 0, oldestWaitingAt: null, lastError: null, online: true, syncing: false, progress: null });
  expect(drained(backend)).toBe(true);
  // Signing back in after the enrolment wrote lines the next run will take; the bar counts them.
  expect(s.auditWaiting).toBeGreaterThan(0);
  expect(s.lastSuccessAt).not.toBeNull();
});

it('a revoked device shows device_unauthorized in Chinese and stops retrying', async () => {
  const { city, backend } = await rig({ timerMs: 100, healthEveryMs: 100, debounceMs: 10 });
  const deviceId = await enroll(backend, city);
  const revoked = await city.app().inject({ method: 'POST', url: `/api/v1/admin/devices/${deviceId}/revoke`, headers: admin });
  expect(revoked.statusCode).toBe(204);

  backend.sync.start();
  await registerVisits(backend, 5);
  const s = await backend.sync.syncNow();
  expect(s.lastError?.code).toBe('device_unauthorized');
  expect(s.lastError?.message).toMatch(CHINESE);
  expect(s.waiting).toBe(5);

  // Neither the retry timer, the periodic timer, the health check nor a new local write try again.
  const tried = pushCount(city);
  await registerVisits(backend, 1, 6);
  await new Promise((r) => setTimeout(r, 800));
  expect(pushCount(city)).toBe(tried);
  expect(backend.sync.status()).toMatchObject({ waiting: 6, lastError: { code: 'device_unauthorized' } });
});

it('an unreachable server gives server_unreachable, keeps the data and shows offline', async () => {
  const { city, backend } = await rig();
  await enroll(backend, city);
  await city.close();
  await registerVisits(backend, 3);
  const s = await backend.sync.syncNow();
  expect(s).toMatchObject({ online: false, waiting: 3, lastError: { code: 'server_unreachable' } });
  expect(s.lastError?.message).toMatch(CHINESE);
  expect(s.oldestWaitingAt).not.toBeNull();
  expect(localRecords(backend)).toHaveLength(3);
});

it('resends from expectedSeq when the city answers seq_gap (its database was restored from an older backup)', async () => {
  const { city, backend } = await rig();
  await registerVisits(backend, 30);
  const deviceId = await enroll(backend, city);
  await expectAllAtCity(city, backend, deviceId);

  // The restore: the city remembers this device only up to seq 10.
  const db = city.db();
  const lost = await db.select({ entityId: events.entityId }).from(events).where(and(eq(events.deviceId, deviceId), gt(events.seq, 10)));
  const ids = lost.map((e) => e.entityId);
  await db.delete(visits).where(inArray(visits.matterId, ids));
  await db.delete(matters).where(inArray(matters.matterId, ids));
  await db.delete(events).where(and(eq(events.deviceId, deviceId), gt(events.seq, 10)));
  await db.update(devices).set({ lastSeq: 10 }).where(eq(devices.id, deviceId));

  await registerVisits(backend, 5, 31);
  const s = await backend.sync.syncNow();
  expect(s).toMatchObject({ waiting: 0, lastError: null });
  await expectAllAtCity(city, backend, deviceId);
  expect(await cityMatters(city)).toHaveLength(35);
});

it('reports progress during a large upload', async () => {
  const { city, backend } = await rig();
  await registerVisits(backend, 120);
  city.setRule(({ path }) => (path === PUSH ? { kind: 'delay', ms: 60 } : undefined));
  const seen: NonNullable<SyncStatus['progress']>[] = [];
  const poll = setInterval(() => {
    const p = backend.sync.status().progress;
    if (p) seen.push(p);
  }, 10);
  const deviceId = await enroll(backend, city);
  clearInterval(poll);

  // The push counts every event it sends, the 120 records and the audit lines among them alike.
  expect(localRecords(backend)).toHaveLength(120);
  const total = localOutbox(backend).length;
  expect(seen.length).toBeGreaterThan(5);
  expect(seen.every((p) => p.total === total && p.sent >= 0 && p.sent < total)).toBe(true);
  expect(seen.at(-1)!.sent).toBeGreaterThan(seen[0]!.sent);
  expect(backend.sync.status().progress).toBeNull();
  await expectAllAtCity(city, backend, deviceId);
});

it('syncNow called twice at once runs one push', async () => {
  const { city, backend } = await rig();
  const deviceId = await enroll(backend, city);
  await registerVisits(backend, 30);
  // Enrolment already pushed the sign-ins' audit lines: count from where it left off.
  const acked = getSyncState(backend.db).lastAckedSeq;
  const before = pushCount(city);
  const [a, b] = await Promise.all([backend.sync.syncNow(), backend.dispatch('sync.now', {})]);
  expect(localRecords(backend)).toHaveLength(30);
  expect(pushCount(city) - before).toBe(batchesAfter(backend, acked));
  expect(a).toMatchObject({ waiting: 0, lastError: null });
  expect(b).toMatchObject({ ok: true, value: { waiting: 0, lastError: null } });
  await expectAllAtCity(city, backend, deviceId);
  await waitFor(() => !backend.sync.status().syncing, 1000, 'the push to end');
});
