// The full register (台账) through the services on a real store: every filter, each order in
// keyset pages, the count, the filter's lists, and the petitioner shown as the matter's file shows
// them to each role (a protected reporter masked but for the 科长; numbers shortened in lists).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matter } from '../../db/schema';
import type { RegisterFilterInput } from '../../domain/register/filter';
import type { RegisterRow } from '../../domain/register/rpc';
import { residentId, testBackend, validVisit } from '../support/backend';

let clock = new Date('2026-03-02T09:00:00+08:00');
const b = testBackend({ now: () => clock });
const on = (day: string) => {
  clock = new Date(`${day}T10:00:00+08:00`);
  return `${day}T10:00:00+08:00`;
};

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as T;
}

let seq = 0;
async function registered(day: string, extra: Record<string, unknown> = {}, name = `来访人${seq + 1}`): Promise<string> {
  on(day);
  seq += 1;
  const { matterId } = await call<{ matterId: string }>('intake.register', {
    ...validVisit,
    visitor: { ...validVisit.visitor, credential: { type: 'resident', number: residentId('410102', '19700101', seq) }, name },
    ...extra,
  });
  return matterId;
}
const step = (matterId: string, day: string, command: Record<string, unknown>) => call('matters.command', { matterId, command: { at: on(day), ...command } });

const ids: Record<string, string> = {};
const TODAY = '2026-03-30';

beforeAll(async () => {
  ids.handled = await registered('2026-03-02', { categoryCode: '0101', placeRegion: '410102001' });
  await step(ids.handled, '2026-03-03', { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '县住建局' });
  await step(ids.handled, '2026-03-04', { type: 'accept' });
  ids.accusation = await registered('2026-03-03', { channel: 'letter', categoryCode: '0301', placeRegion: '410102002' }, '举报人甲');
  await step(ids.accusation, '2026-03-04', { type: 'classify', class: 'accusation', route: 'discipline-inspection', body: '县纪委监委' });
  ids.urgent = await registered('2026-03-04', { categoryCode: '0302', placeRegion: '410102001', flags: { majorUrgent: true, skipLevel: 'city' } });
  ids.phoned = await registered('2026-03-16', { channel: 'phone', categoryCode: '0101', placeRegion: '410102002' });
  ids.late = await registered('2026-03-27', { channel: 'online', categoryCode: '', placeRegion: '' });
  ids.voided = await registered('2026-03-28', { categoryCode: '0101' });
  b.db.update(matter).set({ voidedAt: '2026-03-28T11:00:00.000+08:00' }).where(eq(matter.id, ids.voided)).run();
  on(TODAY);
});
afterAll(() => b.close());

const page = (filter: RegisterFilterInput = {}, sort: object = {}, after: unknown = null, limit = 100) =>
  call<{ rows: RegisterRow[]; next: { value: string; matterNo: string } | null }>('register.page', { filter, sort, after, limit });
const idsOf = async (filter: RegisterFilterInput) => (await page(filter)).rows.map((r) => r.matterId).sort();
const named = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

