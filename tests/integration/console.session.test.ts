// The console's sign-in and its guards (DESIGN.md §6): the one-time set-up with CITY_ADMIN_TOKEN,
// cookies no script or other site can use, no console route answering without a session, CSRF
// refused, the wait after repeated wrong passwords, idle sessions ended, first passwords changed.
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { MAX_FAILED_LOGINS } from '../../domain/console/session';
import { cityAudit, cityStaff, consoleSessions } from '../../server/store/schema';
import { ADMIN_TOKEN, describeEachBackend, expectCleanError } from '../support/cityFixtures';
import { ADMIN_PASSWORD, cookieOf, routesOf, setUpAdmin, signIn, staffMember } from '../support/consoleSession';

/** Open to anyone: what the sign-in screen itself needs. */
const PUBLIC = new Set(['GET /api/console/session', 'POST /api/console/setup', 'POST /api/console/login']);
const SOME_ID = '0190a000-0000-7000-8000-000000000001';

describeEachBackend('console sessions', (city) => {
  it('sets up the first administrator once, and only with the set-up token', async () => {
    const before = await city.app.inject({ method: 'GET', url: '/api/console/session' });
    expect(before.json()).toMatchObject({ setupNeeded: true, staff: null, csrfToken: null });

    const payload = { adminToken: 'wrong', userNo: 'admin', name: '市局管理员', password: ADMIN_PASSWORD };
    expectCleanError(await city.app.inject({ method: 'POST', url: '/api/console/setup', payload }), 401, 'invalid_setup_token');
    expectCleanError(await city.app.inject({ method: 'POST', url: '/api/console/setup', payload: { ...payload, adminToken: ADMIN_TOKEN, password: 'short' } }), 400, 'invalid_request');
    expect(await city.db.select().from(cityStaff)).toEqual([]);

    const r = await city.app.inject({ method: 'POST', url: '/api/console/setup', payload: { ...payload, adminToken: ADMIN_TOKEN } });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ setupNeeded: false, staff: { userNo: 'admin', role: 'admin', mustChangePassword: false } });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^xf_console=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    // Only a hash of the cookie's token is kept.
    const [session] = await city.db.select().from(consoleSessions);
    expect(session!.tokenHash).not.toBe(cookieOf(r).split('=')[1]);
    const [staff] = await city.db.select().from(cityStaff);
    expect(staff!.passwordHash).toMatch(/^scrypt\$/);

    expectCleanError(await city.app.inject({ method: 'POST', url: '/api/console/setup', payload: { ...payload, adminToken: ADMIN_TOKEN, userNo: 'second' } }), 409, 'setup_done');
    expect((await city.app.inject({ method: 'GET', url: '/api/console/session' })).json().setupNeeded).toBe(false);
  });

  it('answers no console route without a session, nor with a session that ended', async () => {
    const admin = await setUpAdmin(city.app);
    const guarded = routesOf(city.app)
      .filter((r) => r.path.startsWith('/api/console/') && r.method !== 'HEAD' && !PUBLIC.has(`${r.method} ${r.path}`))
      .map((r) => ({ ...r, path: r.path.replace(/:[A-Za-z]+/g, SOME_ID) }));
    expect(guarded.length).toBeGreaterThanOrEqual(6);
    await admin.call('POST', '/api/console/logout');
    for (const { method, path } of guarded) {
      const call = { method: method as 'GET', url: path, payload: method === 'GET' ? undefined : {} };
      expectCleanError(await city.app.inject(call), 401, 'not_signed_in');
      // The cookie of a session signed out is worth nothing.
      expectCleanError(await city.app.inject({ ...call, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken } }), 401, 'session_expired');
    }
  });

  it('refuses a change without the session’s CSRF token', async () => {
    const admin = await setUpAdmin(city.app);
    const body = { userNo: 'zhang', name: '张三', role: 'viewer', password: 'First12345' };
    const without = await city.app.inject({ method: 'POST', url: '/api/console/staff', headers: { cookie: admin.cookie }, payload: body });
    expectCleanError(without, 403, 'csrf_refused');
    const wrong = await city.app.inject({ method: 'POST', url: '/api/console/staff', headers: { cookie: admin.cookie, 'x-csrf-token': 'x'.repeat(43) }, payload: body });
    expectCleanError(wrong, 403, 'csrf_refused');
    expect(await city.db.select().from(cityStaff).where(eq(cityStaff.userNo, 'zhang'))).toEqual([]);
    expect((await admin.call('POST', '/api/console/staff', body)).statusCode).toBe(201);
  });

  it('locks an account after repeated wrong passwords, even against the right one, and audits every try', async () => {
    await setUpAdmin(city.app);
    const login = (password: string) => city.app.inject({ method: 'POST', url: '/api/console/login', payload: { userNo: 'admin', password } });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) expectCleanError(await login('Wrong12345'), 401, 'invalid_credentials');
    expectCleanError(await login('Wrong12345'), 403, 'account_locked');
    expectCleanError(await login(ADMIN_PASSWORD), 403, 'account_locked');
    // An unknown 工号 gets the same answer as a wrong password.
    expectCleanError(await city.app.inject({ method: 'POST', url: '/api/console/login', payload: { userNo: 'nobody', password: 'x' } }), 401, 'invalid_credentials');
    const failed = await city.db.select().from(cityAudit).where(eq(cityAudit.action, 'login.failed'));
    expect(failed).toHaveLength(MAX_FAILED_LOGINS + 2);

    // The wait served, the right password opens it and the count starts again.
    await city.db.update(cityStaff).set({ lockedUntil: new Date(Date.now() - 1000) });
    expect((await login(ADMIN_PASSWORD)).statusCode).toBe(200);
    expectCleanError(await login('Wrong12345'), 401, 'invalid_credentials');
  });

  it('ends a session left idle past the limit', async () => {
    const admin = await setUpAdmin(city.app);
    expect((await admin.call('GET', '/api/console/staff')).statusCode).toBe(200);
    await city.db.update(consoleSessions).set({ lastSeenAt: sql`now() - interval '31 minutes'` });
    expectCleanError(await admin.call('GET', '/api/console/staff'), 401, 'session_expired');
    expect(await city.db.select().from(consoleSessions)).toEqual([]);
  });

  it('makes a new account change its first password before anything else, and keeps roles to their pages', async () => {
    const admin = await setUpAdmin(city.app);
    await admin.call('POST', '/api/console/staff', { userNo: 'li', name: '李四', role: 'viewer', password: 'First12345' });
    const li = await signIn(city.app, 'li', 'First12345');
    expect((await city.app.inject({ method: 'GET', url: '/api/console/session', headers: { cookie: li.cookie } })).json().staff.mustChangePassword).toBe(true);
    expectCleanError(await li.call('GET', '/api/console/audit'), 403, 'password_change_required');
    expectCleanError(await li.call('POST', '/api/console/password', { current: 'Wrong12345', next: 'Second12345' }), 400, 'wrong_password');
    expect((await li.call('POST', '/api/console/password', { current: 'First12345', next: 'Second12345' })).json().staff.mustChangePassword).toBe(false);
    expectCleanError(await li.call('GET', '/api/console/audit'), 403, 'forbidden');
    expectCleanError(await li.call('GET', '/api/console/staff'), 403, 'forbidden');

    const viewer = await staffMember(city.app, admin, 'viewer', 'wang');
    expectCleanError(await viewer.call('POST', '/api/console/staff', { userNo: 'x1', name: 'x', role: 'admin', password: 'First12345' }), 403, 'forbidden');
    // Disabling an account ends its sessions.
    const [wang] = await city.db.select().from(cityStaff).where(eq(cityStaff.userNo, 'wang'));
    expect((await admin.call('POST', `/api/console/staff/${wang!.staffId}/disabled`, { disabled: true })).statusCode).toBe(200);
    expect((await viewer.call('GET', '/api/console/session')).json().staff).toBeNull();
    expectCleanError(await city.app.inject({ method: 'POST', url: '/api/console/login', payload: { userNo: 'wang', password: 'Second12345' } }), 403, 'account_disabled');
  });
});
