// A device acts within its own county (DESIGN.md §6): a county-A device cannot change a
// county-B matter, take county B's matter numbers, or read what county B holds, whether by push,
// lookup, pull or attachments. What it tries is quarantined or refused, and its queue moves on.
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { AUDIT_EVENT } from '../../domain/staff/audit';
import { events, matters, quarantine, visits } from '../../server/store/schema';
import { eventsAbout, registrationEvent } from '../support/cityEvents';
import { admin, bearer, describeEachBackend, deviceInfo, enrolledDevice, matterPayload, push, pushAll, pushBody } from '../support/cityFixtures';

const ID = '11010519491231002X';

describeEachBackend('county boundary', (city) => {
  const countyB = async () => {
    const device = await enrolledDevice(city.app, '410184');
    const matter = registrationEvent(1, { matterNo: '410184-D001-2026-000001', summary: '反映征地补偿不到位' });
    await pushAll(city.app, device, [matter]);
    return { device, matter: matter.payload };
  };
  const matterRow = async (matterId: string) => (await city.db.select().from(matters).where(eq(matters.matterId, matterId)))[0]!;

  it("quarantines every kind of event about another county's matter as foreign_matter, changes nothing of it, and moves on", async () => {
    const b = await countyB();
    const a = await enrolledDevice(city.app, '410102');
    const own = registrationEvent(1);
    await pushAll(city.app, a, [own]);
    const before = await matterRow(b.matter.matterId);
    const recordedBefore = (await city.db.select().from(events)).length;

    // The campaign names A's own matter first and B's last: one foreign matter is enough to refuse it.
    // (An audit line names no matter: it is the window's own record.)
    const tries = eventsAbout(2, b.matter, [own.payload.matterId])
      .filter((e) => e.type !== AUDIT_EVENT)
      .map((e, k) => ({ ...e, seq: 2 + k }));
    const r = await push(city.app, a, pushBody(a.deviceId, tries));
    expect(r.json().ackedSeq).toBe(1 + tries.length);
    expect(r.json().rejected).toEqual(tries.map((e) => ({ seq: e.seq, code: 'foreign_matter', message: expect.stringContaining('410184') })));
    expect(await matterRow(b.matter.matterId)).toEqual(before);
    expect(await city.db.select().from(visits)).toEqual([]);
    expect((await city.db.select().from(events)).length).toBe(recordedBefore);
    expect((await city.db.select().from(quarantine).where(eq(quarantine.deviceId, a.deviceId))).map((q) => q.code)).toEqual(tries.map(() => 'foreign_matter'));

    // The same events about its own matter are A's to send.
    const next = await push(city.app, a, pushBody(a.deviceId, eventsAbout(2 + tries.length, own.payload)));
    expect(next.json().rejected).toEqual([]);
  });

  it('accepts events about a matter another window of the same county registered', async () => {
    const first = await enrolledDevice(city.app, '410102');
    const second = await enrolledDevice(city.app, '410102');
    const m = registrationEvent(1, { matterNo: '410102-D001-2026-000001' });
    await pushAll(city.app, first, [m]);
    await pushAll(city.app, second, eventsAbout(1, m.payload));
  });

  it('quarantines an event about a matter the city does not hold as matter_unknown', async () => {
    const a = await enrolledDevice(city.app, '410102');
    const r = await push(city.app, a, pushBody(a.deviceId, eventsAbout(1, matterPayload())));
    expect(new Set(r.json().rejected.map((x: { code: string }) => x.code))).toEqual(new Set(['matter_unknown']));
  });

  it("quarantines a registration under another county's or another window's number as matter_no_foreign, so the number stays its owner's", async () => {
    const a = await enrolledDevice(city.app, '410102');
    const a2 = await enrolledDevice(city.app, '410102');
    const b = await enrolledDevice(city.app, '410184');
    const pre = [
      registrationEvent(1, { matterNo: '410184-D001-2026-000001' }),
      registrationEvent(2, { matterNo: '410102-D002-2026-000001' }),
      registrationEvent(3, { matterNo: '410102-D0012026-000001' }),
    ];
    const r = await push(city.app, a, pushBody(a.deviceId, pre));
    expect(r.json()).toEqual({ ackedSeq: 3, rejected: pre.map((e) => ({ seq: e.seq, code: 'matter_no_foreign', message: expect.stringContaining('410102-D001') })) });
    expect(await city.db.select().from(matters)).toEqual([]);

    // The owners register those numbers as their own; a window numbering before it was enrolled may send its numbers from any device.
    await pushAll(city.app, b, [registrationEvent(1, { matterNo: '410184-D001-2026-000001' })]);
    await pushAll(city.app, a2, [registrationEvent(1, { matterNo: '410102-D002-2026-000001' })]);
    await pushAll(city.app, a, [registrationEvent(4, { matterNo: '410102-D001-2026-000001' }), registrationEvent(5, { matterNo: '000000-L3F9A-2026-000001' })]);
    expect((await deviceInfo(city.app, a.deviceId)).quarantinedCount).toBe(3);
  });

  it("tells a county-A device of a county-B matter only that it exists, where, its state and dates", async () => {
    const b = await countyB();
    const a = await enrolledDevice(city.app, '410102');
    const r = await city.app.inject({ method: 'POST', url: '/api/v1/sync/lookup', headers: bearer(a.token), payload: { documentType: 'resident', documentNumber: ID } });
    expect(r.json()).toEqual({
      matters: [
        {
          matterId: b.matter.matterId,
          matterNo: b.matter.matterNo,
          countyCode: '410184',
          status: 'registered',
          receivedAt: new Date(b.matter.receivedAt).toISOString(),
          visits: [{ visitId: b.matter.visitId, kind: 'first', countyCode: '410184', receivedAt: new Date(b.matter.receivedAt).toISOString(), terminatedMatter: false }],
        },
      ],
    });
  });

  it("pulls no 督办 notice about another county's matter", async () => {
    const b = await countyB();
    const a = await enrolledDevice(city.app, '410102');
    const issued = await city.app.inject({
      method: 'POST',
      url: '/api/v1/admin/supervision',
      headers: admin,
      payload: { matterNo: b.matter.matterNo, issuedBy: '市信访局', dueOn: '2026-04-30', content: '请按期办结' },
    });
    expect(issued.statusCode).toBe(201);
    const pull = (token: string) => city.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: bearer(token) });
    expect((await pull(a.token)).json().supervision).toEqual([]);
    expect((await pull(b.device.token)).json().supervision).toHaveLength(1);
  });

  it("cannot see, resume or overwrite another county's attachment, even knowing its hash", async () => {
    const b = await countyB();
    const a = await enrolledDevice(city.app, '410102');
    const file = randomBytes(2_000);
    const sha = createHash('sha256').update(file).digest('hex');
    const url = `/api/v1/sync/attachments/${sha}`;
    const put = (token: string, body: Buffer, range?: string) =>
      city.app.inject({ method: 'PUT', url, headers: { ...bearer(token), 'content-type': 'application/octet-stream', ...(range ? { 'content-range': range } : {}) }, payload: body });
    expect((await put(b.device.token, file.subarray(0, 1_000), 'bytes 0-999/2000')).statusCode).toBe(200);
    // B's upload in progress is B's: A cannot learn of it, nor continue it.
    expect((await city.app.inject({ method: 'HEAD', url, headers: bearer(a.token) })).statusCode).toBe(404);
    expect((await put(a.token, file.subarray(1_000), 'bytes 1000-1999/2000')).statusCode).toBe(409);
    expect((await put(b.device.token, file.subarray(1_000), 'bytes 1000-1999/2000')).statusCode).toBe(201);
    expect((await city.app.inject({ method: 'HEAD', url, headers: bearer(a.token) })).statusCode).toBe(404);
    // Sending the same bytes makes A a copy of its own, and leaves B's as it was.
    expect((await put(a.token, file)).statusCode).toBe(201);
    expect((await city.app.inject({ method: 'HEAD', url, headers: bearer(b.device.token) })).headers['upload-complete']).toBe('1');
  });
});
