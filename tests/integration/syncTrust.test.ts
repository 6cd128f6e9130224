// The sync client trusts nothing it did not send (issue #11): a city (or whatever sits on the
// line) that acknowledges seqs never sent, asks to resend from a seq never reached, names
// refusals of events not in the batch, or answers in a shape the protocol does not have gets
// bad_response — and nothing moves at the device: not the acked seq, not the pull cursor, not
// an attachment's uploaded mark. A real backend on SQLite, a real city behind the fault proxy.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { getSyncState, rejections } from '../../db/syncState';
import { testBackend, VALID_ID, validVisit } from '../support/backend';
import { admin } from '../support/cityFixtures';
import { type Answer, drained, enroll, type Fault, type FaultCity, localOutbox, registerVisits, startFaultCity, type TestBackend, waitFor } from '../support/faultProxy';

const PUSH = '/api/v1/sync/push';
const BATCH = 10;
const PULL = '/api/v1/sync/pull';
const ENROLL = '/api/v1/devices/enroll';
const LOOKUP = '/api/v1/sync/lookup';
const ATTACHMENT = /^\/api\/v1\/sync\/attachments\//;
const CHINESE = /[\u4e00-\u9fff]/;
// Something for every device to pull that leaves registration as it is.
const HOLIDAYS = { restDays: ['2026-10-10'], workingDays: [] };

// One city for the file (its start is the slow part); each test has its own device.
let city: FaultCity;
beforeAll(async () => {
  city = await startFaultCity();
  const put = await city.app().inject({ method: 'PUT', url: '/api/v1/admin/reference/holidays', headers: admin, payload: HOLIDAYS });
  if (put.statusCode !== 200) throw new Error(`holidays: ${put.statusCode} ${put.body}`);
}, 60_000);
afterAll(() => city.close());

let backends: TestBackend[] = [];
afterEach(async () => {
  city.setRule(null);
  for (const b of backends) await b.close();
  backends = [];
});

function device(random = () => 0): TestBackend {
  const backend = testBackend({ sync: { batchSize: BATCH, random, debounceMs: 60_000, timerMs: 60_000, healthEveryMs: 60_000 } });
  backends.push(backend);
  return backend;
}

/** The city's real answer to requests on `path`, its JSON body changed by `change`. */
function lieOn(path: string | RegExp, answer: (real: Answer) => Answer): void {
  const fault: Fault = { kind: 'rewrite', answer };
  city.setRule((r) => ((typeof path === 'string' ? r.path === path : path.test(r.path)) ? fault : undefined));
}
const json = (change: (body: Record<string, unknown>) => unknown) => (real: Answer): Answer => ({ ...real, body: JSON.stringify(change(JSON.parse(real.body))) });

/** Requests to `path` since `mark` (an index into city.seen). */
const sent = (path: string, mark: number) => city.seen.slice(mark).filter((s) => s.path === path);

/** How far the city has acknowledged; audit lines share the seq stream, so no test assumes a number. */
const ackedSeq = (backend: TestBackend) => getSyncState(backend.db).lastAckedSeq;

/** The last seq in the outbox: everything is acknowledged when the ack stands there. */
const lastSeq = (backend: TestBackend) => localOutbox(backend).at(-1)!.seq;

function expectBadResponse(backend: TestBackend): void {
  const s = backend.sync.status();
  expect(s.lastError?.code).toBe('bad_response');
  expect(s.lastError?.message).toMatch(CHINESE);
}

it('an ack beyond the last seq sent moves nothing, says so in Chinese, and is retried after a backoff like any failure', async () => {
  // Full jitter at one half: the first retry comes after 500 ms.
  const backend = device(() => 0.5);
  // Started before enrolment, so its start-up sync has nothing to do and the enrolment's sync is
  // the only one before the lie; the engine running is what retries.
  backend.sync.start();
  await enroll(backend, city);
  await registerVisits(backend, 5);
  const before = ackedSeq(backend);
  let lied = false;
  city.setRule(({ path }) => {
    if (path !== PUSH || lied) return undefined;
    lied = true;
    return { kind: 'rewrite', answer: json((b) => ({ ...b, ackedSeq: (b.ackedSeq as number) + 100 })) };
  });
  const mark = city.seen.length;

  const s = await backend.sync.syncNow();
  expect(s).toMatchObject({ waiting: 5, lastError: { code: 'bad_response' } });
  expect(s.lastError?.message).toMatch(CHINESE);
  expect(ackedSeq(backend)).toBe(before);

  await waitFor(() => drained(backend), 10_000, 'the retry to push');
  // The lied-to push, then one retry that sends every batch from where the ack stood.
  const pushes = sent(PUSH, mark);
  expect(pushes).toHaveLength(1 + Math.ceil((lastSeq(backend) - before) / BATCH));
  expect(pushes[1]!.at - pushes[0]!.at).toBeGreaterThanOrEqual(450);
  expect(ackedSeq(backend)).toBe(lastSeq(backend));
  expect(backend.sync.status().lastError).toBeNull();
});

