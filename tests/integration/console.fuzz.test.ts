// Every route of the console's API (/api/console/*) under a thousand generated requests each, as
// server.fuzz.test.ts does for the rest of the city: mostly from a signed-in 管理员 with the session
// cookie and CSRF header the console sends, so the bodies reach validation and the handlers, and
// also without a session, with a session signed out, without or with a wrong CSRF token, as a
// 查看员, or with the administrator's bearer token. Never 500 or more, every refusal `{code, message}`,
// and a refused request writes nothing (a failed sign-in only its audit line and its count).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe } from 'vitest';
import { SESSION_COOKIE } from '../../domain/console/session';
import type { UsbFile } from '../../domain/sync/usbFile';
import { registrationEvent } from '../support/cityEvents';
import { ADMIN_TOKEN, enrolledDevice, pushAll, type Device } from '../support/cityFixtures';
import { bodyOptions, city, fuzz, fuzzesEveryRoute, isConsoleApi, jsonRequest, referenceValues, send, startFuzzCity, syncFileFor, type BodyOptions } from '../support/cityFuzz';
import { setUpAdmin, signIn, staffMember, type ConsoleUser } from '../support/consoleSession';
import { propertyName, queryString, urlPart } from '../support/hostileInput';

let admin: ConsoleUser;
let viewer: ConsoleUser;
let signedOut: ConsoleUser;
/** The account whose password and sign-out are fuzzed, signed in again whenever a request signs it out. */
let changer: ConsoleUser & { password: string };
let victimStaffId: string;
let adminStaffId: string;
let device: Device;
let victimDeviceId: string;
let ownMatter: ReturnType<typeof registrationEvent>['payload'];
let campaignId: string;
let syncFile: UsbFile;

startFuzzCity();
beforeAll(async () => {
  const { app } = city;
  device = await enrolledDevice(app, '410102');
  const registered = registrationEvent(1, { matterNo: '410102-D001-2026-000001' });
  await pushAll(app, device, [registered]);
  ownMatter = registered.payload;
  victimDeviceId = (await enrolledDevice(app, '410103')).deviceId;
  syncFile = await syncFileFor(device, [registrationEvent(2, { matterNo: '410102-D001-2026-000002' })]);

  admin = await setUpAdmin(app);
  adminStaffId = (await admin.call('GET', '/api/console/session')).json().staff.staffId;
  viewer = await staffMember(app, admin, 'viewer');
  await staffMember(app, admin, 'supervisor', 'signer');
  const changing = await staffMember(app, admin, 'statistician', 'changer');
  await changing.call('POST', '/api/console/password', { current: 'Second12345', next: 'Changer12345' });
  changer = { ...changing, password: 'Changer12345' };
  signedOut = await signIn(app, 'admin', 'Admin12345');
  await signedOut.call('POST', '/api/console/logout');
  victimStaffId = (await admin.call('POST', '/api/console/staff', { userNo: 'victim', name: '受试', role: 'viewer', password: 'First12345' })).json().staffId;
  campaignId = (await admin.call('POST', '/api/console/campaigns', { name: '专项', startsOn: '2026-01-01', dueOn: '2026-12-31', countyCodes: ['410102'] })).json().campaignId;
}, 60_000);

/** Whose session the request carries: the right one, someone else's, one that no longer works, or none. */
const caller = fc.oneof(
  { weight: 6, arbitrary: fc.constant('right') },
  { weight: 3, arbitrary: fc.constantFrom('none', 'noCsrf', 'wrongCsrf', 'viewer', 'signedOut', 'garbage', 'huge', 'adminToken') },
);
const session = (u: ConsoleUser) => ({ cookie: u.cookie, 'x-csrf-token': u.csrfToken });
function credentials(who: string, right: ConsoleUser = admin): Record<string, string> {
  const headers: Record<string, Record<string, string>> = {
    right: session(right),
    none: {},
    noCsrf: { cookie: right.cookie },
    wrongCsrf: { cookie: right.cookie, 'x-csrf-token': 'x'.repeat(right.csrfToken.length) },
    viewer: session(viewer),
    signedOut: session(signedOut),
    garbage: { cookie: `${SESSION_COOKIE}=nope`, 'x-csrf-token': 'nope' },
    huge: { cookie: `${SESSION_COOKIE}=${'x'.repeat(50_000)}`, 'x-csrf-token': 'x'.repeat(50_000) },
    adminToken: { authorization: `Bearer ${ADMIN_TOKEN}` },
  };
  return headers[who]!;
}

