// Every city endpoint under a thousand generated requests each (fast-check, app.inject, in-memory
// PGlite): valid requests with one part replaced by something hostile (tests/support/hostileInput.ts),
// odd paths, queries, headers and encodings. Whatever comes, the city never answers 500 or more,
// answers every refusal in its error shape, and a refused request writes nothing.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { type CityDbHandle, openCityDb } from '../../server/store/db';
import { attachmentUploads } from '../../server/store/schema';
import { eventsAbout, registrationEvent } from '../support/cityEvents';
import { ADMIN_TOKEN, type Device, enrolledDevice, expectCleanError, pushAll } from '../support/cityFixtures';
import { change, changed, hostileValue, jsonText, propertyName, queryString, urlPart } from '../support/hostileInput';

const RUNS = 1000;
// Each endpoint's thousand requests; a failure also spends time shrinking its example.
const TIMEOUT = 120_000;

let handle: CityDbHandle;
let app: FastifyInstance;
let pusher: Device & { lastSeq: number };
let rotator: Device;
let victims: string[];
let codes: string[];
let ownMatter: ReturnType<typeof registrationEvent>['payload'];

beforeAll(async () => {
  handle = await openCityDb();
  app = await buildApp({ db: handle.db, adminToken: ADMIN_TOKEN, rateLimitPerMinute: 1e9, enrollRateLimitPerMinute: 1e9, lookupRateLimitPerMinute: 1e9 });
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
}, 60_000);

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

/** Every table's rows, and what an update of a device would change: equal before and after, nothing was written. */
async function fingerprint(): Promise<unknown> {
  const counted = ['events', 'quarantine', 'matters', 'visits', 'supervision_notices', 'reference_data', 'change_counter', 'attachments', 'attachment_uploads', 'attachment_upload_parts', 'person_lookups', 'devices'];
  const r = await handle.db.execute(
    sql.raw(`SELECT ${counted.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')},
      (SELECT md5(string_agg(concat_ws('|', id, token_hash, last_seq, revoked_at, enrollment_used_at, enrolled_name), ',' ORDER BY id)) FROM devices) AS device_state,
      (SELECT md5(string_agg(concat_ws('|', matter_id, status, lifecycle::text), ',' ORDER BY matter_id)) FROM matters) AS matter_state,
      (SELECT coalesce(sum(received), 0) FROM attachment_uploads) AS uploaded`),
  );
  return (r as unknown as { rows: unknown[] }).rows[0];
}

/**
 * Sends the request: never 500 or more, every refusal a clean error, and a refused request leaves
 * every table as it was, unless `discards` says the refusal is one that throws away what was sent before.
 */
async function send(request: InjectOptions, discards: (r: LightMyRequestResponse) => boolean = () => false): Promise<LightMyRequestResponse> {
  const before = unchanged ?? (await fingerprint());
  unchanged = null;
  const r = await app.inject(request);
  const what = `${request.method} ${String(request.url).slice(0, 200)} → ${r.statusCode} ${r.body.slice(0, 300)}`;
  expect(r.statusCode, what).toBeLessThan(500);
  if (r.statusCode >= 400) {
    if (request.method !== 'HEAD') expectCleanError(r, r.statusCode);
    if (!discards(r)) {
      expect(await fingerprint(), what).toEqual(before);
      unchanged = before;
    }
  }
  return r;
}
/** The fingerprint as the last refused request left it, known without asking again; null after anything that may have written. */
let unchanged: unknown = null;

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

/** A JSON body: the valid one changed, sent as text, sometimes gzip-compressed or under another content type. */
const bodyOptions = fc.record({
  change,
  gzip: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  contentType: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/octet-stream', '') }),
});
function jsonRequest(valid: unknown, o: { change: Parameters<typeof changed>[1]; gzip: boolean; contentType: string }) {
  const text = jsonText(changed(valid, o.change) ?? null);
  return o.gzip
    ? { payload: gzipSync(text), headers: { 'content-type': o.contentType, 'content-encoding': 'gzip' } }
    : { payload: text, headers: { 'content-type': o.contentType } };
}

function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, run: (input: T) => Promise<unknown>) {
  it(name, async () => fc.assert(fc.asyncProperty(arbitrary, async (input) => void (await run(input))), { numRuns: RUNS }), TIMEOUT);
}