it.each([
  ['negative', -1],
  ['not an integer', 2.5],
  ['a string', '5'],
  ['missing', undefined],
])('an ackedSeq that is %s is a bad response and moves nothing', async (_what, lie) => {
  const backend = device();
  await enroll(backend, city);
  await registerVisits(backend, 5);
  const before = ackedSeq(backend);
  lieOn(PUSH, json((b) => ({ ...b, ackedSeq: lie })));
  await backend.sync.syncNow();
  expectBadResponse(backend);
  expect(ackedSeq(backend)).toBe(before);
  expect(backend.sync.status().waiting).toBe(5);
});

it('an ack that does not advance past what was already acknowledged moves nothing back', async () => {
  const backend = device();
  await enroll(backend, city);
  await registerVisits(backend, 5);
  await backend.sync.syncNow();
  const acked = ackedSeq(backend);
  await registerVisits(backend, 3, 6);
  lieOn(PUSH, json((b) => ({ ...b, ackedSeq: acked - 2 })));
  await backend.sync.syncNow();
  expectBadResponse(backend);
  expect(ackedSeq(backend)).toBe(acked);
});

// A refused event is still acknowledged: a refusal must name a seq of the batch, at or below the ack.
// Seqs are counted from the ack before the batch: the batch begins with the three new records.
it.each([
  ['acknowledged in an earlier batch', (acked: number) => acked - 3, () => undefined],
  ['never sent', (acked: number) => acked + 1000, () => undefined],
  ['of the batch but beyond the ack', (acked: number) => acked + 3, (acked: number) => acked + 1],
])('a refusal naming a seq %s makes the whole answer bad: nothing is acknowledged or recorded as refused', async (_what, seq, lie) => {
  const backend = device();
  await enroll(backend, city);
  await registerVisits(backend, 5);
  await backend.sync.syncNow();
  const acked = ackedSeq(backend);
  await registerVisits(backend, 3, 6);
  const rejected = [{ seq: seq(acked), code: 'bad_payload', message: '伪造的拒收' }];
  lieOn(PUSH, json((b) => ({ ...b, ackedSeq: lie(acked) ?? b.ackedSeq, rejected })));
  await backend.sync.syncNow();
  expectBadResponse(backend);
  expect(ackedSeq(backend)).toBe(acked);
  expect(rejections(backend.db)).toEqual([]);
});

it.each([
  ['beyond acked + 1, a seq the device has not sent yet', (acked: number) => acked + 2],
  ['far beyond anything in the outbox', (acked: number) => acked + 1000],
  ['below 1', () => 0],
  ['missing', () => undefined],
])('a seq_gap whose expectedSeq is %s is a bad response and rewinds nothing', async (_what, expectedSeq) => {
  const backend = device();
  await enroll(backend, city);
  await registerVisits(backend, 5);
  await backend.sync.syncNow();
  const acked = ackedSeq(backend);
  expect(acked).toBe(lastSeq(backend));
  await registerVisits(backend, 3, 6);
  const body = JSON.stringify({ code: 'seq_gap', message: '缺少序号', expectedSeq: expectedSeq(acked) });
  lieOn(PUSH, () => ({ status: 409, headers: { 'content-type': 'application/json' }, body }));
  const mark = city.seen.length;
  await backend.sync.syncNow();
  expectBadResponse(backend);
  expect(ackedSeq(backend)).toBe(acked);
  expect(backend.sync.status().waiting).toBe(3);
  // No resend loop on a resend point that cannot be true.
  expect(sent(PUSH, mark)).toHaveLength(1);
});

