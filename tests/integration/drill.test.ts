// 统计's numbers opened as the register on a real store: every rate's numerator and denominator,
// and the visit figures, open exactly as many matters as the number says; the breakdowns add up
// to the period's figures, and a breakdown row's number opens its group's matters.
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { matter } from '../../db/schema';
import type { WindowFigures } from '../../domain/figures/rpc';
import { type BreakdownRow, groupFilter } from '../../domain/figures/breakdowns';
import type { RegisterFilterInput } from '../../domain/register/filter';
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
const run = (matterId: string, day: string, command: Record<string, unknown>) => call('matters.command', { matterId, command: { at: on(day), ...command } });

async function registered(seq: number, day: string, extra: Record<string, unknown> = {}) {
  on(day);
  const person = { ...validVisit.visitor, credential: { type: 'resident', number: residentId('410102', '19700101', seq) }, name: `来访人${seq}` };
  return (await call<{ matterId: string }>('intake.register', { ...validVisit, visitor: person, ...extra })).matterId;
}

const PERIOD = { from: '2026-01-01', to: '2026-10-31' };

beforeAll(async () => {
  // Answered in time and rated; answered late and rated badly, then a repeat visit; accepted late
  // and never answered; guided to the court; and one only registered, in another category and place.
  const lived = async (seq: number, day: string, accept: string, reply: string | null, rating: string | null, extra: Record<string, unknown> = {}) => {
    const id = await registered(seq, day, extra);
    await run(id, accept, { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '县住建局' });
    await run(id, accept, { type: 'accept' });
    await run(id, accept, { type: 'startHandling' });
    if (!reply) return id;
    await run(id, reply, { type: 'reply', opinion: 'explain', basis: '《信访工作条例》第三十二条', text: '经调查核实……', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。' });
    await run(id, reply, { type: 'deliver', method: 'in-person', to: '来访人' });
    if (rating) await run(id, reply, { type: 'rate', rating });
    return id;
  };
  await lived(1, '2026-03-02', '2026-03-05', '2026-04-10', 'satisfied', { placeRegion: '410102001' });
  const slow = await lived(2, '2026-03-02', '2026-03-25', '2026-06-30', 'unsatisfied', { channel: 'letter', categoryCode: '0301' });
  await lived(3, '2026-04-01', '2026-04-30', null, null, { placeRegion: '410102001' });
  const guided = await registered(4, '2026-06-10', { channel: 'phone', categoryCode: '0501' });
  await run(guided, '2026-06-12', { type: 'classify', class: 'complaint', route: 'litigation-etc', body: '县人民法院' });
  await run(guided, '2026-06-12', { type: 'guide' });
  await registered(5, '2026-09-20', { categoryCode: '0302', placeRegion: '410102002' });
  // A voided registration: kept, out of every figure and every number's matters.
  const voided = await registered(6, '2026-09-21', { categoryCode: '0302' });
  b.db.update(matter).set({ voidedAt: '2026-09-21T11:00:00.000+08:00' }).where(eq(matter.id, voided)).run();
  on('2026-07-10');
  await call('intake.register', {
    ...validVisit,
    visitor: { ...validVisit.visitor, credential: { type: 'resident', number: residentId('410102', '19700101', 2) }, name: '来访人2' },
    link: { kind: 'repeat', matterId: slow },
  });
  on('2026-11-25');
});
afterAll(() => b.close());

const count = async (filter: RegisterFilterInput) => (await call<{ count: number }>('register.count', { filter })).count;

it('every rate’s numerator and denominator open exactly that many matters', async () => {
  const f = await call<WindowFigures>('figures.get', PERIOD);
  let checked = 0;
  for (const [indicator, rate] of Object.entries(f.indicators)) {
    for (const part of ['numerator', 'denominator'] as const) {
      expect(await count({ drill: { kind: 'indicator', indicator: indicator as never, part, ...PERIOD } }), `${indicator} ${part}`).toBe(rate[part]);
      if (rate[part] > 0) checked++;
    }
  }
  expect(checked).toBeGreaterThan(6);
  // 初访 opens the matters first received in the period; 重复访 the one visited again.
  expect(await count({ drill: { kind: 'visits', visits: 'first', ...PERIOD } })).toBe(f.firstVisits);
  expect(await count({ drill: { kind: 'visits', visits: 'repeat', ...PERIOD } })).toBe(1);
  expect(await count({ drill: { kind: 'visits', visits: 'all', ...PERIOD } })).toBe(5);
});

it('breakdowns add up to the period, and a row’s number opens its group’s matters', async () => {
  const f = await call<WindowFigures>('figures.get', PERIOD);
  for (const by of ['month', 'category', 'township', 'channel', 'route'] as const) {
    const { rows } = await call<{ rows: (BreakdownRow & { label: string })[] }>('figures.breakdown', { ...PERIOD, by });
    expect(rows.reduce((s, r) => s + r.visits, 0), by).toBe(f.visits);
    expect(rows.reduce((s, r) => s + r.indicators.timelyAcceptance.denominator, 0), by).toBe(f.indicators.timelyAcceptance.denominator);
    expect(rows.every((r) => r.label !== ''), by).toBe(true);
  }
  const byCategory = (await call<{ rows: (BreakdownRow & { label: string })[] }>('figures.breakdown', { ...PERIOD, by: 'category' })).rows;
  expect(byCategory.map((r) => [r.key, r.label])).toEqual([
    ['01', '城乡建设'],
    ['03', '劳动社保'],
    ['05', '政法'],
  ]);
  const city = byCategory[0]!;
  const drill = { kind: 'indicator', indicator: 'timelyAcceptance', part: 'denominator', from: city.from, to: city.to } as const;
  expect(await count({ ...groupFilter('category', city.key), drill })).toBe(city.indicators.timelyAcceptance.denominator);
  const byRoute = (await call<{ rows: BreakdownRow[] }>('figures.breakdown', { ...PERIOD, by: 'route' })).rows;
  for (const r of byRoute) expect(await count({ ...groupFilter('route', r.key), drill: { ...drill, from: r.from, to: r.to } }), r.key).toBe(r.indicators.timelyAcceptance.denominator);

  const months = (await call<{ rows: (BreakdownRow & { label: string })[] }>('figures.breakdown', { ...PERIOD, by: 'month' })).rows;
  expect(months.map((r) => r.label).slice(0, 3)).toEqual(['2026年1月', '2026年2月', '2026年3月']);
  const march = months.find((r) => r.key === '2026-03')!;
  expect(await count({ drill: { kind: 'indicator', indicator: 'timelyAcceptance', part: 'numerator', from: march.from, to: march.to } })).toBe(march.indicators.timelyAcceptance.numerator);
  expect(await count({ drill: { kind: 'visits', visits: 'all', from: march.from, to: march.to } })).toBe(march.visits);
});

it('the quarterly report carries the quarter’s figures and a sheet per breakdown', async () => {
  const quarter = { from: '2026-04-01', to: '2026-06-30' };
  const f = await call<WindowFigures>('figures.get', quarter);
  const file = await call<{ dataBase64: string }>('figures.export', quarter);
  const book = new ExcelJS.Workbook();
  // exceljs's typings predate Node's generic Buffer.
  await book.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
  expect(book.worksheets.map((s) => s.name)).toEqual(['统计', '按月', '按问题分类', '按属地', '按渠道', '按处理途径']);
  const values = (name: string) => book.getWorksheet(name)!.getSheetValues().filter(Boolean) as unknown[][];
  expect(String(values('统计')[0]![1])).toContain('信访统计季报：2026年第2季度');
  const months = values('按月').slice(1);
  expect(months.map((r) => r[1])).toEqual(['2026年4月', '2026年5月', '2026年6月']);
  expect(months.reduce((s, r) => s + Number(r[2]), 0)).toBe(f.visits);
  // 及时受理率's numerator and denominator per month add up to the quarter's.
  expect(months.reduce((s, r) => s + Number(r[7]), 0)).toBe(f.indicators.timelyAcceptance.numerator);
  expect(months.reduce((s, r) => s + Number(r[8]), 0)).toBe(f.indicators.timelyAcceptance.denominator);
});