/** A path parameter: the one that names something real, a well-formed one that names nothing, or anything. */
const param = (real: () => string) => fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, fc.uuid(), urlPart, propertyName).map((p) => p ?? real());
/** A query of the route's own keys with odd values, and odd keys too. */
const query = (values: Record<string, readonly string[]>) =>
  fc
    .tuple(fc.array(fc.tuple(fc.constantFrom(...Object.keys(values)), fc.nat()), { maxLength: 4 }), fc.array(fc.tuple(fc.constantFrom(...Object.keys(values)), urlPart), { maxLength: 2 }), queryString)
    .map(([good, odd, rest]) => [...good.map(([k, n]) => `${k}=${encodeURIComponent(values[k]![n % values[k]!.length]!)}`), ...odd.map(([k, v]) => `${k}=${v}`), rest].join('&'));

const bodyCase = fc.tuple(bodyOptions, caller);
function write(method: 'POST' | 'PUT', url: string, valid: unknown, o: BodyOptions, headers: Record<string, string>) {
  const r = jsonRequest(valid, o);
  return { request: { method, url, payload: r.payload, headers: { ...r.headers, ...headers } }, text: r.text };
}
/** A route that changes something, fuzzed with its valid body. */
function fuzzWrite(route: string, arbitrary: fc.Arbitrary<string>, valid: () => unknown) {
  const [method, path] = route.split(' ') as ['POST' | 'PUT', string];
  fuzz(route, fc.tuple(arbitrary, bodyCase), ([id, [o, who]]) => send(write(method, path.replace(/:\w+/, id), valid(), o, credentials(who)).request));
}
/** A route that only reads, fuzzed with its query. */
function fuzzRead(route: string, arbitrary: fc.Arbitrary<string>, q: fc.Arbitrary<string> = queryString) {
  fuzz(route, fc.tuple(arbitrary, q, caller), ([id, qs, who], method) => send({ method, url: `${route.split(' ')[1]!.replace(/:\w+/, id)}?${qs}`, headers: credentials(who) }));
}
const none = fc.constant('');
const dates = ['2026-01-01', '2026-03-31', '2026-02-30', '9999-12-31', '0000-01-01', '2026-1-1'];

