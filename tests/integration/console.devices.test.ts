// The console's devices (issue #14): made from the console with a one-time code, listed with what
// each last reported, revoked, their refused records shown with reasons; for the administrator only.
import { expect, it } from 'vitest';
import { bearer, describeEachBackend, expectCleanError, matterEvent, push, pushBody } from '../support/cityFixtures';
import { setUpAdmin, staffMember } from '../support/consoleSession';

describeEachBackend('console devices', (city) => {
  it('makes a device whose code enrols once, lists it with its contact, version, backlog and refused records, and revokes it', async () => {
    const admin = await setUpAdmin(city.app);
    const made = await admin.call('POST', '/api/console/devices', { countyCode: '410102', name: '中原区窗口1' });
    expect(made.statusCode).toBe(201);
    const { deviceId, enrollmentCode } = made.json();
    const enrolled = await city.app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code: enrollmentCode, name: 'pc-1' } });
    const device = enrolled.json();

    const pulled = await city.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: { ...bearer(device.token), 'x-xf-backlog': '7', 'x-xf-app-version': '0.1.0' } });
    expect(pulled.statusCode).toBe(200);
    const bad = matterEvent(1);
    (bad.payload as { summary: string }).summary = '';
    // An upgraded desk says its new version on its next push.
    await push(city.app, device, pushBody(deviceId, [bad]), { 'x-xf-app-version': '0.2.0' });

    const [listed] = (await admin.call('GET', '/api/console/devices')).json().devices;
    expect(listed).toMatchObject({ deviceId, countyCode: '410102', deviceCode: 'D001', enrolled: true, revoked: false, lastSeq: 1, backlog: 7, appVersion: '0.2.0', quarantined: 1 });
    expect(Date.now() - Date.parse(listed.lastContactAt)).toBeLessThan(60_000);
    const refused = (await admin.call('GET', `/api/console/devices/${deviceId}/refused`)).json().records;
    expect(refused).toEqual([expect.objectContaining({ seq: 1, type: 'matter.registered', code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fff]/) })]);

    // What a device says of itself is taken only when it fits.
    await city.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: { ...bearer(device.token), 'x-xf-backlog': '-1', 'x-xf-app-version': '<script>' } });
    expect((await admin.call('GET', '/api/console/devices')).json().devices[0]).toMatchObject({ backlog: 7, appVersion: '0.2.0' });

    expect((await admin.call('POST', `/api/console/devices/${deviceId}/revoke`)).statusCode).toBe(204);
    expectCleanError(await city.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: bearer(device.token) }), 401, 'device_revoked');
    const audit = (await admin.call('GET', '/api/console/audit')).json().entries.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['device.created', 'device.revoked']));
  });

  it('keeps devices to the administrator', async () => {
    const admin = await setUpAdmin(city.app);
    for (const role of ['supervisor', 'statistician', 'viewer'] as const) {
      const someone = await staffMember(city.app, admin, role);
      expectCleanError(await someone.call('GET', '/api/console/devices'), 403, 'forbidden');
      expectCleanError(await someone.call('POST', '/api/console/devices', { countyCode: '410102', name: 'x' }), 403, 'forbidden');
    }
  });
});
