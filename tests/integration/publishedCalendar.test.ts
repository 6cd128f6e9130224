// The city publishes next year's holiday arrangement; the window pulls it and counts its open
// deadlines again (DOMAIN.md §4): the estimate over weekends gives way to the real last day.
import { afterEach, expect, it } from 'vitest';
import type { MatterDetail } from '../../domain/matters/rpc';
import { testBackend, validVisit } from '../support/backend';
import { enroll, noJitter, startFaultCity } from '../support/faultProxy';
import { admin } from '../support/cityFixtures';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
}, 120_000);

async function cityCall(city: { url: string }, method: string, path: string, body?: unknown) {
  const res = await fetch(`${city.url}${path}`, { method, headers: { ...admin, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

const Y2027 = { source: '测试用2027年节假日安排', restDays: ['2027-01-01', '2027-01-02', '2027-01-03'], workingDays: [] };

it('a published 2027 moves an open matter’s estimated last day off 元旦 and stops calling it estimated', async () => {
  const city = await startFaultCity();
  cleanup.push(() => city.close());
  const backend = testBackend({ now: () => new Date('2026-12-17T09:00:00+08:00'), sync: { random: noJitter, debounceMs: 60_000, timerMs: 60_000, healthEveryMs: 60_000 } });
  cleanup.push(() => backend.close());
  await enroll(backend, city);

  // Received Thu 12-17: 15 days end Fri 2027-01-01, a working day while 2027 is unknown.
  const reg = await backend.dispatch('intake.register', validVisit);
  expect(reg).toMatchObject({ ok: true, value: { nextDeadline: { lastDay: '2027-01-01', estimated: true } } });
  const { matterId } = (reg as { value: { matterId: string } }).value;

  // The city refuses a year that cannot be right, and takes one that can.
  expect((await cityCall(city, 'PUT', '/api/v1/admin/calendar/2027', { ...Y2027, restDays: ['2026-12-31'] })).status).toBe(400);
  expect((await cityCall(city, 'PUT', '/api/v1/admin/calendar/2027', Y2027)).status).toBe(200);
  expect((await cityCall(city, 'GET', '/api/v1/admin/calendar')).body).toEqual({ years: [{ year: 2027, ...Y2027 }] });
  await backend.dispatch('sync.now', {});
  expect(backend.sync.status()).toMatchObject({ lastError: null });

  // 元旦 01-01 to 01-03 rest: the period ends Monday 01-04, no longer an estimate.
  const detail = (await backend.dispatch('matters.get', { matterId })) as { ok: true; value: MatterDetail };
  expect(detail.value.nextDeadline).toMatchObject({ lastDay: '2027-01-04', estimated: false });
  const stored = backend.db.$client.prepare('SELECT next_due FROM matter WHERE id = ?').get(matterId);
  expect(stored).toEqual({ next_due: '2027-01-04' });
  const queue = await backend.dispatch('matters.queue', { scope: 'all' });
  expect(queue).toMatchObject({ ok: true, value: { items: [{ matterId, nextDeadline: { lastDay: '2027-01-04', estimated: false } }] } });
}, 120_000);
