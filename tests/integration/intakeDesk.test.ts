// The intake desk beyond a single visitor: group visits and their representatives, the
// repeat-visit check and linking, terminated matters, and drafts that survive a closed window.
import { afterEach, describe, expect, it } from 'vitest';
import { OUTBOX_RECORDS, residentId, testBackend, validVisit, VALID_ID } from '../support/backend';

const backends: ReturnType<typeof testBackend>[] = [];
function open() {
  const b = testBackend({ now: () => new Date('2026-03-02T09:00:00+08:00') });
  backends.push(b);
  return b;
}
afterEach(async () => {
  while (backends.length) await backends.pop()!.close();
});

const rep = (i: number) => ({ credential: { type: 'resident', number: residentId('410102', '19700101', 10 + i) }, name: `代表${i}`, mobile: `1390000000${i}` });
const count = (b: ReturnType<typeof testBackend>, table: string) => (b.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function register(b: ReturnType<typeof testBackend>, input: unknown) {
  const r = await b.dispatch('intake.register', input);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value as { matterId: string; matterNo: string; visitKind: string; terminated: boolean; nextDeadline: unknown };
}

describe('group visits', () => {
  it('registers 12 people with 5 representatives, each with their own identity', async () => {
    const b = open();
    const r = await register(b, { ...validVisit, headcount: 12, representatives: [1, 2, 3, 4, 5].map(rep) });
    expect(r.visitKind).toBe('first');
    expect(count(b, 'representative')).toBe(5);
    expect(count(b, 'visitor')).toBe(6);
    const payload = JSON.parse((b.db.$client.prepare(`SELECT payload FROM ${OUTBOX_RECORDS}`).get() as { payload: string }).payload);
    expect(payload.representatives.map((p: { name: string }) => p.name)).toEqual(['代表1', '代表2', '代表3', '代表4', '代表5']);
  });

  it('refuses a sixth representative with the rule in Chinese, writing nothing', async () => {
    const b = open();
    const r = await b.dispatch('intake.register', { ...validVisit, headcount: 12, representatives: [1, 2, 3, 4, 5, 6].map(rep) });
    expect(r).toMatchObject({ ok: false, field: 'representatives', message: expect.stringContaining('最多5人') });
    expect(count(b, 'visitor') + count(b, 'matter') + count(b, OUTBOX_RECORDS)).toBe(0);
  });

  it('asks for representatives when five or more come in person', async () => {
    const r = await open().dispatch('intake.register', { ...validVisit, headcount: 6 });
    expect(r).toMatchObject({ ok: false, code: 'representatives_required', field: 'representatives' });
  });

  it('refuses a representative with an invalid ID number', async () => {
    const bad = { ...rep(1), credential: { type: 'resident', number: '110105194912310020' } };
    const r = await open().dispatch('intake.register', { ...validVisit, headcount: 6, representatives: [bad] });
    expect(r).toMatchObject({ ok: false, code: 'id_checksum', field: 'representatives.0.credential.number' });
  });
});

describe('repeat-visit check', () => {
  it('finds every earlier matter of the person from the ID number, and links a repeat visit', async () => {
    const b = open();
    const first = await register(b, validVisit);
    const found = await b.dispatch('intake.lookupPerson', { credential: { type: 'resident', number: VALID_ID } });
    // The side panel shows the running deadline as the registration told it, shape and all.
    expect(found).toMatchObject({
      ok: true,
      value: { provisional: true, visitorName: '张三', matters: [{ matterNo: first.matterNo, terminated: false, visits: 1, nextDeadline: first.nextDeadline }] },
    });

    const again = await register(b, { ...validVisit, summary: '再次反映供暖问题', link: { kind: 'repeat', matterId: first.matterId } });
    expect(again).toMatchObject({ visitKind: 'repeat', matterNo: first.matterNo, terminated: false });
    expect(count(b, 'matter')).toBe(1);
    expect(count(b, 'visit')).toBe(2);
    const types = b.db.$client.prepare(`SELECT type FROM ${OUTBOX_RECORDS} ORDER BY seq`).all();
    expect(types).toEqual([{ type: 'matter.registered' }, { type: 'visit.recorded' }]);
    const list = await b.dispatch('intake.listToday', {});
    expect(list.ok && (list.value as { visitKind: string; summary: string }[]).map((v) => [v.visitKind, v.summary])).toEqual([
      ['repeat', '再次反映供暖问题'],
      ['first', validVisit.summary],
    ]);
  });

  it('finds the person by name and mobile, and as a representative of a group', async () => {
    const b = open();
    const group = await register(b, { ...validVisit, headcount: 8, representatives: [rep(1)] });
    const byRep = await b.dispatch('intake.lookupPerson', { credential: rep(1).credential });
    expect(byRep).toMatchObject({ ok: true, value: { matters: [{ matterNo: group.matterNo }] } });
    const byNamePhone = await b.dispatch('intake.lookupPerson', { name: '张三', mobile: '138 0013 8000' });
    expect(byNamePhone).toMatchObject({ ok: true, value: { matters: [{ matterNo: group.matterNo }] } });
    const nobody = await b.dispatch('intake.lookupPerson', { credential: { type: 'resident', number: residentId('410102', '19900101', 1) } });
    expect(nobody).toMatchObject({ ok: true, value: { visitorName: null, matters: [] } });
  });

  it('marks a terminated matter, and still registers the visit with the warning', async () => {
    const b = open();
    const first = await register(b, validVisit);
    b.db.$client.prepare("UPDATE matter SET status = 'terminated' WHERE id = ?").run(first.matterId);
    const found = await b.dispatch('intake.lookupPerson', { credential: { type: 'resident', number: VALID_ID } });
    expect(found).toMatchObject({ ok: true, value: { matters: [{ terminated: true, statusLabel: expect.stringContaining('终结') }] } });
    const again = await register(b, { ...validVisit, link: { kind: 'repeat', matterId: first.matterId } });
    expect(again.terminated).toBe(true);
    const payload = JSON.parse((b.db.$client.prepare("SELECT payload FROM outbox WHERE type = 'visit.recorded'").get() as { payload: string }).payload);
    expect(payload.terminatedMatter).toBe(true);
  });

  it('refuses a lookup with neither a document number nor name and mobile', async () => {
    expect(await open().dispatch('intake.lookupPerson', { name: '张三' })).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});

describe('drafts', () => {
  it('saves, lists, restores and discards a half-filled form; registering from it removes it', async () => {
    const b = open();
    const data = { visitor: { name: '李四', credential: { type: 'resident', number: '4101' } }, summary: '工资' };
    expect(await b.dispatch('drafts.save', { id: 'd1', title: '李四', data })).toMatchObject({ ok: true });
    expect(await b.dispatch('drafts.save', { id: 'd1', title: '李四', data: { ...data, summary: '工资被拖欠' } })).toMatchObject({ ok: true });
    expect(await b.dispatch('drafts.list', {})).toMatchObject({ ok: true, value: [{ id: 'd1', title: '李四' }] });
    expect(await b.dispatch('drafts.get', { id: 'd1' })).toMatchObject({ ok: true, value: { data: { summary: '工资被拖欠' } } });
    await register(b, { ...validVisit, draftId: 'd1' });
    expect(await b.dispatch('drafts.list', {})).toMatchObject({ ok: true, value: [] });
    expect(await b.dispatch('drafts.get', { id: 'd1' })).toMatchObject({ ok: false, code: 'draft_not_found' });
  });

  it('survives a restart of the backend', async () => {
    const b = open();
    await b.dispatch('drafts.save', { id: 'd2', title: '王五', data: { summary: '征地补偿' } });
    const dir = (b.db.$client.name as string).replace(/\/xinfang\.db$/, '');
    await b.close();
    backends.pop();
    const again = testBackend({ dataDir: dir });
    backends.push(again);
    expect(await again.dispatch('drafts.get', { id: 'd2' })).toMatchObject({ ok: true, value: { data: { summary: '征地补偿' } } });
  });

  it('refuses an oversized draft', async () => {
    const r = await open().dispatch('drafts.save', { id: 'big', data: { s: 'x'.repeat(300 * 1024) } });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('过大') });
  });
});

describe("today's list", () => {
  it('shows each visit under the name given at that visit, even when the person later gives another', async () => {
    const b = open();
    await register(b, validVisit);
    await register(b, { ...validVisit, visitor: { ...validVisit.visitor, name: '张叁' }, summary: '另一件事' });
    const list = await b.dispatch('intake.listToday', {});
    expect(list.ok && (list.value as { visitorName: string }[]).map((v) => v.visitorName)).toEqual(['张叁', '张三']);
  });
});
