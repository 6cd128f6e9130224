// One bad record never blocks a device's queue (DESIGN.md §4): an event whose content fails — a
// payload that does not fit, an unknown type (whatever it is named), text longer than any field,
// a key the city already holds, anything PostgreSQL cannot store — is quarantined with a stable
// code and a Chinese reason, still acknowledged, and the rest of its batch applies.
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { EventPayload } from '../../domain/sync/events';
import { MAX_TEXT_LENGTH } from '../../server/push/eventChecks';
import { allVisits, quarantine } from '../../server/store/schema';
import { describeEachBackend, deviceInfo, enrolledDevice, matterEvent, matterPayload, push, pushBody, pushedRows as rows, visitEvent } from '../support/cityFixtures';

describeEachBackend('sync push quarantine', (city) => {
  it('quarantines events whose content fails, still acknowledges them, and accepts the next event', async () => {
    const device = await enrolledDevice(city.app);
    const { summary: _dropped, ...withoutSummary } = matterPayload();
    const batch = [
      matterEvent(1),
      matterEvent(2, { payload: withoutSummary }),
      matterEvent(3, { type: 'matter.teleported' }),
      matterEvent(4, { occurredAt: 'yesterday' }),
      matterEvent(5),
    ];
    const body = pushBody(device.deviceId, batch);

    const r = await push(city.app, device, body);
    expect(r.statusCode).toBe(200);
    const answer = r.json();
    expect(answer.ackedSeq).toBe(5);
    expect(answer.rejected.map((x: { seq: number; code: string }) => [x.seq, x.code])).toEqual([
      [2, 'bad_payload'],
      [3, 'unknown_type'],
      [4, 'bad_timestamp'],
    ]);
    // The window shows these reasons to its clerks as they are: in Chinese, naming the field.
    for (const x of answer.rejected) expect(x.message).toMatch(/[\u4e00-\u9fff]/);
    expect(answer.rejected[0].message).toContain('summary');
    expect(answer.rejected[0].message).not.toMatch(/Invalid input/);
    expect(await rows(city)).toEqual({ events: 2, quarantine: 3, matters: 2 });

    // The answer is the same if the device resends because the first one was lost.
    expect((await push(city.app, device, body)).json()).toEqual(answer);

    const next = await push(city.app, device, pushBody(device.deviceId, [matterEvent(6)]));
    expect(next.json()).toEqual({ ackedSeq: 6, rejected: [] });
    expect(await deviceInfo(city.app, device.deviceId)).toMatchObject({ lastSeq: 6, quarantinedCount: 3 });
  });

  it('quarantines a matter whose number another device already registered', async () => {
    const a = await enrolledDevice(city.app);
    const b = await enrolledDevice(city.app);
    const e = matterEvent(1);
    await push(city.app, a, pushBody(a.deviceId, [e]));

    const r = await push(city.app, b, pushBody(b.deviceId, [matterEvent(1, { payload: matterPayload({ matterNo: e.payload.matterNo as string }) })]));
    expect(r.json()).toMatchObject({ ackedSeq: 1, rejected: [{ seq: 1, code: 'matter_conflict' }] });
  });

  it('quarantines a registration whose visit id is already taken, in the same batch or an earlier one', async () => {
    const a = await enrolledDevice(city.app);
    const first = matterEvent(1);
    const visitId = (first.payload as { visitId: string }).visitId;
    const sameBatch = matterEvent(2, { payload: matterPayload({ visitId }) });
    // The same uuid in capitals is the same visit, not a second one.
    const sameInCapitals = matterEvent(3, { payload: matterPayload({ visitId: visitId.toUpperCase() }) });
    const r1 = await push(city.app, a, pushBody(a.deviceId, [first, sameBatch, sameInCapitals]));
    expect(r1.statusCode).toBe(200);
    expect(r1.json()).toMatchObject({
      ackedSeq: 3,
      rejected: [
        { seq: 2, code: 'matter_conflict' },
        { seq: 3, code: 'matter_conflict' },
      ],
    });
    const r2 = await push(city.app, a, pushBody(a.deviceId, [matterEvent(4, { payload: matterPayload({ visitId }) })]));
    expect(r2.statusCode).toBe(200);
    expect(r2.json()).toMatchObject({ ackedSeq: 4, rejected: [{ seq: 4, code: 'matter_conflict' }] });
    expect(await rows(city)).toEqual({ events: 1, quarantine: 3, matters: 1 });
  });

  it('refuses a repeat visit whose id the city already has, as a first visit or a repeat one', async () => {
    const device = await enrolledDevice(city.app);
    const registered = matterEvent(1);
    const matter = registered.payload as EventPayload<'matter.registered'>;
    const repeat = visitEvent(2, matter);
    const r = await push(
      city.app,
      device,
      pushBody(device.deviceId, [registered, repeat, visitEvent(3, matter, { visitId: matter.visitId.toUpperCase() }), visitEvent(4, matter, { visitId: (repeat.payload as { visitId: string }).visitId })]),
    );
    expect(r.json()).toMatchObject({
      ackedSeq: 4,
      rejected: [
        { seq: 3, code: 'visit_conflict' },
        { seq: 4, code: 'visit_conflict' },
      ],
    });
    const kept = await city.db.select({ visitId: allVisits.visitId, kind: allVisits.kind }).from(allVisits).orderBy(allVisits.kind);
    expect(kept).toEqual([
      { visitId: matter.visitId, kind: 'first' },
      { visitId: (repeat.payload as { visitId: string }).visitId, kind: 'repeat' },
    ]);
  });

  it('quarantines an event nested too deep for jsonb instead of failing the batch on every resend', async () => {
    const device = await enrolledDevice(city.app);
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    for (const summary of [deep, `{"a":${deep}}`]) {
      const seq = (await deviceInfo(city.app, device.deviceId)).lastSeq + 1;
      const text = JSON.stringify(pushBody(device.deviceId, [matterEvent(seq, { payload: matterPayload({ summary: 'DEEP' }) }), matterEvent(seq + 1)])).replace('"DEEP"', summary);
      const r = await push(city.app, device, text, { 'content-type': 'application/json' });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ ackedSeq: seq + 1, rejected: [{ seq, code: 'too_deep' }] });
      expect(r.json().rejected[0].message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await rows(city)).toEqual({ events: 2, quarantine: 2, matters: 2 });
  });

  it('quarantines an event whose type is named like an object property as an unknown type, whichever way the body arrives', async () => {
    const device = await enrolledDevice(city.app);
    const types = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
    const batch = [...types.map((type, k) => matterEvent(k + 1, { type })), matterEvent(types.length + 1)];
    // As JSON text, where "__proto__" is an own key like any other, and compressed.
    const r = await push(city.app, device, gzipSync(JSON.stringify(pushBody(device.deviceId, batch))), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ ackedSeq: types.length + 1, rejected: types.map((_, k) => ({ seq: k + 1, code: 'unknown_type', message: expect.stringMatching(/^未知的事件类型/) })) });
    expect(await rows(city)).toEqual({ events: 1, quarantine: types.length, matters: 1 });
  });

  it('quarantines an event with a string longer than any field of the forms, in the payload or its envelope, and keeps the rest of the batch', async () => {
    const device = await enrolledDevice(city.app);
    const long = '长'.repeat(MAX_TEXT_LENGTH + 1);
    const r = await push(
      city.app,
      device,
      pushBody(device.deviceId, [
        matterEvent(1, { payload: matterPayload({ facts: long }) }),
        matterEvent(2, { entityId: long }),
        matterEvent(3, { type: long }),
        matterEvent(4, { payload: { ...matterPayload(), [long]: 1 } }),
        matterEvent(5, { payload: matterPayload({ facts: '长'.repeat(MAX_TEXT_LENGTH) }) }),
      ]),
    );
    expect(r.json()).toEqual({ ackedSeq: 5, rejected: [1, 2, 3, 4].map((seq) => ({ seq, code: 'text_too_long', message: expect.stringContaining(String(MAX_TEXT_LENGTH)) })) });
    expect(await rows(city)).toEqual({ events: 1, quarantine: 4, matters: 1 });
  });

  it('quarantines an event carrying U+0000 instead of failing the batch on every resend', async () => {
    const device = await enrolledDevice(city.app);
    const r = await push(city.app, device, pushBody(device.deviceId, [matterEvent(1, { payload: matterPayload({ summary: 'a\u0000b' }) }), matterEvent(2)]));
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ackedSeq: 2, rejected: [{ seq: 1, code: 'nul_character' }] });
  });

  it('quarantines an event carrying a lone UTF-16 surrogate, which jsonb refuses, and keeps it with U+FFFD in its place', async () => {
    const device = await enrolledDevice(city.app);
    const r = await push(
      city.app,
      device,
      pushBody(device.deviceId, [matterEvent(1, { payload: matterPayload({ summary: '供暖\ud800不达标' }) }), matterEvent(2, { payload: matterPayload({ facts: '\udc00' }) }), matterEvent(3)]),
    );
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      ackedSeq: 3,
      rejected: [
        { seq: 1, code: 'lone_surrogate' },
        { seq: 2, code: 'lone_surrogate' },
      ],
    });
    const [kept] = await city.db.select({ payload: quarantine.payload }).from(quarantine).where(eq(quarantine.seq, 1));
    expect((kept!.payload as { summary: string }).summary).toBe('供暖\ufffd不达标');
    expect(await rows(city)).toEqual({ events: 1, quarantine: 2, matters: 1 });
  });

});
