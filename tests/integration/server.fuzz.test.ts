// Every city route but the console's API (console.fuzz.test.ts) under a thousand generated
// requests each (fast-check, app.inject, in-memory PGlite): valid requests with one part replaced
// by something hostile (tests/support/hostileInput.ts), odd paths, queries, headers and encodings.
// Whatever comes, the city never answers 500 or more, answers every refusal in its error shape,
// and a refused request writes nothing. The routes come from the server: a new one fails here
// until it has its case (tests/support/cityFuzz.ts).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UsbFile } from '../../domain/sync/usbFile';
import { attachmentUploads } from '../../server/store/schema';
import { eventsAbout, registrationEvent } from '../support/cityEvents';
import { ADMIN_TOKEN, type Device, enrolledDevice, pushAll } from '../support/cityFixtures';
import { bodyOptions, city, fuzz, fuzzesEveryRoute, isConsoleApi, jsonRequest, property, referenceValues, send, startFuzzCity, syncFileFor } from '../support/cityFuzz';
import { hostileValue, jsonText, propertyName, queryString, urlPart } from '../support/hostileInput';

let pusher: Device & { lastSeq: number };
let rotator: Device;
let victims: string[];
let codes: string[];
let ownMatter: ReturnType<typeof registrationEvent>['payload'];
let syncFile: UsbFile;

startFuzzCity();
beforeAll(async () => {
  const { app } = city;
  pusher = { ...(await enrolledDevice(app, '410102')), lastSeq: 1 };
  const registered = registrationEvent(1, { matterNo: '410102-D001-2026-000001' });
  await pushAll(app, pusher, [registered]);
  ownMatter = registered.payload;
  rotator = await enrolledDevice(app, '410102');
  victims = await Promise.all([1, 2, 3].map(async () => (await enrolledDevice(app, '410103')).deviceId));
  codes = [];
  for (let i = 0; i < 20; i++) {
    const r = await app.inject({ method: 'POST', url: '/api/v1/admin/devices', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload: { countyCode: '410104', name: '待注册' } });
    codes.push(r.json().enrollmentCode);
  }
  const carrier = await enrolledDevice(app, '410105');
  syncFile = await syncFileFor(carrier, [registrationEvent(1, { matterNo: '410105-D001-2026-000001' })]);
}, 60_000);

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
/** Whose credentials the request carries: the right ones, someone else's, or none that work. */
const caller = fc.oneof({ weight: 5, arbitrary: fc.constant('right') }, { weight: 2, arbitrary: fc.constantFrom('admin', 'device', 'garbage', 'none', 'huge') });
function credentials(who: string, right: Record<string, string>): Record<string, string> {
  const headers: Record<string, Record<string, string>> = {
    right,
    admin,
    device: { authorization: `Bearer ${pusher.token}` },
    garbage: { authorization: 'Bearer nope' },
    none: {},
    huge: { authorization: `Bearer ${'x'.repeat(50_000)}` },
  };
  return headers[who]!;
}