it.each([
  ['not JSON', (): string => '{"cursor": "c1", "hasMore": fal'],
  ['a well-formed first item and a broken second one', (real: string) => JSON.stringify({ ...JSON.parse(real), reference: [...JSON.parse(real).reference, { key: 'units', value: [{ code: '' }], updatedAt: '2026-09-01' }] })],
  ['a cursor too long to be sent back', (real: string) => JSON.stringify({ ...JSON.parse(real), cursor: 'c'.repeat(500) })],
  ['an array instead of an object', () => '[]'],
])('a pull answer that is %s writes nothing, and the real answer is applied later', async (_what, body) => {
  const backend = device();
  lieOn(PULL, (real) => ({ ...real, body: body(real.body) }));
  await enroll(backend, city);
  expectBadResponse(backend);
  const pulled = () => backend.db.$client.prepare('SELECT key FROM reference_data').pluck().all();
  expect(pulled()).toEqual([]);
  expect(getSyncState(backend.db).pullCursor).toBeNull();

  // The city did have something to send: with the line clean it arrives.
  city.setRule(null);
  expect(await backend.sync.syncNow()).toMatchObject({ lastError: null });
  expect(pulled()).toEqual(['holidays']);
  expect(getSyncState(backend.db).pullCursor).not.toBeNull();
});

it.each([
  ['HEAD says it holds more bytes than the file has', 'HEAD', { 'upload-offset': '5000', 'upload-complete': '0' }, null],
  ['HEAD says complete with bytes missing', 'HEAD', { 'upload-offset': '10', 'upload-complete': '1' }, null],
  ['HEAD gives an offset that is not a number', 'HEAD', { 'upload-offset': 'lots', 'upload-complete': '0' }, null],
  ['the last chunk is answered as not complete', 'PUT', {}, (b: Record<string, unknown>) => ({ ...b, complete: false })],
])('an attachment answer where %s leaves it not uploaded', async (_what, method, headers, change) => {
  const backend = device();
  await enroll(backend, city);
  const reg = await backend.dispatch('intake.register', validVisit);
  if (!reg.ok) throw new Error(reg.message);
  const { matterId } = reg.value as { matterId: string };
  const added = await backend.dispatch('attachments.add', { matterId, fileName: '材料.png', mime: 'image/png', dataBase64: randomBytes(1000).toString('base64') });
  // Bytes of its own: the city keeps a file once per county, and this city is shared by the file's tests.
  if (!added.ok) throw new Error(added.message);
  const fault: Fault = {
    kind: 'rewrite',
    answer: (real) => (method === 'HEAD' ? { status: 200, headers, body: '' } : { ...real, body: JSON.stringify(change!(JSON.parse(real.body))) }),
  };
  city.setRule((r) => (ATTACHMENT.test(r.path) && r.method === method ? fault : undefined));
  const uploaded = async () => {
    const list = await backend.dispatch('attachments.list', { matterId });
    return list.ok && (list.value as { uploaded: boolean }[])[0]!.uploaded;
  };

  await backend.sync.syncNow();
  expectBadResponse(backend);
  expect(await uploaded()).toBe(false);

  city.setRule(null);
  expect(await backend.sync.syncNow()).toMatchObject({ lastError: null });
  expect(await uploaded()).toBe(true);
});

it.each([
  ['a 201 without the token', 201, JSON.stringify({ deviceId: 'd1', deviceCode: 'D9', countyCode: '410102' })],
  ['a 404 page from some other server', 404, '<html>Not Found</html>'],
])('an enrolment answer that is %s is bad_response on the server address, and the device stays unenrolled', async (_what, status, body) => {
  const backend = device();
  lieOn(ENROLL, () => ({ status, headers: { 'content-type': status === 404 ? 'text/html' : 'application/json' }, body }));
  const r = await backend.callAs('admin', 'sync.enroll', { serverUrl: city.url, code: 'ABCD-1234', name: '一号窗口' });
  expect(r).toMatchObject({ ok: false, code: 'bad_response', field: 'serverUrl' });
  expect(!r.ok && r.message).toMatch(CHINESE);
  expect(backend.sync.status().enrolled).toBe(false);
});

it('a person lookup answer of the wrong shape gives no answer (the window falls back to its own records), not a crash', async () => {
  const backend = device();
  await enroll(backend, city);
  const q = { documentType: 'resident' as const, documentNumber: VALID_ID };
  expect(await backend.sync.cityLookup(q)).toMatchObject({ matters: expect.any(Array) });
  lieOn(LOOKUP, json(() => ({ matters: 'many' })));
  expect(await backend.sync.cityLookup(q)).toBeNull();
});