describe('filters', () => {
  it('each filter keeps exactly its matters, and its count says so', async () => {
    const cases: [RegisterFilterInput, string[]][] = [
      [{ states: ['accepted'] }, ['handled']],
      [{ states: ['registered'] }, ['urgent', 'phoned', 'late', 'voided']],
      [{ classes: ['accusation'] }, ['accusation']],
      [{ classes: ['none'] }, ['urgent', 'phoned', 'late', 'voided']],
      [{ routes: ['petition-procedure', 'discipline-inspection'] }, ['handled', 'accusation']],
      [{ categories: ['03'] }, ['accusation', 'urgent']],
      [{ categories: ['0101'] }, ['handled', 'phoned', 'voided']],
      [{ categories: ['none'] }, ['late']],
      [{ places: ['410102001'] }, ['handled', 'urgent']],
      [{ places: ['none'] }, ['late']],
      [{ units: ['县纪委监委'] }, ['accusation']],
      [{ channels: ['letter', 'phone'] }, ['accusation', 'phoned']],
      [{ from: '2026-03-04', to: '2026-03-16' }, ['urgent', 'phoned']],
      [{ flags: ['majorUrgent', 'skipLevel'] }, ['urgent']],
      [{ flags: ['lawRelated'] }, []],
      [{ categories: ['01'], channels: ['visit'], states: ['accepted', 'registered'] }, ['handled', 'voided']],
    ];
    for (const [filter, expected] of cases) {
      expect(await idsOf(filter), JSON.stringify(filter)).toEqual(named(...expected));
      expect((await call<{ count: number }>('register.count', { filter })).count, JSON.stringify(filter)).toBe(expected.length);
    }
  });

  it('the deadline filters agree with the deadline each row shows on the day', async () => {
    const all = (await page()).rows;
    const overdue = all.filter((r) => r.nextDeadline?.overdue).map((r) => r.matterId).sort();
    const dueSoon = all.filter((r) => r.nextDeadline && !r.nextDeadline.overdue && r.nextDeadline.daysLeft <= 3).map((r) => r.matterId).sort();
    expect(overdue.length).toBeGreaterThan(0);
    expect(dueSoon.length).toBeGreaterThan(0);
    expect(await idsOf({ deadline: 'overdue' })).toEqual(overdue);
    expect(await idsOf({ deadline: 'due-soon' })).toEqual(dueSoon);
  });

  it('a device filter keeps the numbers it issued, and the lists offer what the store holds', async () => {
    const options = await call<{ places: { code: string; name: string }[]; units: string[]; devices: string[] }>('register.options', {});
    expect(options.places).toEqual([
      { code: '410102', name: '郑州市中原区' },
      { code: '410102001', name: '中原区林山寨街道' },
      { code: '410102002', name: '中原区建设路街道' },
    ]);
    expect(options.units).toEqual(['县住建局', '县纪委监委']);
    expect(options.devices).toHaveLength(1);
    expect(await idsOf({ devices: options.devices })).toEqual(named('handled', 'accusation', 'urgent', 'phoned', 'late', 'voided'));
    expect(await idsOf({ devices: ['999999-X1'] })).toEqual([]);
  });

  it('refuses a filter it cannot read, and writes nothing', async () => {
    expect(await b.dispatch('register.page', { filter: { categories: ['1'] } })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await b.dispatch('register.page', { filter: { from: '2026-04-01', to: '2026-03-01' } })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await b.dispatch('register.count', { filter: { states: ['nonsense'] } })).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});

describe('orders and pages', () => {
  it('keyset pages walk every order without a gap or a repeat', async () => {
    const whole = (await page({}, {}, null, 500)).rows.map((r) => r.matterId);
    for (const sort of [
      { key: 'receivedAt', dir: 'desc' },
      { key: 'receivedAt', dir: 'asc' },
      { key: 'nextDue', dir: 'asc' },
      { key: 'matterNo', dir: 'desc' },
    ]) {
      const seen: RegisterRow[] = [];
      let after = null;
      do {
        const p: Awaited<ReturnType<typeof page>> = await page({}, sort, after, 2);
        seen.push(...p.rows);
        after = p.next;
      } while (after);
      expect(seen.map((r) => r.matterId).sort(), JSON.stringify(sort)).toEqual([...whole].sort());
      const keys = seen.map((r) => (sort.key === 'nextDue' ? r.nextDeadline?.lastDay ?? '9999-12-31' : sort.key === 'matterNo' ? r.matterNo : r.receivedAt));
      const ordered = [...keys].sort();
      expect(keys, JSON.stringify(sort)).toEqual(sort.dir === 'asc' ? ordered : ordered.reverse());
    }
    // Newest first by default.
    expect(whole.slice(0, 2)).toEqual([ids.voided, ids.late]);
  });
});

describe('who sees what', () => {
  const accusationRow = async () => (await page({ classes: ['accusation'] })).rows[0]!;

  it('the 科长 sees a protected reporter, and voided registrations marked', async () => {
    await b.as('supervisor');
    expect((await accusationRow()).visitor).toEqual({ name: '举报人甲', credential: expect.stringMatching(/^4101\*{10}\d{3}[\dX]$/), masked: false });
    const all = (await page()).rows;
    expect(all.find((r) => r.matterId === ids.voided)).toMatchObject({ voided: true });
  });

  it('the 承办人 and the 登记员 see the reporter masked, every other number shortened, and no voided registration', async () => {
    for (const role of ['handler', 'clerk'] as const) {
      await b.as(role);
      expect((await accusationRow()).visitor, role).toEqual({ name: '举***', credential: '******************', masked: true });
      const other = (await page({ classes: ['complaint'] })).rows[0]!;
      expect(other.visitor.credential, role).toMatch(/^4101\*{10}\d{3}[\dX]$/);
      expect((await page()).rows.map((r) => r.matterId), role).not.toContain(ids.voided);
      expect((await call<{ count: number }>('register.count', { filter: {} })).count, role).toBe(5);
    }
    await b.as('supervisor');
  });

  it('the 管理员, who does no casework, may not read the register', async () => {
    await b.as('admin');
    expect(await b.dispatch('register.page', {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await b.dispatch('register.count', {})).toMatchObject({ ok: false, code: 'forbidden' });
    await b.as('supervisor');
  });
});