describe('city routes under hostile input', () => {
  fuzzesEveryRoute((path) => !isConsoleApi(path));

  fuzz('GET /api/v1/health', queryString, (q, method) => send({ method, url: `/api/v1/health?${q}` }));

  // Swagger UI's pages and the console's: the same for everyone, the document for the administrator only.
  for (const route of ['GET /docs/json', 'GET /docs/yaml', 'GET /docs', 'GET /docs/', 'GET /docs/static/index.html', 'GET /docs/static/swagger-initializer.js', 'GET /docs/*', 'GET /', 'GET /index.html', 'GET /*']) {
    fuzz(route, fc.tuple(fc.array(urlPart, { minLength: 1, maxLength: 3 }), queryString, caller), ([parts, q, who], method) =>
      send({ method, url: `${route.split(' ')[1]!.replace('*', parts.join('/'))}?${q}`, headers: credentials(who, admin) }),
    );
  }

  property('any other method and path', fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), fc.array(urlPart, { maxLength: 4 }), queryString), ([method, parts, q]) =>
    send({ method, url: `/api/v1/${parts.join('/')}?${q}`, headers: admin }),
  );

  fuzz('POST /api/v1/admin/devices', fc.tuple(bodyOptions, caller), ([o, who]) => {
    const r = jsonRequest({ countyCode: '410105', name: '窗口', enrollmentValidDays: 7 }, o);
    return send({ method: 'POST', url: '/api/v1/admin/devices', payload: r.payload, headers: { ...r.headers, ...credentials(who, admin) } });
  });

  fuzz('GET /api/v1/admin/devices/:deviceId', fc.tuple(fc.oneof(urlPart, fc.constant('pusher'), fc.uuid()), queryString, caller), ([id, q, who], method) =>
    send({ method, url: `/api/v1/admin/devices/${id === 'pusher' ? pusher.deviceId : id}?${q}`, headers: credentials(who, admin) }),
  );

  fuzz('POST /api/v1/admin/devices/:deviceId/revoke', fc.tuple(fc.oneof(urlPart, fc.constant('victim'), fc.uuid()), bodyOptions, caller), ([id, o, who]) => {
    const r = jsonRequest({}, o);
    const deviceId = id === 'victim' ? victims[0]! : id;
    return send({ method: 'POST', url: `/api/v1/admin/devices/${deviceId}/revoke`, payload: r.payload, headers: { ...r.headers, ...credentials(who, admin) } });
  });

  fuzz('GET /api/v1/admin/matters', fc.tuple(fc.array(fc.tuple(fc.constantFrom('matterNo', 'countyCode', 'limit'), urlPart), { maxLength: 3 }), queryString, caller), ([pairs, q, who], method) =>
    send({ method, url: `/api/v1/admin/matters?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}&${q}`, headers: credentials(who, admin) }),
  );

  fuzz('GET /api/v1/admin/persons/:documentNumber/matters', fc.tuple(urlPart, fc.oneof(fc.constant(''), urlPart.map((t) => `documentType=${t}`), queryString), caller), ([n, q, who], method) =>
    send({ method, url: `/api/v1/admin/persons/${n}/matters?${q}`, headers: credentials(who, admin) }),
  );

  fuzz('GET /api/v1/admin/figures', fc.tuple(fc.oneof(urlPart, fc.constantFrom('2026-03-01', '2026-02-30', '9999-12-31', '0000-01-01')), fc.oneof(urlPart, fc.constant('2026-03-31')), queryString, caller), ([from, to, q, who], method) =>
    send({ method, url: `/api/v1/admin/figures?from=${from}&to=${to}&${q}`, headers: credentials(who, admin) }),
  );

  fuzz('PUT /api/v1/admin/reference/:key', fc.tuple(fc.oneof(fc.constantFrom(...referenceValues.keys()), urlPart, propertyName), bodyOptions, caller), ([key, o, who]) => {
    const r = jsonRequest(referenceValues.get(key) ?? {}, o);
    return send({ method: 'PUT', url: `/api/v1/admin/reference/${key}`, payload: r.payload, headers: { ...r.headers, ...credentials(who, admin) } });
  });

  fuzz('POST /api/v1/admin/supervision', fc.tuple(bodyOptions, caller), ([o, who]) => {
    const r = jsonRequest({ matterNo: ownMatter.matterNo, issuedBy: '市信访局', dueOn: '2026-04-30', content: '请按期办结' }, o);
    return send({ method: 'POST', url: '/api/v1/admin/supervision', payload: r.payload, headers: { ...r.headers, ...credentials(who, admin) } });
  });

  fuzz('GET /api/v1/admin/calendar', fc.tuple(queryString, caller), ([q, who], method) => send({ method, url: `/api/v1/admin/calendar?${q}`, headers: credentials(who, admin) }));

  const year = fc.oneof(fc.constantFrom('2027', '1999', '2101', '2027.5', '02027', ' 2027', '2e3'), urlPart);
  fuzz('PUT /api/v1/admin/calendar/:year', fc.tuple(year, bodyOptions, caller), ([y, o, who]) => {
    const r = jsonRequest({ source: '国办发明电〔2026〕7号', restDays: [`${y}-01-01`, `${y}-10-02`], workingDays: [`${y}-09-27`] }, o);
    return send({ method: 'PUT', url: `/api/v1/admin/calendar/${y}`, payload: r.payload, headers: { ...r.headers, ...credentials(who, admin) } });
  });

  fuzz('POST /api/v1/admin/sync-files', fc.tuple(fc.oneof(fc.constant(''), fc.constant('countyCode=410105'), urlPart.map((c) => `countyCode=${c}`), queryString), bodyOptions, caller), ([q, o, who]) => {
    const r = jsonRequest(syncFile, o);
    return send({ method: 'POST', url: `/api/v1/admin/sync-files?${q}`, payload: r.payload, headers: { ...r.headers, ...credentials(who, admin) } });
  });

  fuzz('POST /api/v1/devices/enroll', fc.tuple(bodyOptions, fc.nat(40)), ([o, k]) => {
    const r = jsonRequest({ code: codes[k] ?? 'ABCD-EFGH-JKMN-PQRS', name: 'pc' }, o);
    return send({ method: 'POST', url: '/api/v1/devices/enroll', payload: r.payload, headers: r.headers });
  });

  fuzz('POST /api/v1/devices/rotate-token', fc.tuple(fc.option(bodyOptions), caller), async ([o, who]) => {
    const body = o ? jsonRequest({}, o) : { payload: undefined, headers: {} };
    const r = await send({ method: 'POST', url: '/api/v1/devices/rotate-token', payload: body.payload, headers: { ...body.headers, ...credentials(who, { authorization: `Bearer ${rotator.token}` }) } });
    if (r.statusCode === 200 && who === 'right') rotator.token = r.json().token;
    if (r.statusCode === 200 && who === 'device') pusher.token = r.json().token;
  });

  /** A batch the device could send next: registrations under its own numbers and events about its matter, any of it then changed. */
  const batch = fc.tuple(fc.array(fc.constantFrom('registration', 'about'), { minLength: 1, maxLength: 4 }), fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, fc.integer({ min: -2, max: 2 })), propertyName, fc.boolean());
  fuzz('POST /api/v1/sync/push', fc.tuple(batch, bodyOptions, caller), async ([[kinds, skew, oddType, useOddType], o, who]) => {
    let seq = pusher.lastSeq + 1 + skew;
    const events = kinds.flatMap((kind) => {
      const made = kind === 'registration' ? [registrationEvent(seq, { matterNo: `410102-D001-2026-${randomUUID().slice(0, 8)}` })] : eventsAbout(seq, ownMatter).slice(0, 2);
      seq += made.length;
      return made;
    });
    if (useOddType) events[0]!.type = oddType;
    const r = jsonRequest({ deviceId: pusher.deviceId, batchId: randomUUID(), events }, o);
    const answer = await send({ method: 'POST', url: '/api/v1/sync/push', payload: r.payload, headers: { ...r.headers, ...credentials(who, { authorization: `Bearer ${pusher.token}` }) } });
    if (answer.statusCode === 200) pusher.lastSeq = Math.max(pusher.lastSeq, answer.json().ackedSeq);
  });

  fuzz('GET /api/v1/sync/pull', fc.tuple(fc.oneof(urlPart, fc.constantFrom('c1.0', 'c1.zz', 'c1.', 'c2.1', 'c1.1e308')), queryString, caller), ([since, q, who], method) =>
    send({ method, url: `/api/v1/sync/pull?since=${since}&${q}`, headers: credentials(who, { authorization: `Bearer ${pusher.token}` }) }),
  );

  fuzz('POST /api/v1/sync/lookup', fc.tuple(bodyOptions, caller), ([o, who]) => {
    const r = jsonRequest({ documentType: 'resident', documentNumber: ownMatter.visitor.documentNumber }, o);
    return send({ method: 'POST', url: '/api/v1/sync/lookup', payload: r.payload, headers: { ...r.headers, ...credentials(who, { authorization: `Bearer ${pusher.token}` }) } });
  });

  const upload = fc.record({
    bytes: fc.integer({ min: 0, max: 3_000 }),
    name: fc.oneof(fc.constant('own hash'), fc.constant('other hash'), urlPart),
    range: fc.oneof(fc.constant(undefined), fc.constant('whole'), fc.constant('first half'), fc.constant('second half'), fc.string({ maxLength: 30 }), fc.constantFrom('bytes 0-0/1', 'bytes 1-0/2', 'bytes 0-99/99999999999', 'bytes -1-2/3')),
    contentType: fc.constantFrom('application/octet-stream', 'application/octet-stream', 'application/json', 'text/plain'),
    who: caller,
  });
  fuzz('PUT /api/v1/sync/attachments/:sha256', upload, async (u) => {
    const file = randomBytes(u.bytes);
    const hash = createHash('sha256').update(file).digest('hex');
    const name = u.name === 'own hash' ? hash : u.name === 'other hash' ? hash.split('').reverse().join('') : u.name;
    const half = Math.floor(u.bytes / 2);
    const ranges = new Map<string, [Buffer, string]>([
      ['whole', [file, `bytes 0-${u.bytes - 1}/${u.bytes}`]],
      ['first half', [file.subarray(0, half), `bytes 0-${half - 1}/${u.bytes}`]],
      ['second half', [file.subarray(half), `bytes ${half}-${u.bytes - 1}/${u.bytes}`]],
    ]);
    const [body, range] = u.range === undefined ? [file, undefined] : (ranges.get(u.range) ?? [file, u.range]);
    const headers = { 'content-type': u.contentType, ...(range === undefined ? {} : { 'content-range': range }), ...credentials(u.who, { authorization: `Bearer ${pusher.token}` }) };
    // A file whose bytes do not hash to its name is thrown away whole, with what its upload had received before.
    const r = await send({ method: 'PUT', url: `/api/v1/sync/attachments/${name}`, payload: body, headers }, (x) => (x.json().code === 'hash_mismatch' ? 'discarded' : []));
    if (r.statusCode === 422) {
      const left = await city.handle.db.select().from(attachmentUploads).where(and(eq(attachmentUploads.deviceId, pusher.deviceId), eq(attachmentUploads.sha256, name)));
      expect(left).toEqual([]);
    }
  });

  fuzz('HEAD /api/v1/sync/attachments/:sha256', fc.tuple(fc.oneof(urlPart, fc.constant('a'.repeat(64))), queryString, caller), ([name, q, who]) =>
    send({ method: 'HEAD', url: `/api/v1/sync/attachments/${name}?${q}`, headers: credentials(who, { authorization: `Bearer ${pusher.token}` }) }),
  );

  it('draws hostile values of every kind the requests above carry', () => {
    const seen = fc.sample(hostileValue, 2_000).map((v) => jsonText(v));
    expect(seen.some((t) => t.length > 100_000)).toBe(true);
    expect(seen.some((t) => t.startsWith('[[[[') || t.startsWith('{"a":{"a":'))).toBe(true);
    expect(seen.some((t) => t.includes('\\u0000'))).toBe(true);
    expect(seen.some((t) => t.includes('"__proto__"'))).toBe(true);
    expect(seen.some((t) => t === '1e400' || t === '1e+308')).toBe(true);
  });
});
