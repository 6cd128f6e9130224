// Supervision and reference data from the console (issue #14): a 督办 notice issued in the
// console reaches the matter's county by pull (and no other county), its resolution at the window
// shows, an unresolved one past its date is overdue; reference data is published with versions.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { bearer, describeEachBackend, enrolledDevice, expectCleanError, pushAll } from '../support/cityFixtures';
import { registrationEvent } from '../support/cityEvents';
import { setUpAdmin, staffMember } from '../support/consoleSession';

describeEachBackend('console supervision and reference data', (city) => {
  it('issues a 督办 notice that only the matter’s county pulls, and shows when the window resolved it', async () => {
    const device = await enrolledDevice(city.app, '410102');
    const other = await enrolledDevice(city.app, '410103');
    const reg = registrationEvent(1);
    await pushAll(city.app, device, [reg]);
    const admin = await setUpAdmin(city.app);
    const supervisor = await staffMember(city.app, admin, 'supervisor');
    const viewer = await staffMember(city.app, admin, 'viewer');
    const body = { matterNo: reg.payload.matterNo, dueOn: '2026-01-05', content: '请于限期内办结并报告' };
    expectCleanError(await viewer.call('POST', '/api/console/supervision', body), 403, 'forbidden');
    expectCleanError(await supervisor.call('POST', '/api/console/supervision', { ...body, matterNo: 'nope' }), 404, 'matter_not_found');
    const issued = await supervisor.call('POST', '/api/console/supervision', body);
    expect(issued.statusCode).toBe(201);
    expect(issued.json()).toMatchObject({ issuedBy: 'supervisor用户', countyCode: '410102', noticeNo: expect.stringMatching(/^督〔\d{4}〕1号$/) });

    const pulled = (await city.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: bearer(device.token) })).json();
    expect(pulled.supervision.map((n: { id: string }) => n.id)).toEqual([issued.json().id]);
    expect((await city.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: bearer(other.token) })).json().supervision).toEqual([]);

    let [notice] = (await viewer.call('GET', '/api/console/supervision')).json().notices;
    expect(notice).toMatchObject({ resolvedAt: null, overdue: true });
    const resolvedAt = '2026-01-04T10:00:00.000+08:00';
    await pushAll(city.app, device, [
      { seq: 2, id: randomUUID(), type: 'supervision.resolved', entityId: reg.payload.matterId, occurredAt: resolvedAt, payload: { supervisionId: notice.id, matterId: reg.payload.matterId, resolvedAt } },
    ]);
    const seen = (await viewer.call('GET', '/api/console/supervision')).json();
    [notice] = seen.notices;
    expect(notice).toMatchObject({ resolvedAt, overdue: false });
    expect(seen.countyEvents).toEqual([expect.objectContaining({ countyCode: '410102', type: 'supervision.resolved' })]);
  });

  it('publishes reference data with versions, which devices pull; only the administrator may', async () => {
    const device = await enrolledDevice(city.app);
    const admin = await setUpAdmin(city.app);
    const statistician = await staffMember(city.app, admin, 'statistician');
    const holidays = { restDays: ['2027-01-04'], workingDays: [] };
    expectCleanError(await statistician.call('PUT', '/api/console/reference/holidays', holidays), 403, 'forbidden');
    expectCleanError(await admin.call('PUT', '/api/console/reference/holidays', { restDays: ['x'], workingDays: [] }), 400, 'invalid_request');
    expect((await admin.call('PUT', '/api/console/reference/holidays', holidays)).json()).toMatchObject({ key: 'holidays', version: 1 });
    expect((await admin.call('PUT', '/api/console/reference/holidays', { ...holidays, restDays: ['2027-01-04', '2027-01-05'] })).json().version).toBe(2);
    const versions = (await admin.call('GET', '/api/console/reference/holidays/versions')).json().versions;
    expect(versions.map((v: { version: number; publishedBy: string }) => [v.version, v.publishedBy])).toEqual([
      [2, '市局管理员（admin）'],
      [1, '市局管理员（admin）'],
    ]);
    const pulled = (await city.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: bearer(device.token) })).json();
    expect(pulled.reference).toEqual([expect.objectContaining({ key: 'holidays', value: { restDays: ['2027-01-04', '2027-01-05'], workingDays: [] } })]);
  });
});