describe('console routes under hostile input', () => {
  fuzzesEveryRoute(isConsoleApi);

  fuzzRead('GET /api/console/session', none);
  fuzzWrite('POST /api/console/setup', none, () => ({ adminToken: ADMIN_TOKEN, userNo: 'second', name: '第二管理员', password: 'Second12345' }));

  const failedSignIn = ['city_audit', 'staff_lockout'];
  fuzz('POST /api/console/login', fc.tuple(fc.constantFrom('signer', 'nobody', 'victim'), bodyCase), ([userNo, [o, who]]) =>
    send(write('POST', '/api/console/login', { userNo, password: 'Second12345' }, o, credentials(who)).request, (r) =>
      ['invalid_credentials', 'account_locked', 'account_disabled'].includes(r.json().code) ? failedSignIn : [],
    ),
  );

  fuzz('POST /api/console/logout', bodyCase, async ([o, who]) => {
    const r = await send(write('POST', '/api/console/logout', {}, o, credentials(who, changer)).request);
    if (r.statusCode === 204 && who === 'right') changer = { ...(await signIn(city.app, 'changer', changer.password)), password: changer.password };
    if (r.statusCode === 204 && who === 'viewer') viewer = await signIn(city.app, 'viewer', 'Second12345');
  });

  fuzz('POST /api/console/password', fc.tuple(fc.nat(), bodyCase), async ([n, [o, who]]) => {
    const sent = write('POST', '/api/console/password', { current: changer.password, next: `Changer${n}` }, o, credentials(who, changer));
    const r = await send(sent.request);
    if (r.statusCode === 200 && who === 'right') changer = { ...changer, password: JSON.parse(sent.text).next };
  });

  fuzzRead('GET /api/console/staff', none);
  fuzz('POST /api/console/staff', fc.tuple(fc.nat(), bodyCase), ([n, [o, who]]) =>
    send(write('POST', '/api/console/staff', { userNo: `u${n}`, name: '张三', role: 'viewer', password: 'First12345' }, o, credentials(who)).request),
  );
  fuzzWrite('POST /api/console/staff/:staffId/password', param(() => victimStaffId), () => ({ password: 'Reset12345' }));
  fuzz('POST /api/console/staff/:staffId/disabled', fc.tuple(fc.oneof(param(() => victimStaffId), fc.constant('self')), fc.boolean(), bodyCase), ([id, disabled, [o, who]]) =>
    send(write('POST', `/api/console/staff/${id === 'self' ? adminStaffId : id}/disabled`, { disabled }, o, credentials(who)).request),
  );

  fuzzRead('GET /api/console/audit', none, query({ action: ['login', 'login.failed', 'staff.created', ''], before: ['2026-03-01T00:00:00Z', '2026-03-01', new Date().toISOString()], limit: ['1', '500', '501', '0', '1.5'] }));

  fuzzRead('GET /api/console/devices', none);
  fuzzWrite('POST /api/console/devices', none, () => ({ countyCode: '410105', name: '窗口' }));
  fuzzWrite('POST /api/console/devices/:deviceId/revoke', param(() => victimDeviceId), () => ({}));
  fuzzRead('GET /api/console/devices/:deviceId/refused', param(() => device.deviceId));
  fuzzRead('GET /api/console/devices/:deviceId/audit', param(() => device.deviceId));

  fuzzRead(
    'GET /api/console/matters',
    none,
    query({ countyCode: ['410102', '4101'], text: ['信访', ' ', '%'], status: ['open', 'x'], categoryCode: ['01'], from: dates, to: dates, limit: ['1', '500', '501', '-1'], offset: ['0', '1000001', '1e3'] }),
  );
  fuzzRead('GET /api/console/matters/:matterId', param(() => ownMatter.matterId));
  const period = query({ from: dates, to: dates });
  fuzzRead('GET /api/console/figures', none, period);
  fuzzRead('GET /api/console/figures/matters', none, query({ from: dates, to: dates, figure: ['matters', 'groupVisits', 'onTimeClosure', 'timelyAcceptance', 'constructor'], part: ['denominator', 'numerator', 'x'], countyCode: ['410102', '41010'] }));
  fuzzRead('GET /api/console/figures.xlsx', none, period);

  fuzzRead('GET /api/console/supervision', none);
  fuzzWrite('POST /api/console/supervision', none, () => ({ matterNo: ownMatter.matterNo, dueOn: '2026-04-30', content: '请按期办结' }));
  fuzzRead('GET /api/console/reference', none);
  const key = fc.oneof(fc.constantFrom(...referenceValues.keys(), 'organisations', 'calendar'), urlPart, propertyName);
  fuzzRead('GET /api/console/reference/:key/versions', key);
  fuzz('PUT /api/console/reference/:key', fc.tuple(key, bodyCase), ([k, [o, who]]) => send(write('PUT', `/api/console/reference/${k}`, referenceValues.get(k) ?? {}, o, credentials(who)).request));

  fuzzRead('GET /api/console/campaigns', none);
  fuzzWrite('POST /api/console/campaigns', none, () => ({ name: `专项${randomUUID().slice(0, 4)}`, startsOn: '2026-01-01', dueOn: '2026-12-31', countyCodes: ['410102', '410103'] }));
  fuzzWrite('POST /api/console/campaigns/:campaignId/matters', param(() => campaignId), () => ({ matterNos: [ownMatter.matterNo] }));
  fuzzRead('GET /api/console/campaigns/:campaignId/matters', param(() => campaignId));

  fuzzWrite('POST /api/console/sync-files', none, () => syncFile);
});
