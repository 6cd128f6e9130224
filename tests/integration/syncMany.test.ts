// Many county windows pushing at once (DESIGN.md §4, §5): 200 enrolled devices, each pushing its
// own outbox in batches over real HTTP to one city server, all at the same time. Nothing may be
// refused, lost or doubled. The events are generated directly (no SQLite backend per device).
import type { AddressInfo } from 'node:net';
import { asc, count } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SyncEvent } from '../../domain/sync/events';
import { buildApp } from '../../server/app';
import { type CityDbHandle, openCityDb } from '../../server/store/db';
import { events, matters, quarantine } from '../../server/store/schema';
import { ADMIN_TOKEN, bearer, type Device, enrolledDevice, matterEvent, matterPayload } from '../support/cityFixtures';

const DEVICES = 200;
const EVENTS_PER_DEVICE = 50;
const BATCH = 10;

let handle: CityDbHandle;
let app: Awaited<ReturnType<typeof buildApp>>;
let url: string;

beforeAll(async () => {
  handle = await openCityDb();
  app = await buildApp({ db: handle.db, adminToken: ADMIN_TOKEN, rateLimitPerMinute: 1_000_000, enrollRateLimitPerMinute: 1_000_000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

/** The device's outbox; matter numbers are unique per device and seq, as the window makes them. */
function outbox(d: Device): SyncEvent[] {
  return Array.from({ length: EVENTS_PER_DEVICE }, (_, i) => {
    const payload = matterPayload();
    payload.matterNo = `${d.countyCode}-${d.deviceCode}-2026-${String(i + 1).padStart(6, '0')}`;
    return matterEvent(i + 1, { entityId: payload.matterId, payload });
  });
}

async function pushAll(d: Device, all: SyncEvent[]): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < all.length; i += BATCH) {
    const res = await fetch(`${url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(d.token) },
      body: JSON.stringify({ deviceId: d.deviceId, batchId: crypto.randomUUID(), events: all.slice(i, i + BATCH) }),
    });
    const body = (await res.json()) as { ackedSeq?: number; rejected?: unknown[] };
    const want = Math.min(i + BATCH, all.length);
    if (res.status !== 200 || body.ackedSeq !== want || body.rejected?.length !== 0) problems.push(`${d.deviceCode} ${res.status} ${JSON.stringify(body)}`);
  }
  return problems;
}

it(`${DEVICES} devices × ${EVENTS_PER_DEVICE} events pushed concurrently: no errors, nothing lost or doubled`, { timeout: 60_000 }, async () => {
  const devices: Device[] = [];
  // Four counties, so device codes repeat across counties as they do in the field.
  for (let i = 0; i < DEVICES; i++) devices.push(await enrolledDevice(app, ['410102', '410103', '410104', '410105'][i % 4]));
  const outboxes = new Map(devices.map((d) => [d.deviceId, outbox(d)]));

  const problems = (await Promise.all(devices.map((d) => pushAll(d, outboxes.get(d.deviceId)!)))).flat();
  expect(problems).toEqual([]);

  const stored = await handle.db
    .select({ deviceId: events.deviceId, seq: events.seq, eventId: events.eventId })
    .from(events)
    .orderBy(asc(events.deviceId), asc(events.seq));
  expect(stored).toHaveLength(DEVICES * EVENTS_PER_DEVICE);
  const byDevice = new Map<string, typeof stored>();
  for (const e of stored) byDevice.set(e.deviceId, [...(byDevice.get(e.deviceId) ?? []), e]);
  for (const [deviceId, sent] of outboxes) {
    const got = byDevice.get(deviceId)!;
    expect(got.map((e) => e.seq)).toEqual(sent.map((e) => e.seq));
    expect(got.map((e) => e.eventId)).toEqual(sent.map((e) => e.id));
  }
  const [m] = await handle.db.select({ n: count() }).from(matters);
  const [q] = await handle.db.select({ n: count() }).from(quarantine);
  expect({ matters: m!.n, quarantine: q!.n }).toEqual({ matters: DEVICES * EVENTS_PER_DEVICE, quarantine: 0 });
});
