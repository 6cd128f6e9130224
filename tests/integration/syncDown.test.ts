// What flows down from the city and what follows the events up: reference data and 督办 notices
// pulled with a cursor and applied in one local transaction; attachment bytes uploaded after
// their events, checked by hash at the city.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { MatterDetail } from '../../domain/matters/rpc';
import { testBackend, validVisit } from '../support/backend';
import { enroll, enrollmentCode, noJitter, startFaultCity } from '../support/faultProxy';
import { admin } from '../support/cityFixtures';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function rig() {
  const city = await startFaultCity();
  cleanup.push(() => city.close());
  const backend = testBackend({ now: () => new Date('2026-09-25T09:00:00+08:00'), sync: { random: noJitter, debounceMs: 60_000, timerMs: 60_000, healthEveryMs: 60_000 } });
  cleanup.push(() => backend.close());
  await enroll(backend, city);
  return { city, backend };
}

async function cityCall(city: { url: string }, method: string, path: string, body?: unknown) {
  const res = await fetch(`${city.url}${path}`, { method, headers: { ...admin, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

it('pulls the city’s categories and holiday overrides, and they take effect at the window', async () => {
  const { city, backend } = await rig();
  const categories = { version: '2026.9', categories: [{ code: '01', name: '城乡建设', children: [{ code: '0199', name: '城中村改造' }] }] };
  expect((await cityCall(city, 'PUT', '/api/v1/admin/reference/categories', categories)).status).toBe(200);
  // 2026-10-10 is a swapped working Saturday in the official calendar; the city makes it a rest day.
  expect((await cityCall(city, 'PUT', '/api/v1/admin/reference/holidays', { restDays: ['2026-10-10'], workingDays: [] })).status).toBe(200);

  const before = await backend.dispatch('intake.register', { ...validVisit, categoryCode: '0199' });
  expect(before).toMatchObject({ ok: false, code: 'category_unknown' });
  // 15 days from 09-25 is 10-10, a working day before the override.
  expect(await backend.dispatch('intake.register', validVisit)).toMatchObject({ ok: true, value: { nextDeadline: { lastDay: '2026-10-10' } } });
  await backend.dispatch('sync.now', {});
  const pulled = backend.db.$client.prepare('SELECT key FROM reference_data ORDER BY key').all();
  expect(pulled).toEqual([{ key: 'categories' }, { key: 'holidays' }]);
  expect(backend.sync.status()).toMatchObject({ lastError: null, waiting: 0 });

  const after = await backend.dispatch('intake.register', { ...validVisit, summary: '另一件事', categoryCode: '0199' });
  // Now 10-10 is a rest day and 10-11 a Sunday: the period ends on Monday 10-12.
  expect(after).toMatchObject({ ok: true, value: { nextDeadline: { lastDay: '2026-10-12' } } });
});

it('brings the city’s 督办 notice onto the matter’s file, once', async () => {
  const { city, backend } = await rig();
  const reg = await backend.dispatch('intake.register', validVisit);
  if (!reg.ok) throw new Error(reg.message);
  const { matterId, matterNo } = reg.value as { matterId: string; matterNo: string };
  await backend.dispatch('sync.now', {});
  const issued = await cityCall(city, 'POST', '/api/v1/admin/supervision', { matterNo, issuedBy: '市信访局', dueOn: '2026-10-15', content: '请于10月15日前报送办理结果' });
  expect(issued.status).toBe(201);
  await backend.dispatch('sync.now', {});
  await backend.dispatch('sync.now', {});
  const detail = await backend.dispatch('matters.get', { matterId });
  expect(detail.ok && (detail.value as MatterDetail).supervision).toMatchObject([{ origin: 'city', issuedBy: '市信访局', dueOn: '2026-10-15' }]);
});

it('uploads an attachment after its events, and the city holds exactly those bytes', async () => {
  const { city, backend } = await rig();
  const reg = await backend.dispatch('intake.register', validVisit);
  if (!reg.ok) throw new Error(reg.message);
  const bytes = Buffer.alloc(2.5 * 1024 * 1024, 7); // three chunks
  const added = await backend.dispatch('attachments.add', { matterId: (reg.value as { matterId: string }).matterId, fileName: '材料.pdf', mime: 'application/pdf', dataBase64: bytes.toString('base64') });
  if (!added.ok) throw new Error(added.message);
  const sha = (added.value as { sha256: string }).sha256;
  await backend.dispatch('sync.now', {});
  expect(backend.sync.status()).toMatchObject({ waiting: 0, lastError: null });
  const list = await backend.dispatch('attachments.list', { matterId: (reg.value as { matterId: string }).matterId });
  expect(list.ok && (list.value as { uploaded: boolean }[])[0]!.uploaded).toBe(true);
  const head = await fetch(`${city.url}/api/v1/sync/attachments/${sha}`, { method: 'HEAD', headers: { authorization: `Bearer ${backend.db.$client.prepare('SELECT token FROM device').pluck().get() as string}` } });
  expect(head.status).toBe(200);
  expect(head.headers.get('upload-complete')).toBe('1');
  expect(Number(head.headers.get('upload-length'))).toBe(bytes.length);
});

it('shows the records the city refused, with the reason, and keeps the queue moving', async () => {
  const { backend } = await rig();
  const [emptyId, noVisitorId] = ['0199a000-0000-7000-8000-000000000001', '0199a000-0000-7000-8000-000000000002'];
  await backend.dispatch('intake.register', validVisit);
  // An event an older version wrote with a payload the city no longer accepts.
  backend.db.$client
    .prepare("INSERT INTO outbox (id, type, entity_id, occurred_at, payload) VALUES (?, 'visit.recorded', 'x', '2026-09-25T09:00:00.000+08:00', '{}')")
    .run(emptyId);
  const second = await backend.dispatch('intake.register', { ...validVisit, summary: '另一件事' });
  if (!second.ok) throw new Error(second.message);
  const { matterId, matterNo } = second.value as { matterId: string; matterNo: string };
  // A repeat visit on that matter, written by a faulty build without the visitor.
  backend.db.$client
    .prepare("INSERT INTO outbox (id, type, entity_id, occurred_at, payload) VALUES (?, 'visit.recorded', 'y', '2026-09-25T09:30:00.000+08:00', ?)")
    .run(noVisitorId, JSON.stringify({ matterId, matterNo }));
  // Their seqs are the outbox's to give: audit lines take seqs of the same stream.
  const seqOf = (id: string) => backend.db.$client.prepare('SELECT seq FROM outbox WHERE id = ?').pluck().get(id) as number;
  const status = await backend.dispatch('sync.now', {});
  expect(status).toMatchObject({
    ok: true,
    value: {
      waiting: 0,
      auditWaiting: 0,
      lastError: null,
      rejected: [
        // What each was, and the matter it concerns when this window holds it, so a clerk can find it.
        { seq: seqOf(noVisitorId), code: 'bad_payload', type: 'visit.recorded', matterNo, matterId },
        { seq: seqOf(emptyId), code: 'bad_payload', type: 'visit.recorded', matterNo: null, matterId: null },
      ],
    },
  });
  expect(status.ok && (status.value as { rejected: { message: string }[] }).rejected[0]!.message).toBeTruthy();
});

it('confirms the repeat check with the city: a matter registered in another county shows by number, county and state (not what it is about), and the check is no longer provisional', async () => {
  const { city, backend: zhongyuan } = await rig();
  const reg = await zhongyuan.dispatch('intake.register', { ...validVisit, summary: '反映征地补偿不到位' });
  if (!reg.ok) throw new Error(reg.message);
  await zhongyuan.dispatch('sync.now', {});

  const erqi = testBackend({ sync: { random: noJitter, debounceMs: 60_000, timerMs: 60_000, healthEveryMs: 60_000 } });
  cleanup.push(() => erqi.close());
  const query = { credential: validVisit.visitor.credential };
  // Offline (not yet enrolled): only this window's records, marked provisional.
  expect(await erqi.dispatch('intake.lookupPerson', query)).toMatchObject({ ok: true, value: { provisional: true, matters: [] } });

  const { code } = await enrollmentCode(city, '410103');
  expect(await erqi.callAs('admin', 'sync.enroll', { serverUrl: city.url, code, name: '二七区窗口' })).toMatchObject({ ok: true });
  const confirmed = await erqi.dispatch('intake.lookupPerson', query);
  expect(confirmed).toMatchObject({
    ok: true,
    value: {
      provisional: false,
      matters: [{ source: 'city', countyCode: '410102', matterNo: (reg.value as { matterNo: string }).matterNo, summary: '', visits: 1 }],
    },
  });

  // The city unreachable: the window falls back to its own records, provisional again.
  city.setRule(() => ({ kind: 'dropRequest' }));
  expect(await erqi.dispatch('intake.lookupPerson', query)).toMatchObject({ ok: true, value: { provisional: true } });
});

it('names an attachment damaged on this disk and still uploads the others', async () => {
  const { backend } = await rig();
  const reg = await backend.dispatch('intake.register', validVisit);
  if (!reg.ok) throw new Error(reg.message);
  const matterId = (reg.value as { matterId: string }).matterId;
  const add = async (fileName: string, fill: number) => {
    const r = await backend.dispatch('attachments.add', { matterId, fileName, mime: 'image/png', dataBase64: Buffer.alloc(1000, fill).toString('base64') });
    if (!r.ok) throw new Error(r.message);
    return r.value as { sha256: string };
  };
  const damaged = await add('损坏.png', 1);
  await add('完好.png', 2);
  const dataDir = (backend.db.$client.name as string).replace(/\/xinfang\.db$/, '');
  fs.writeFileSync(path.join(dataDir, 'attachments', damaged.sha256), Buffer.alloc(1000, 9));
  const status = await backend.dispatch('sync.now', {});
  expect(status).toMatchObject({ ok: true, value: { waiting: 0, lastError: { code: 'attachment_corrupt', message: expect.stringContaining('损坏.png') } } });
  const list = await backend.dispatch('attachments.list', { matterId });
  expect(list.ok && (list.value as { fileName: string; uploaded: boolean }[]).map((a) => [a.fileName, a.uploaded])).toEqual([
    ['损坏.png', false],
    ['完好.png', true],
  ]);
});