describe('city endpoints under hostile input', () => {
  fuzz('GET /api/v1/health', queryString, (q) => send({ method: 'GET', url: `/api/v1/health?${q}` }));

  fuzz('GET /docs/json', fc.tuple(queryString, caller), ([q, who]) => send({ method: 'GET', url: `/docs/json?${q}`, headers: credentials(who, admin) }));

  fuzz('any other method and path', fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), fc.array(urlPart, { maxLength: 4 }), queryString), ([method, parts, q]) =>
    send({ method, url: `/api/v1/${parts.join('/')}?${q}`, headers: admin }),
  );

  fuzz('POST /api/v1/admin/devices', fc.tuple(bodyOptions, caller), ([o, who]) => {
    const r = jsonRequest({ countyCode: '410105', name: '窗口', enrollmentValidDays: 7 }, o);
    return send({ method: 'POST', url: '/api/v1/admin/devices', payload: r.payload, headers: { ...r.headers, ...credentials(who, admin) } });
  });

  fuzz('GET /api/v1/admin/devices/:deviceId', fc.tuple(fc.oneof(urlPart, fc.constant('pusher'), fc.uuid()), queryString, caller), ([id, q, who]) =>
    send({ method: 'GET', url: `/api/v1/admin/devices/${id === 'pusher' ? pusher.deviceId : id}?${q}`, headers: credentials(who, admin) }),
  );

  fuzz('POST /api/v1/admin/devices/:deviceId/revoke', fc.tuple(fc.oneof(urlPart, fc.constant('victim'), fc.uuid()), bodyOptions, caller), ([id, o, who]) => {
    const r = jsonRequest({}, o);
    const deviceId = id === 'victim' ? victims[0]! : id;
    return send({ method: 'POST', url: `/api/v1/admin/devices/${deviceId}/revoke`, payload: r.payload, headers: { ...r.headers, ...credentials(who, admin) } });
  });

  fuzz('GET /api/v1/admin/matters', fc.tuple(fc.array(fc.tuple(fc.constantFrom('matterNo', 'countyCode', 'limit'), urlPart), { maxLength: 3 }), queryString, caller), ([pairs, q, who]) =>
    send({ method: 'GET', url: `/api/v1/admin/matters?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}&${q}`, headers: credentials(who, admin) }),
  );

  fuzz('GET /api/v1/admin/persons/:documentNumber/matters', fc.tuple(urlPart, fc.oneof(fc.constant(''), urlPart.map((t) => `documentType=${t}`), queryString), caller), ([n, q, who]) =>
    send({ method: 'GET', url: `/api/v1/admin/persons/${n}/matters?${q}`, headers: credentials(who, admin) }),
  );

  fuzz('GET /api/v1/admin/figures', fc.tuple(fc.oneof(urlPart, fc.constantFrom('2026-03-01', '2026-02-30', '9999-12-31', '0000-01-01')), fc.oneof(urlPart, fc.constant('2026-03-31')), queryString, caller), ([from, to, q, who]) =>
    send({ method: 'GET', url: `/api/v1/admin/figures?from=${from}&to=${to}&${q}`, headers: credentials(who, admin) }),
  );

  // A Map, so that a key named like an object property is just unknown here too.
  const referenceValues = new Map<string, unknown>([
    ['units', [{ code: 'U1', name: '县住建局' }]],
    ['categories', { version: '2026', categories: [{ code: '01', name: '城乡建设', children: [{ code: '0101', name: '住房保障' }] }] }],
    ['holidays', { restDays: ['2026-10-09'], workingDays: [] }],
    ['settings', { syncIntervalMinutes: 5, groupVisitThreshold: 5 }],
  ]);
  fuzz('PUT /api/v1/admin/reference/:key', fc.tuple(fc.oneof(fc.constantFrom(...referenceValues.keys()), urlPart, propertyName), bodyOptions, caller), ([key, o, who]) => {
    const r = jsonRequest(referenceValues.get(key) ?? {}, o);
    return send({ method: 'PUT', url: `/api/v1/admin/reference/${key}`, payload: r.payload, headers: { ...r.headers, ...credentials(who, admin) } });
  });

  fuzz('POST /api/v1/admin/supervision', fc.tuple(bodyOptions, caller), ([o, who]) => {
    const r = jsonRequest({ matterNo: ownMatter.matterNo, issuedBy: '市信访局', dueOn: '2026-04-30', content: '请按期办结' }, o);
    return send({ method: 'POST', url: '/api/v1/admin/supervision', payload: r.payload, headers: { ...r.headers, ...credentials(who, admin) } });
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

  fuzz('GET /api/v1/sync/pull', fc.tuple(fc.oneof(urlPart, fc.constantFrom('c1.0', 'c1.zz', 'c1.', 'c2.1', 'c1.1e308')), queryString, caller), ([since, q, who]) =>
    send({ method: 'GET', url: `/api/v1/sync/pull?since=${since}&${q}`, headers: credentials(who, { authorization: `Bearer ${pusher.token}` }) }),
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
    const r = await send({ method: 'PUT', url: `/api/v1/sync/attachments/${name}`, payload: body, headers }, (x) => x.json().code === 'hash_mismatch');
    if (r.statusCode === 422) {
      const left = await handle.db.select().from(attachmentUploads).where(and(eq(attachmentUploads.deviceId, pusher.deviceId), eq(attachmentUploads.sha256, name)));
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
