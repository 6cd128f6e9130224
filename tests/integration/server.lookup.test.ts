// The cross-county repeat-petitioner lookup (DESIGN.md §5): every matter and visit in the city
// for one document, for administrators and for devices confirming an offline repeat check.
import { expect, it } from 'vitest';
import { lookupResponseSchema } from '../../domain/sync/lookup';
import { admin, bearer, describeEachBackend, enrolledDevice, expectCleanError, matterPayload, pushAll, visitEvent } from '../support/cityFixtures';
import type { SyncEvent } from '../../domain/sync/events';

const ID = '11010519491231002X';
const OTHER_ID = '110105194912310021';

function matterEventOf(seq: number, over: Parameters<typeof matterPayload>[0]): SyncEvent {
  const payload = matterPayload(over);
  return { seq, id: crypto.randomUUID(), type: 'matter.registered', entityId: payload.matterId, occurredAt: payload.receivedAt, payload };
}

describeEachBackend('city person lookup', (city) => {
  const lookup = (token: string, body: Record<string, unknown>) =>
    city.app.inject({ method: 'POST', url: '/api/v1/sync/lookup', headers: bearer(token), payload: body });

  it("finds a person's matters and visits across counties, oldest first", async () => {
    const jinshui = await enrolledDevice(city.app, '410102');
    const xinzheng = await enrolledDevice(city.app, '410184');
    const base = matterPayload();
    const older = matterEventOf(1, { receivedAt: '2026-01-05T09:00:00.000+08:00', summary: '工资拖欠', matterNo: '410102-D001-2026-00001' });
    const other = matterEventOf(2, { visitor: { ...base.visitor, documentNumber: OTHER_ID, visitorId: crypto.randomUUID() } });
    await pushAll(city.app, jinshui, [older, other]);
    const newer = matterEventOf(1, { receivedAt: '2026-02-01T09:00:00.000+08:00', summary: '征地补偿', matterNo: '410184-D001-2026-00001' });
    const repeat = visitEvent(2, older.payload as ReturnType<typeof matterPayload>, { receivedAt: '2026-02-10T09:00:00.000+08:00' });
    await pushAll(city.app, xinzheng, [newer, repeat]);

    const r = await lookup(jinshui.token, { documentType: 'resident', documentNumber: ` ${ID.toLowerCase()} ` });
    expect(r.statusCode).toBe(200);
    const { matters } = lookupResponseSchema.parse(r.json());
    expect(matters.map((m) => [m.matterNo, m.countyCode, m.summary, m.status])).toEqual([
      ['410102-D001-2026-00001', '410102', '工资拖欠', 'registered'],
      ['410184-D001-2026-00001', '410184', '征地补偿', 'registered'],
    ]);
    expect(matters[0]!.receivedAt).toBe(new Date('2026-01-05T09:00:00.000+08:00').toISOString());
    expect(matters[0]!.visits).toEqual([
      expect.objectContaining({ kind: 'first', countyCode: '410102', headcount: 1, terminatedMatter: false }),
      expect.objectContaining({ kind: 'repeat', countyCode: '410184', receivedAt: new Date('2026-02-10T09:00:00.000+08:00').toISOString() }),
    ]);
    expect(matters[1]!.visits.map((v) => v.kind)).toEqual(['first']);

    const byAdmin = await city.app.inject({ method: 'GET', url: `/api/v1/admin/persons/${ID}/matters`, headers: admin });
    expect(byAdmin.json()).toEqual(r.json());
    const typed = await city.app.inject({ method: 'GET', url: `/api/v1/admin/persons/${ID}/matters?documentType=passport`, headers: admin });
    expect(typed.json()).toEqual({ matters: [] });
  });

  it('finds a matter through a repeat visit made under the document', async () => {
    const device = await enrolledDevice(city.app);
    const m = matterEventOf(1, { visitor: { ...matterPayload().visitor, documentNumber: OTHER_ID } });
    const p = m.payload as ReturnType<typeof matterPayload>;
    await pushAll(city.app, device, [m, visitEvent(2, p, { visitor: { ...p.visitor, documentNumber: ID } })]);
    const found = (await lookup(device.token, { documentType: 'resident', documentNumber: ID })).json();
    expect(found.matters.map((x: { matterNo: string }) => x.matterNo)).toEqual([p.matterNo]);
    expect(found.matters[0].visits).toHaveLength(2);
  });

  it('answers an empty list for an unknown person, and refuses bad requests and callers', async () => {
    const device = await enrolledDevice(city.app);
    expect((await lookup(device.token, { documentType: 'resident', documentNumber: ID })).json()).toEqual({ matters: [] });
    expectCleanError(await lookup(device.token, { documentType: 'card', documentNumber: ID }), 400, 'invalid_request');
    expectCleanError(await lookup(device.token, { documentType: 'resident', documentNumber: '  ' }), 400, 'invalid_request');
    expectCleanError(await lookup(device.token, { documentNumber: ID }), 400, 'invalid_request');
    expectCleanError(await lookup('nope', { documentType: 'resident', documentNumber: ID }), 401, 'unauthorized');
    expectCleanError(await lookup(admin.authorization.slice(7), { documentType: 'resident', documentNumber: ID }), 401, 'unauthorized');
    expectCleanError(await city.app.inject({ method: 'GET', url: `/api/v1/admin/persons/${ID}/matters`, headers: bearer(device.token) }), 401, 'unauthorized');
  });
});
