// Sync protocol v1 at the city server (DESIGN.md §4): one test per rule of POST /api/v1/sync/push
// (what it quarantines: server.pushQuarantine.test.ts).
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { MAX_BATCH_BYTES, type SyncEvent } from '../../domain/sync/events';
import { applyPushes } from '../../server/push/applyPushes';
import { events, matters } from '../../server/store/schema';
import {
  admin,
  type Device,
  describeEachBackend,
  deviceInfo,
  enrolledDevice,
  expectCleanError,
  matterEvent,
  matterEvents,
  matterPayload,
  push,
  pushBody,
  pushedRows as rows,
} from '../support/cityFixtures';

describeEachBackend('sync push', (city) => {
  it('accepts a batch, and the same batch resent is acknowledged again without doubling anything', async () => {
    const device = await enrolledDevice(city.app);
    const body = pushBody(device.deviceId, matterEvents(1, 3));

    const first = await push(city.app, device, body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ ackedSeq: 3, rejected: [] });

    const again = await push(city.app, device, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ackedSeq: 3, rejected: [] });

    expect(await rows(city)).toEqual({ events: 3, quarantine: 0, matters: 3 });
    expect((await deviceInfo(city.app, device.deviceId)).lastSeq).toBe(3);
  });

  it('recognises a resent event whose id differs only in letter case', async () => {
    const device = await enrolledDevice(city.app);
    const e = matterEvent(1);
    await push(city.app, device, pushBody(device.deviceId, [{ ...e, id: e.id.toUpperCase() }]));
    const r = await push(city.app, device, pushBody(device.deviceId, [e, matterEvent(2)]));
    expect(r.json()).toEqual({ ackedSeq: 2, rejected: [] });
  });

  it('keeps every accepted event exactly as received', async () => {
    const device = await enrolledDevice(city.app);
    const e = matterEvent(1);
    const batchId = randomUUID();
    await push(city.app, device, pushBody(device.deviceId, [e], batchId));

    const [stored] = await city.db.select().from(events).where(eq(events.deviceId, device.deviceId));
    expect(stored).toMatchObject({ seq: 1, eventId: e.id, type: e.type, entityId: e.entityId, occurredAt: e.occurredAt, payload: e.payload, batchId });
  });

  it('stores the payloads of a body sent as bytes, whatever way its JSON writes numbers', async () => {
    const device = await enrolledDevice(city.app);
    const e = matterEvent(1, { payload: matterPayload({ headcount: 3, clockOffsetMs: -1200 }) });
    // Valid JSON that JSON.parse and jsonb read alike but write back differently.
    const text = JSON.stringify(pushBody(device.deviceId, [e])).replace('"headcount":3', '"headcount":3.0').replace('"clockOffsetMs":-1200', '"clockOffsetMs":-1.2e3');
    const r = await push(city.app, device, Buffer.from(text), { 'content-type': 'application/json' });
    expect(r.json()).toEqual({ ackedSeq: 1, rejected: [] });
    const [m] = await city.db.select({ headcount: matters.headcount, clockOffsetMs: matters.clockOffsetMs }).from(matters).where(eq(matters.deviceId, device.deviceId));
    expect(m).toEqual({ headcount: 3, clockOffsetMs: -1200 });
  });

  it('stores what it understood of a body with a byte-order mark or bytes that are not UTF-8', async () => {
    const device = await enrolledDevice(city.app);
    const withMark = matterEvent(1);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(pushBody(device.deviceId, [withMark])))]);
    expect((await push(city.app, device, bom, { 'content-type': 'application/json' })).json()).toEqual({ ackedSeq: 1, rejected: [] });

    const broken = matterEvent(2, { payload: matterPayload({ summary: '供暖XX不达标' }) });
    const bytes = Buffer.from(JSON.stringify(pushBody(device.deviceId, [broken])));
    const at = bytes.indexOf('XX');
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    expect((await push(city.app, device, bytes, { 'content-type': 'application/json' })).json()).toEqual({ ackedSeq: 2, rejected: [] });

    const stored = await city.db.select({ seq: events.seq, payload: events.payload }).from(events).where(eq(events.deviceId, device.deviceId)).orderBy(events.seq);
    expect(stored.map((s) => s.payload)).toEqual([withMark.payload, { ...broken.payload, summary: '供暖\ufffd\ufffd不达标' }]);
  });

  it('lets the second of two claims to one matter id win when the city refused the first, as one at a time', async () => {
    const a = await enrolledDevice(city.app);
    const b = await enrolledDevice(city.app);
    const taken = matterEvent(1);
    await push(city.app, a, pushBody(a.deviceId, [taken]));
    const takenNo = (taken.payload as { matterNo: string }).matterNo;
    const first = matterEvent(1, { payload: matterPayload({ matterNo: takenNo }) });
    const matterId = (first.payload as { matterId: string }).matterId;
    const second = matterEvent(2, { payload: matterPayload({ matterId: matterId.toUpperCase() }) });
    const r = await push(city.app, b, pushBody(b.deviceId, [first, second]));
    expect(r.json()).toMatchObject({ ackedSeq: 2, rejected: [{ seq: 1, code: 'matter_conflict' }] });
    const [m] = await city.db.select({ matterNo: matters.matterNo }).from(matters).where(eq(matters.matterId, matterId));
    expect(m).toEqual({ matterNo: (second.payload as { matterNo: string }).matterNo });
  });

  it('skips duplicates at the front of a batch and applies what follows', async () => {
    const device = await enrolledDevice(city.app);
    const batch = matterEvents(1, 4);
    await push(city.app, device, pushBody(device.deviceId, batch.slice(0, 2)));

    const r = await push(city.app, device, pushBody(device.deviceId, batch));
    expect(r.json()).toEqual({ ackedSeq: 4, rejected: [] });
    expect((await rows(city)).events).toBe(4);
  });

  it('refuses a gap with 409 seq_gap and expectedSeq, applying nothing of the batch', async () => {
    const device = await enrolledDevice(city.app);
    await push(city.app, device, pushBody(device.deviceId, matterEvents(1, 2)));

    const three = matterEvent(3);
    const r = await push(city.app, device, pushBody(device.deviceId, [three, matterEvent(5)]));
    expect(expectCleanError(r, 409, 'seq_gap')).toMatchObject({ expectedSeq: 4 });

    const gapAtStart = await push(city.app, device, pushBody(device.deviceId, [matterEvent(4)]));
    expect(expectCleanError(gapAtStart, 409, 'seq_gap')).toMatchObject({ expectedSeq: 3 });

    expect(await rows(city)).toEqual({ events: 2, quarantine: 0, matters: 2 });
    expect((await deviceInfo(city.app, device.deviceId)).lastSeq).toBe(2);
    const m = await city.app.inject({ method: 'GET', url: `/api/v1/admin/matters?matterNo=${three.payload.matterNo}`, headers: admin });
    expect(m.json().matters).toEqual([]);
  });

  it('refuses a known seq with another event id as 409 seq_conflict, applying nothing', async () => {
    const device = await enrolledDevice(city.app);
    await push(city.app, device, pushBody(device.deviceId, matterEvents(1, 2)));

    const r = await push(city.app, device, pushBody(device.deviceId, [matterEvent(2), matterEvent(3)]));
    expectCleanError(r, 409, 'seq_conflict');

    const twiceInOneBatch = await push(city.app, device, pushBody(device.deviceId, [matterEvent(3), matterEvent(3)]));
    expectCleanError(twiceInOneBatch, 409, 'seq_conflict');

    expect(await rows(city)).toEqual({ events: 2, quarantine: 0, matters: 2 });
    expect((await deviceInfo(city.app, device.deviceId)).lastSeq).toBe(2);
  });

  it('makes the matter readable on the city side', async () => {
    const device = await enrolledDevice(city.app, '410183');
    const e = matterEvent(1);
    await push(city.app, device, pushBody(device.deviceId, [e]));
    const p = e.payload as ReturnType<typeof matterPayload>;

    const r = await city.app.inject({ method: 'GET', url: `/api/v1/admin/matters?matterNo=${encodeURIComponent(p.matterNo)}`, headers: admin });
    expect(r.statusCode).toBe(200);
    expect(r.json().matters).toEqual([
      {
        matterId: p.matterId,
        matterNo: p.matterNo,
        countyCode: '410183',
        deviceId: device.deviceId,
        channel: p.channel,
        headcount: p.headcount,
        summary: p.summary,
        receivedAt: new Date(p.receivedAt).toISOString(),
        clockOffsetMs: p.clockOffsetMs,
        categoryCode: p.categoryCode,
        placeRegion: p.placeRegion,
        respondent: p.respondent,
        facts: p.facts,
        flags: p.flags,
        visitor: p.visitor,
        representatives: p.representatives,
      },
    ]);
    const byCounty = await city.app.inject({ method: 'GET', url: '/api/v1/admin/matters?countyCode=410183', headers: admin });
    expect(byCounty.json().matters).toHaveLength(1);
    const otherCounty = await city.app.inject({ method: 'GET', url: '/api/v1/admin/matters?countyCode=410102', headers: admin });
    expect(otherCounty.json().matters).toHaveLength(0);
  });

  it('answers 413 to more than 500 events, applying nothing', async () => {
    const device = await enrolledDevice(city.app);
    const r = await push(city.app, device, pushBody(device.deviceId, matterEvents(1, 501)));
    expectCleanError(r, 413);
    expect((await rows(city)).events).toBe(0);

    const ok = await push(city.app, device, pushBody(device.deviceId, matterEvents(1, 500)));
    expect(ok.json()).toEqual({ ackedSeq: 500, rejected: [] });
  });

  it('answers 413 to a body over 4 MiB, applying nothing', async () => {
    const device = await enrolledDevice(city.app);
    const big = matterEvent(1, { payload: matterPayload({ summary: 'x'.repeat(MAX_BATCH_BYTES) }) });
    const r = await push(city.app, device, pushBody(device.deviceId, [big]));
    expectCleanError(r, 413, 'payload_too_large');
    expect((await rows(city)).events).toBe(0);
  });

  it('accepts a gzip-compressed body', async () => {
    const device = await enrolledDevice(city.app);
    const gz = gzipSync(JSON.stringify(pushBody(device.deviceId, matterEvents(1, 20))));
    const r = await push(city.app, device, gz, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ ackedSeq: 20, rejected: [] });
  });

  it('refuses a gzip bomb with 413 once the decompressed size passes 4 MiB', async () => {
    const device = await enrolledDevice(city.app);
    const event = `{"seq":1,"id":"${randomUUID()}","type":"matter.registered","entityId":"e","occurredAt":"2026-03-01T08:30:00Z"`;
    const head = `{"deviceId":"${device.deviceId}","batchId":"${randomUUID()}","events":[${event},"payload":{"summary":"`;
    const bomb = gzipSync(Buffer.concat([Buffer.from(head), Buffer.alloc(64 * 1024 * 1024, 0x61), Buffer.from('"}}]}')]), { level: 9 });
    expect(bomb.length).toBeLessThan(MAX_BATCH_BYTES / 8);

    const r = await push(city.app, device, bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expectCleanError(r, 413, 'payload_too_large');
    expect((await rows(city)).events).toBe(0);
  });

  it('refuses a body that is not valid gzip, and an encoding it does not know', async () => {
    const device = await enrolledDevice(city.app);
    const json = JSON.stringify(pushBody(device.deviceId, matterEvents(1, 1)));
    expectCleanError(await push(city.app, device, json, { 'content-type': 'application/json', 'content-encoding': 'gzip' }), 400, 'invalid_gzip');
    expectCleanError(await push(city.app, device, json, { 'content-type': 'application/json', 'content-encoding': 'br' }), 415, 'unsupported_encoding');
  });

  it('refuses a malformed envelope with 400, applying nothing', async () => {
    const device = await enrolledDevice(city.app);
    const good = () => pushBody(device.deviceId, matterEvents(1, 2));
    const { batchId: _b, ...missingBatchId } = good();
    const { payload: _p, ...eventWithoutPayload } = matterEvent(1);
    const cases: unknown[] = [
      missingBatchId,
      { ...good(), extra: true },
      { ...good(), events: [{ ...matterEvent(1), note: 'unknown field' }] },
      { ...good(), events: [{ ...matterEvent(1), seq: '1' }] },
      { ...good(), events: [{ ...matterEvent(1), seq: 0 }] },
      { ...good(), events: [{ ...matterEvent(1), id: 'not-a-uuid' }] },
      { ...good(), events: [eventWithoutPayload] },
      { ...good(), events: [{ ...matterEvent(1), payload: [] }] },
      { ...good(), events: {} },
      { ...good(), batchId: 42 },
      [],
    ];
    for (const body of cases) expectCleanError(await push(city.app, device, body as object), 400, 'invalid_request');

    expectCleanError(await push(city.app, device, '{"deviceId": ', { 'content-type': 'application/json' }), 400, 'invalid_json');
    expectCleanError(await push(city.app, device, '', { 'content-type': 'application/json' }), 400, 'invalid_json');
    expectCleanError(await push(city.app, device, '{"__proto__": {"x": 1}}', { 'content-type': 'application/json' }), 400);
    expectCleanError(await push(city.app, device, 'seq=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');

    expect(await rows(city)).toEqual({ events: 0, quarantine: 0, matters: 0 });
    expect((await deviceInfo(city.app, device.deviceId)).lastSeq).toBe(0);
  });

  it('refuses missing or bad authentication with 401', async () => {
    const device = await enrolledDevice(city.app);
    const body = pushBody(device.deviceId, matterEvents(1, 1));
    const noAuth = await city.app.inject({ method: 'POST', url: '/api/v1/sync/push', payload: body });
    expectCleanError(noAuth, 401, 'unauthorized');
    expectCleanError(await push(city.app, { ...device, token: 'not-a-token' }, body), 401, 'unauthorized');
    expectCleanError(await push(city.app, device, body, { authorization: `Basic ${device.token}` }), 401, 'unauthorized');
    expectCleanError(await push(city.app, device, body, { authorization: `Bearer ${'A'.repeat(43)}` }), 401, 'unauthorized');
    expect((await rows(city)).events).toBe(0);
  });

  it('checks the token before it parses the body: a bad token is 401 whatever the body, or none', async () => {
    const device = await enrolledDevice(city.app);
    const stranger = { ...device, token: 'not-a-token' };
    const json = { 'content-type': 'application/json' };
    expectCleanError(await push(city.app, stranger, '{"deviceId": ', json), 401, 'unauthorized');
    expectCleanError(await push(city.app, stranger, '', json), 401, 'unauthorized');
    expectCleanError(await city.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { authorization: `Bearer ${stranger.token}` } }), 401, 'unauthorized');
    await city.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${device.deviceId}/revoke`, headers: admin });
    expectCleanError(await push(city.app, device, '{"deviceId": ', json), 401, 'device_revoked');
    // With a good token the same body is the client's mistake.
    const other = await enrolledDevice(city.app);
    expectCleanError(await push(city.app, other, '{"deviceId": ', json), 400, 'invalid_json');
  });

  it("refuses another device's deviceId with 403, applying nothing", async () => {
    const mine = await enrolledDevice(city.app);
    const theirs = await enrolledDevice(city.app);
    const r = await push(city.app, mine, pushBody(theirs.deviceId, matterEvents(1, 1)));
    expectCleanError(r, 403, 'device_mismatch');
    expect((await rows(city)).events).toBe(0);
    expect((await deviceInfo(city.app, theirs.deviceId)).lastSeq).toBe(0);
  });

  it('commits a group of batches from several devices together, each with its own answer', async () => {
    const [a, b, c, d] = [await enrolledDevice(city.app), await enrolledDevice(city.app), await enrolledDevice(city.app), await enrolledDevice(city.app)];
    const cEarlier = matterEvents(1, 2);
    await push(city.app, c, pushBody(c.deviceId, cEarlier));
    await city.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${d.deviceId}/revoke`, headers: admin });
    const before = await rows(city);
    // A batch that came over the wire, or (asReceived false) one whose payloads are written out again.
    const group = (device: Device, events: SyncEvent[], asReceived = true) => {
      const body = pushBody(device.deviceId, events);
      const text = JSON.stringify(body);
      return { device: { id: device.deviceId, countyCode: device.countyCode, deviceCode: device.deviceCode }, body, received: asReceived ? { text, bytes: Buffer.from(text) } : null };
    };
    const aFirst = matterEvents(1, 3);
    // c resends its seq 2 and claims a's third matter number: the first claim in the group wins.
    const cClaim = matterEvent(4, { payload: matterPayload({ matterNo: aFirst[2]!.payload.matterNo as string }) });
    const outcomes = await applyPushes(city.db, [
      group(a, aFirst),
      group(b, [matterEvent(2)]),
      group(c, [cEarlier[1]!, matterEvent(3), cClaim], false),
      group(d, matterEvents(1, 1)),
    ]);

    expect(outcomes[0]).toEqual({ ackedSeq: 3, rejected: [] });
    expect(outcomes[1]).toMatchObject({ statusCode: 409, code: 'seq_gap', extra: { expectedSeq: 1 } });
    expect(outcomes[2]).toMatchObject({ ackedSeq: 4, rejected: [{ seq: 4, code: 'matter_conflict' }] });
    expect(outcomes[3]).toMatchObject({ statusCode: 401, code: 'device_revoked' });
    expect(await rows(city)).toEqual({ events: before.events + 4, quarantine: before.quarantine + 1, matters: before.matters + 4 });
    expect((await deviceInfo(city.app, a.deviceId)).lastSeq).toBe(3);
    expect((await deviceInfo(city.app, b.deviceId)).lastSeq).toBe(0);
    expect((await deviceInfo(city.app, c.deviceId)).lastSeq).toBe(4);
    expect((await deviceInfo(city.app, d.deviceId)).lastSeq).toBe(0);
  });

  it('serialises concurrent pushes from one device', async () => {
    const device = await enrolledDevice(city.app);
    const body = pushBody(device.deviceId, matterEvents(1, 50));
    const answers = await Promise.all([push(city.app, device, body), push(city.app, device, body), push(city.app, device, body)]);
    for (const a of answers) expect(a.json()).toEqual({ ackedSeq: 50, rejected: [] });
    expect(await rows(city)).toEqual({ events: 50, quarantine: 0, matters: 50 });
  });
});
