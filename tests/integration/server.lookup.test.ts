// The cross-county repeat-petitioner lookup (DESIGN.md §5): every matter in the city for one
// 证件, for administrators and for devices confirming an offline repeat check; only what the
// repeat check needs, nothing of a protected reporter's matter, every lookup recorded, and a
// limit per device.
import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { lookupResponseSchema } from '../../domain/sync/lookup';
import { buildApp } from '../../server/app';
import { openCityDb } from '../../server/store/db';
import { personLookups } from '../../server/store/schema';
import { registrationEvent, transitionEvents } from '../support/cityEvents';
import { ADMIN_TOKEN, admin, bearer, describeEachBackend, enrolledDevice, expectCleanError, matterPayload, pushAll, visitEvent } from '../support/cityFixtures';

const ID = '11010519491231002X';
const OTHER_ID = '110105194912310021';

describeEachBackend('city person lookup', (city) => {
  const lookup = (token: string, body: Record<string, unknown>) =>
    city.app.inject({ method: 'POST', url: '/api/v1/sync/lookup', headers: bearer(token), payload: body });

  it("finds a person's matters across counties, oldest first, with the dates of their visits", async () => {
    const jinshui = await enrolledDevice(city.app, '410102');
    const xinzheng = await enrolledDevice(city.app, '410184');
    const base = matterPayload();
    const older = registrationEvent(1, { receivedAt: '2026-01-05T09:00:00.000+08:00', summary: '工资拖欠', matterNo: '410102-D001-2026-00001' });
    const other = registrationEvent(2, { visitor: { ...base.visitor, documentNumber: OTHER_ID, visitorId: crypto.randomUUID() } });
    const repeat = visitEvent(3, older.payload, { receivedAt: '2026-02-10T09:00:00.000+08:00' });
    await pushAll(city.app, jinshui, [older, other, repeat]);
    const newer = registrationEvent(1, { receivedAt: '2026-02-01T09:00:00.000+08:00', summary: '征地补偿', matterNo: '410184-D001-2026-00001' });
    await pushAll(city.app, xinzheng, [newer]);

    const r = await lookup(xinzheng.token, { documentType: 'resident', documentNumber: ` ${ID.toLowerCase()} ` });
    expect(r.statusCode).toBe(200);
    const { matters } = lookupResponseSchema.parse(r.json());
    expect(matters.map((m) => [m.matterNo, m.countyCode, m.status])).toEqual([
      ['410102-D001-2026-00001', '410102', 'registered'],
      ['410184-D001-2026-00001', '410184', 'registered'],
    ]);
    expect(matters[0]!.receivedAt).toBe(new Date('2026-01-05T09:00:00.000+08:00').toISOString());
    expect(matters[0]!.visits).toEqual([
      expect.objectContaining({ kind: 'first', countyCode: '410102', terminatedMatter: false }),
      expect.objectContaining({ kind: 'repeat', countyCode: '410102', receivedAt: new Date('2026-02-10T09:00:00.000+08:00').toISOString() }),
    ]);
    expect(matters[1]!.visits.map((v) => v.kind)).toEqual(['first']);

    const byAdmin = await city.app.inject({ method: 'GET', url: `/api/v1/admin/persons/${ID}/matters`, headers: admin });
    expect(byAdmin.json()).toEqual(r.json());
    const typed = await city.app.inject({ method: 'GET', url: `/api/v1/admin/persons/${ID}/matters?documentType=passport`, headers: admin });
    expect(typed.json()).toEqual({ matters: [] });
  });

  it('answers only that the matters exist, where, their state and dates: nothing of what they are about or who came', async () => {
    const jinshui = await enrolledDevice(city.app, '410102');
    const xinzheng = await enrolledDevice(city.app, '410184');
    const m = registrationEvent(1, { summary: '反映某局长收受贿赂', facts: '二〇二六年三月在某酒店', respondent: '某局长' });
    await pushAll(city.app, xinzheng, [m, visitEvent(2, m.payload)]);

    const r = await lookup(jinshui.token, { documentType: 'resident', documentNumber: ID });
    const [found] = r.json().matters;
    expect(Object.keys(found).sort()).toEqual(['countyCode', 'matterId', 'matterNo', 'receivedAt', 'status', 'visits']);
    for (const v of found.visits) expect(Object.keys(v).sort()).toEqual(['countyCode', 'kind', 'receivedAt', 'terminatedMatter', 'visitId']);
    for (const secret of ['收受贿赂', '某酒店', '某局长', m.payload.visitor.name, m.payload.visitor.mobile]) expect(r.body).not.toContain(secret);
  });

  it('leaves out a matter whose reporter is protected (检举控告), visits and all', async () => {
    const device = await enrolledDevice(city.app);
    const accusation = registrationEvent(1, { summary: '检举某站长', receivedAt: '2026-03-02T09:00:00.000+08:00' });
    const complaint = registrationEvent(2, { receivedAt: '2026-03-02T10:00:00.000+08:00' });
    const classified = transitionEvents(3, accusation.payload, [['classify', '2026-03-03', { class: 'accusation', route: 'discipline-inspection', body: '县纪委监委' }]]);
    expect(classified.lifecycle.protectReporter).toBe(true);
    await pushAll(city.app, device, [accusation, complaint, ...classified.events, visitEvent(4, accusation.payload)]);

    const found = (await lookup(device.token, { documentType: 'resident', documentNumber: ID })).json();
    expect(found.matters.map((m: { matterId: string }) => m.matterId)).toEqual([complaint.payload.matterId]);
    const byAdmin = (await city.app.inject({ method: 'GET', url: `/api/v1/admin/persons/${ID}/matters`, headers: admin })).json();
    expect(byAdmin).toEqual(found);
  });

  it('records every lookup: which device (none for the administrator) asked about which 证件, when, and how many matters it found', async () => {
    const device = await enrolledDevice(city.app);
    await pushAll(city.app, device, [registrationEvent(1)]);
    const before = Date.now();
    await lookup(device.token, { documentType: 'resident', documentNumber: ID.toLowerCase() });
    await lookup(device.token, { documentType: 'passport', documentNumber: 'E12345678' });
    await city.app.inject({ method: 'GET', url: `/api/v1/admin/persons/${ID}/matters`, headers: admin });

    const logged = await city.db.select().from(personLookups).orderBy(personLookups.lookedUpAt);
    expect(logged.map(({ deviceId, idType, idNumber, mattersFound }) => ({ deviceId, idType, idNumber, mattersFound }))).toEqual([
      { deviceId: device.deviceId, idType: 'resident', idNumber: ID, mattersFound: 1 },
      { deviceId: device.deviceId, idType: 'passport', idNumber: 'E12345678', mattersFound: 0 },
      { deviceId: null, idType: null, idNumber: ID, mattersFound: 1 },
    ]);
    for (const l of logged) expect(l.lookedUpAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('finds a matter through a repeat visit made under the document', async () => {
    const device = await enrolledDevice(city.app);
    const m = registrationEvent(1, { visitor: { ...matterPayload().visitor, documentNumber: OTHER_ID } });
    const p = m.payload;
    await pushAll(city.app, device, [m, visitEvent(2, p, { visitor: { ...p.visitor, documentNumber: ID } })]);
    const found = (await lookup(device.token, { documentType: 'resident', documentNumber: ID })).json();
    expect(found.matters.map((x: { matterNo: string }) => x.matterNo)).toEqual([p.matterNo]);
    expect(found.matters[0].visits).toHaveLength(2);
  });

  it('answers an empty list for an unknown person, and refuses bad requests and callers, recording none of them', async () => {
    const device = await enrolledDevice(city.app);
    expect((await lookup(device.token, { documentType: 'resident', documentNumber: ID })).json()).toEqual({ matters: [] });
    expectCleanError(await lookup(device.token, { documentType: 'card', documentNumber: ID }), 400, 'invalid_request');
    expectCleanError(await lookup(device.token, { documentType: 'resident', documentNumber: '  ' }), 400, 'invalid_request');
    expectCleanError(await lookup(device.token, { documentNumber: ID }), 400, 'invalid_request');
    expectCleanError(await lookup('nope', { documentType: 'resident', documentNumber: ID }), 401, 'unauthorized');
    expectCleanError(await lookup(admin.authorization.slice(7), { documentType: 'resident', documentNumber: ID }), 401, 'unauthorized');
    expectCleanError(await city.app.inject({ method: 'GET', url: `/api/v1/admin/persons/${ID}/matters`, headers: bearer(device.token) }), 401, 'unauthorized');
    expect(await city.db.select().from(personLookups).where(eq(personLookups.deviceId, device.deviceId))).toHaveLength(1);
  });
});

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

it("limits each device's lookups per minute, whatever else calls from the same address", async () => {
  const handle = await openCityDb();
  const app = await buildApp({ db: handle.db, adminToken: ADMIN_TOKEN, lookupRateLimitPerMinute: 2 });
  opened.push(handle, app);
  const [a, b] = [await enrolledDevice(app), await enrolledDevice(app)];
  const ask = (token: string) => app.inject({ method: 'POST', url: '/api/v1/sync/lookup', headers: bearer(token), payload: { documentType: 'resident', documentNumber: ID } });
  expect((await ask(a.token)).statusCode).toBe(200);
  expect((await ask(a.token)).statusCode).toBe(200);
  const refused = await ask(a.token);
  expectCleanError(refused, 429, 'rate_limited');
  expect(refused.headers['retry-after']).toBeDefined();
  expect((await ask(b.token)).statusCode).toBe(200);
});
