// City server administration and enrolment (DESIGN.md §4–5): health, admin authentication,
// device creation, one-time enrolment codes, device info and revocation.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { sha256 } from '../../server/city/credentials';
import { devices } from '../../server/store/schema';
import { admin, bearer, describeEachBackend, deviceInfo, enrolledDevice, expectCleanError, matterEvents, push, pushBody } from '../support/cityFixtures';

describeEachBackend('city administration', (city) => {
  const createDevice = (countyCode: string, name = '县信访局一号窗口') =>
    city.app.inject({ method: 'POST', url: '/api/v1/admin/devices', headers: admin, payload: { countyCode, name } });
  const enroll = (code: string, name = 'window-pc-1') => city.app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code, name } });

  it('answers the health check without authentication', async () => {
    const r = await city.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ ok: true });
  });

  it('refuses admin calls without the admin token', async () => {
    const { deviceId } = (await createDevice('410102')).json();
    const calls = [
      { method: 'POST' as const, url: '/api/v1/admin/devices', payload: { countyCode: '410102', name: 'x' } },
      { method: 'POST' as const, url: `/api/v1/admin/devices/${deviceId}/revoke` },
      { method: 'GET' as const, url: `/api/v1/admin/devices/${deviceId}` },
      { method: 'GET' as const, url: '/api/v1/admin/matters' },
    ];
    for (const call of calls) {
      expectCleanError(await city.app.inject(call), 401, 'unauthorized');
      expectCleanError(await city.app.inject({ ...call, headers: { authorization: 'Bearer wrong' } }), 401, 'unauthorized');
    }
    expect((await deviceInfo(city.app, deviceId)).revoked).toBe(false);
  });

  it('creates devices with sequential codes per county and a one-time enrolment code', async () => {
    const first = await createDevice('410102');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ deviceId: expect.any(String), enrollmentCode: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/) });
    expect(first.json().deviceCode).toBe('D001');
    expect((await createDevice('410102')).json().deviceCode).toBe('D002');
    expect((await createDevice('410183')).json().deviceCode).toBe('D001');

    const [row] = await city.db.select().from(devices).where(eq(devices.id, first.json().deviceId));
    expect(row!.enrollmentCodeHash).not.toContain(first.json().enrollmentCode.replaceAll('-', ''));

    expectCleanError(await createDevice('4101'), 400, 'invalid_request');
    expectCleanError(await createDevice('410102', ''), 400, 'invalid_request');
    // Text PostgreSQL cannot store is refused before any route reads it, on either database.
    expectCleanError(await createDevice('410102', '金水\u0000'), 400, 'invalid_request');
    expectCleanError(await createDevice('410102', '金水\ud800'), 400, 'invalid_request');
    // So is JSON nested deeper than any body of the API: jsonb gives up at some thousands of levels.
    const deep = `{"countyCode":"410102","name":"x","extra":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    expectCleanError(await city.app.inject({ method: 'POST', url: '/api/v1/admin/devices', headers: { ...admin, 'content-type': 'application/json' }, payload: deep }), 400, 'invalid_request');
    expectCleanError(
      await city.app.inject({ method: 'POST', url: '/api/v1/admin/devices', headers: admin, payload: { countyCode: '410102', name: 'x', extra: 1 } }),
      400,
      'invalid_request',
    );
  });

  it('enrols a device once with its code, storing only a hash of the token', async () => {
    const created = (await createDevice('410102', '金水区窗口')).json();
    const r = await enroll(created.enrollmentCode);
    expect(r.statusCode).toBe(201);
    const enrolled = r.json();
    expect(enrolled).toEqual({ deviceId: created.deviceId, deviceCode: 'D001', countyCode: '410102', token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });

    const [row] = await city.db.select().from(devices).where(eq(devices.id, created.deviceId));
    expect(row!.tokenHash).toBe(sha256(enrolled.token));

    expectCleanError(await enroll(created.enrollmentCode), 401, 'invalid_enrollment_code');
    expectCleanError(await enroll('0000-0000-0000-0000'), 401, 'invalid_enrollment_code');
    expectCleanError(await city.app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code: 'x' } }), 400, 'invalid_request');

    expect(await deviceInfo(city.app, created.deviceId)).toMatchObject({
      deviceId: created.deviceId,
      countyCode: '410102',
      deviceCode: 'D001',
      name: '金水区窗口',
      enrolledName: 'window-pc-1',
      lastSeq: 0,
      revoked: false,
      enrolled: true,
      enrolledAt: expect.any(String),
    });
  });

  it('accepts the enrolment code typed without dashes or in lower case', async () => {
    const { enrollmentCode } = (await createDevice('410102')).json();
    expect((await enroll(enrollmentCode.replaceAll('-', '').toLowerCase())).statusCode).toBe(201);
  });

  it('lets only one of two simultaneous enrolments with the same code succeed', async () => {
    const { enrollmentCode } = (await createDevice('410102')).json();
    const answers = await Promise.all([enroll(enrollmentCode, 'a'), enroll(enrollmentCode, 'b')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 401]);
  });

  it('revokes a device: its token gets 401 from then on, and its code cannot enrol', async () => {
    const device = await enrolledDevice(city.app);
    expect((await push(city.app, device, pushBody(device.deviceId, matterEvents(1, 1)))).statusCode).toBe(200);

    const r = await city.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${device.deviceId}/revoke`, headers: admin });
    expect(r.statusCode).toBe(204);
    expect(r.body).toBe('');
    expect((await city.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${device.deviceId}/revoke`, headers: admin })).statusCode).toBe(204);

    expectCleanError(await push(city.app, device, pushBody(device.deviceId, matterEvents(2, 1))), 401, 'device_revoked');
    expect(await deviceInfo(city.app, device.deviceId)).toMatchObject({ revoked: true, revokedAt: expect.any(String), lastSeq: 1 });

    const unused = (await createDevice('410102')).json();
    await city.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${unused.deviceId}/revoke`, headers: admin });
    expectCleanError(await enroll(unused.enrollmentCode), 401, 'invalid_enrollment_code');
  });

  it('gives an enrolment code seven days unless the administrator says otherwise, and an expired code enrols nothing', async () => {
    const created = (await createDevice('410102')).json();
    const days = (iso: string) => (new Date(iso).getTime() - Date.now()) / 86_400_000;
    expect(days(created.enrollmentExpiresAt)).toBeCloseTo(7, 1);
    expect((await deviceInfo(city.app, created.deviceId)).enrollmentExpiresAt).toBe(created.enrollmentExpiresAt);
    const short = (await city.app.inject({ method: 'POST', url: '/api/v1/admin/devices', headers: admin, payload: { countyCode: '410102', name: 'x', enrollmentValidDays: 1 } })).json();
    expect(days(short.enrollmentExpiresAt)).toBeCloseTo(1, 1);
    for (const enrollmentValidDays of [0, 31, 1.5]) {
      const r = await city.app.inject({ method: 'POST', url: '/api/v1/admin/devices', headers: admin, payload: { countyCode: '410102', name: 'x', enrollmentValidDays } });
      expectCleanError(r, 400, 'invalid_request');
    }

    // A week later (the stored expiry moved back instead of the clock forward).
    await city.db.update(devices).set({ enrollmentExpiresAt: new Date(Date.now() - 1000) }).where(eq(devices.id, created.deviceId));
    const late = expectCleanError(await enroll(created.enrollmentCode), 401, 'invalid_enrollment_code');
    expect(late.message).toContain('已过期');
    expect(await deviceInfo(city.app, created.deviceId)).toMatchObject({ enrolled: false });
    expect((await enroll(short.enrollmentCode)).statusCode).toBe(201);
  });

  it('lets a device swap its token for a new one, after which the old one is refused', async () => {
    const device = await enrolledDevice(city.app);
    const rotate = (token: string) => city.app.inject({ method: 'POST', url: '/api/v1/devices/rotate-token', headers: bearer(token) });
    const r = await rotate(device.token);
    expect(r.statusCode).toBe(200);
    const { token } = r.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).not.toBe(device.token);
    const [row] = await city.db.select().from(devices).where(eq(devices.id, device.deviceId));
    expect(row!.tokenHash).toBe(sha256(token));

    expectCleanError(await push(city.app, device, pushBody(device.deviceId, matterEvents(1, 1))), 401, 'unauthorized');
    expectCleanError(await rotate(device.token), 401, 'unauthorized');
    expect((await push(city.app, { ...device, token }, pushBody(device.deviceId, matterEvents(1, 1)))).json()).toEqual({ ackedSeq: 1, rejected: [] });

    // Two rotations with one token at once: one wins, and only its token works.
    const both = await Promise.all([rotate(token), rotate(token)]);
    expect(both.map((x) => x.statusCode).sort()).toEqual([200, 401]);
    const winner = both.find((x) => x.statusCode === 200)!.json().token;
    const latest = (await rotate(winner)).json().token;

    // A revoked device cannot get itself a fresh token.
    await city.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${device.deviceId}/revoke`, headers: admin });
    expectCleanError(await rotate(latest), 401, 'device_revoked');
  });

  it('answers 404 for an unknown device and 400 for a malformed id', async () => {
    const unknown = '0190c7a2-5c4e-7c3a-9b1d-2f6a8e4d1c0b';
    expectCleanError(await city.app.inject({ method: 'GET', url: `/api/v1/admin/devices/${unknown}`, headers: admin }), 404, 'device_not_found');
    expectCleanError(await city.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${unknown}/revoke`, headers: admin }), 404, 'device_not_found');
    expectCleanError(await city.app.inject({ method: 'GET', url: '/api/v1/admin/devices/42', headers: admin }), 400, 'invalid_request');
  });

  it('refuses unknown query parameters on the matter list', async () => {
    expectCleanError(await city.app.inject({ method: 'GET', url: '/api/v1/admin/matters?matterno=x', headers: admin }), 400, 'invalid_request');
    expectCleanError(await city.app.inject({ method: 'GET', url: '/api/v1/admin/matters?countyCode=41', headers: admin }), 400, 'invalid_request');
  });
});
