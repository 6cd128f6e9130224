// Registering a visit through the service router: one transaction writes visitor, matter and
// the outbox event; bad input of any kind writes nothing.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTBOX_RECORDS, residentId, testBackend, validVisit, VALID_ID } from '../support/backend';

const withVisitor = (patch: Record<string, unknown>) => ({ ...validVisit, visitor: { ...validVisit.visitor, ...patch } });

const backends: ReturnType<typeof testBackend>[] = [];
function open(o: Parameters<typeof testBackend>[0] = {}) {
  const b = testBackend({ now: () => new Date('2026-03-01T08:30:00+08:00'), ...o });
  backends.push(b);
  return b;
}
afterEach(async () => {
  while (backends.length) await backends.pop()!.close();
});

const counts = (b: ReturnType<typeof testBackend>) =>
  b.db.$client
    .prepare(`SELECT (SELECT count(*) FROM visitor) v, (SELECT count(*) FROM matter) m, (SELECT count(*) FROM ${OUTBOX_RECORDS}) o`)
    .get() as { v: number; m: number; o: number };

describe('intake.register', () => {
  it('writes visitor, matter and one matter.registered outbox event, and lists it today', async () => {
    const b = open();
    const r = await b.dispatch('intake.register', validVisit);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value as { matterNo: string; matterId: string; receivedAt: string; nextDeadline: unknown };
    expect(v.matterNo).toMatch(/^000000-L[0-9A-F]{4}-2026-000001$/);
    expect(v.receivedAt).toBe('2026-03-01T08:30:00.000+08:00');
    // 15 days from 2026-03-01 is Monday 2026-03-16 (DOMAIN.md §4); the desk registers on the 1st.
    expect(v.nextDeadline).toEqual({ step: 'acceptance-notice', label: '受理告知期限', lastDay: '2026-03-16', daysLeft: 15, overdue: false, party: 'authority', estimated: false });
    expect(counts(b)).toEqual({ v: 1, m: 1, o: 1 });
    const ev = b.db.$client.prepare(`SELECT * FROM ${OUTBOX_RECORDS}`).get() as { seq: number; type: string; entity_id: string; payload: string };
    expect(ev).toMatchObject({ type: 'matter.registered', entity_id: v.matterId });
    expect(JSON.parse(ev.payload).visitor).toMatchObject({ documentNumber: VALID_ID, gender: 'female', birthDate: '1949-12-31', regionCode: '110105' });

    const list = await b.dispatch('intake.listToday', {});
    expect(list).toMatchObject({ ok: true, value: [{ matterNo: v.matterNo, visitorName: '张三', maskedIdNumber: '1101**********002X', synced: false }] });
  });

  it('numbers matters consecutively per year and reuses the visitor of a known ID number', async () => {
    const b = open();
    await b.dispatch('intake.register', validVisit);
    const r = await b.dispatch('intake.register', { ...validVisit, visitor: { ...validVisit.visitor, credential: { type: 'resident', number: VALID_ID.toLowerCase() } }, summary: '另一件事' });
    expect(r.ok && (r.value as { matterNo: string }).matterNo.endsWith('-2026-000002')).toBe(true);
    expect(counts(b)).toEqual({ v: 1, m: 2, o: 2 });
  });

  it('upgrades an old 15-digit number to 18 digits', async () => {
    const b = open();
    const r = await b.dispatch('intake.register', withVisitor({ credential: { type: 'resident', number: '110105491231002' } }));
    expect(r.ok).toBe(true);
    const row = b.db.$client.prepare('SELECT id_number, birth_date FROM visitor').get();
    expect(row).toEqual({ id_number: VALID_ID, birth_date: '1949-12-31' });
  });

  it.each([
    ['bad check character', withVisitor({ credential: { type: 'resident', number: '110105194912310020' } }), 'id_checksum', 'visitor.credential.number'],
    ['impossible date', withVisitor({ credential: { type: 'resident', number: '110105194902300021' } }), 'id_birthdate', 'visitor.credential.number'],
    ['wrong length', withVisitor({ credential: { type: 'resident', number: '1101051949' } }), 'id_format', 'visitor.credential.number'],
    ['unknown document type', withVisitor({ credential: { type: 'library-card', number: '1' } }), 'invalid_input', 'visitor.credential.type'],
    ['empty name', withVisitor({ name: '  ' }), 'invalid_input', 'visitor.name'],
    ['bad mobile', withVisitor({ mobile: '12345' }), 'phone_format', 'visitor.mobile'],
    ['a landline in the mobile field', withVisitor({ mobile: '0371-63212345' }), 'phone_kind', 'visitor.mobile'],
    ['unknown region', withVisitor({ current: { region: '999999', detail: '' } }), 'region_unknown', 'visitor.current.region'],
    ['unknown category', { ...validVisit, categoryCode: '9999' }, 'category_unknown', 'categoryCode'],
    ['zero headcount', { ...validVisit, headcount: 0 }, 'invalid_input', 'headcount'],
    ['headcount as text', { ...validVisit, headcount: '3' }, 'invalid_input', 'headcount'],
    ['a missing matter to link', { ...validVisit, link: { kind: 'repeat', matterId: 'nope' } }, 'matter_not_found', 'link'],
    ['unknown field', { ...validVisit, secret: 1 }, 'invalid_input', undefined],
  ])('refuses %s with a typed code and a Chinese message, writing nothing', async (_label, input, code, field) => {
    const b = open();
    const r = await b.dispatch('intake.register', input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.field).toBe(field);
    expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(counts(b)).toEqual({ v: 0, m: 0, o: 0 });
  });

  it('refuses a birth date after today', async () => {
    const b = open({ now: () => new Date('2020-01-01T10:00:00+08:00') });
    const r = await b.dispatch('intake.register', withVisitor({ credential: { type: 'resident', number: residentId('110105', '20210601', 1) } }));
    expect(r).toMatchObject({ ok: false, code: 'id_birthdate_future' });
  });

  it('fuzzed input of any shape is refused or accepted, never throws, and a refusal writes nothing', async () => {
    const b = open();
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.constantFrom('intake.register', 'intake.listToday', 'sync.enroll', 'no.such'), async (input, method) => {
        const before = counts(b);
        const r = await b.dispatch(method, input);
        if (!r.ok) expect(counts(b)).toEqual(before);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    expect(counts(b)).toEqual({ v: 0, m: 0, o: 0 });
  });

  it('unknown methods are refused', async () => {
    expect(await open().dispatch('intake.drop', {})).toMatchObject({ ok: false, code: 'unknown_method' });
  });
});

describe('local store', () => {
  it('opens with WAL, synchronous=FULL and foreign keys on, and keeps data across reopen', async () => {
    const b = open();
    const c = b.db.$client;
    expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.pragma('synchronous', { simple: true })).toBe(2);
    expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
    await b.dispatch('intake.register', validVisit);
    const dir = (c.name as string).replace(/\/xinfang\.db$/, '');
    await b.close();
    backends.pop();
    const again = open({ dataDir: dir });
    expect(again.db.$client.pragma('synchronous', { simple: true })).toBe(2);
    expect(counts(again)).toEqual({ v: 1, m: 1, o: 1 });
  });

  it('refuses a matter pointing at no visitor (foreign keys enforced)', () => {
    const b = open();
    expect(() =>
      b.db.$client
        .prepare("INSERT INTO matter (id, matter_no, visitor_id, channel, headcount, summary, status, received_at, received_on, created_at, updated_at) VALUES ('m','n','nobody','visit',1,'s','registered','t','d','t','t')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
