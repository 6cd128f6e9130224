// The window's figures page through the services: visits over a period, and the published rates
// from matters taken through their lives on the clock of a real store; and the Excel download.
import ExcelJS from 'exceljs';
import { afterEach, expect, it } from 'vitest';
import type { WindowFigures } from '../../domain/figures/rpc';
import { INDICATOR_FORMULAS } from '../../domain/figures/indicators';
import { residentId, testBackend, validVisit } from '../support/backend';

let clock = new Date('2026-03-02T09:00:00+08:00');
const backends: ReturnType<typeof testBackend>[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.close();
});

async function call<T>(b: ReturnType<typeof testBackend>, method: string, input: unknown): Promise<T> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as T;
}

const on = (day: string) => {
  clock = new Date(`${day}T10:00:00+08:00`);
  return `${day}T10:00:00+08:00`;
};
const run = (b: ReturnType<typeof testBackend>, matterId: string, day: string, command: Record<string, unknown>) =>
  call(b, 'matters.command', { matterId, command: { at: on(day), ...command } });

/** Registered on `day`, classified the next day, accepted on `acceptOn` and replied on `replyOn`. */
async function lived(b: ReturnType<typeof testBackend>, seq: number, day: string, acceptOn: string, replyOn: string, rating: string) {
  on(day);
  const { matterId } = await call<{ matterId: string }>(b, 'intake.register', {
    ...validVisit,
    visitor: { ...validVisit.visitor, credential: { type: 'resident', number: residentId('410102', '19700101', seq) }, name: `来访人${seq}` },
  });
  await run(b, matterId, acceptOn, { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '县住建局' });
  await run(b, matterId, acceptOn, { type: 'accept' });
  await run(b, matterId, acceptOn, { type: 'startHandling' });
  await run(b, matterId, replyOn, { type: 'reply', opinion: 'explain', basis: '《信访工作条例》第三十二条', text: '经调查核实……', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。' });
  await run(b, matterId, replyOn, { type: 'deliver', method: 'in-person', to: '来访人' });
  await run(b, matterId, replyOn, { type: 'rate', rating });
  return matterId;
}

it('shows the period’s visits and the rates of matters taken through their lives, with formulas', async () => {
  const b = testBackend({ now: () => clock });
  backends.push(b);
  // Both received on Monday 2 March 2026: the acceptance notice is due on 17 March.
  await lived(b, 1, '2026-03-02', '2026-03-05', '2026-04-10', 'satisfied');
  const slow = await lived(b, 2, '2026-03-02', '2026-03-25', '2026-06-30', 'unsatisfied');
  on('2026-07-10');
  // The same visitor comes back about the slow matter 10 days after its reply.
  await call(b, 'intake.register', {
    ...validVisit,
    visitor: { ...validVisit.visitor, credential: { type: 'resident', number: residentId('410102', '19700101', 2) }, name: '来访人2' },
    link: { kind: 'repeat', matterId: slow },
  });

  on('2026-11-25');
  const f = await call<WindowFigures>(b, 'figures.get', { from: '2026-01-01', to: '2026-10-31' });
  expect(f).toMatchObject({ today: '2026-11-25', visits: 3, firstVisits: 2, repeatVisits: 1, people: 3 });
  expect(f.repeatRate).toMatchObject({ numerator: 1, denominator: 3 });
  const counts = Object.fromEntries(Object.entries(f.indicators).map(([k, r]) => [k, [r.numerator, r.denominator]]));
  expect(counts).toEqual({ timelyAcceptance: [1, 2], onTimeClosure: [1, 2], resolvedFirstTime: [1, 2], ratingParticipation: [2, 2], satisfaction: [1, 2] });
  expect(f.indicators.timelyAcceptance.formula).toBe(INDICATOR_FORMULAS.timelyAcceptance);

  // March alone: both acceptance notices fell due then; nothing else did.
  const march = await call<WindowFigures>(b, 'figures.get', { from: '2026-03-01', to: '2026-03-31' });
  expect(march.indicators.timelyAcceptance).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
  expect(march.indicators.onTimeClosure.value).toBeNull();

  const file = await call<{ fileName: string; mime: string; dataBase64: string }>(b, 'figures.export', { from: '2026-01-01', to: '2026-10-31' });
  expect(file.fileName).toBe('信访统计_2026-01-01_2026-10-31.xlsx');
  const book = new ExcelJS.Workbook();
  // exceljs's typings predate Node's generic Buffer.
  await book.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
  const rows = book.getWorksheet('统计')!.getSheetValues().filter(Boolean) as unknown[][];
  expect(rows.find((r) => r[1] === '及时受理率')?.slice(2, 5)).toEqual([0.5, 1, 2]);
  expect(rows.find((r) => r[1] === '重复信访率')?.[5]).toBe('重复访次数 ÷ 来访总次数');
});

it('refuses a period that ends before it starts, or a day that does not exist', async () => {
  const b = testBackend({ now: () => clock });
  backends.push(b);
  expect(await b.dispatch('figures.get', { from: '2026-03-31', to: '2026-03-01' })).toMatchObject({ ok: false, code: 'invalid_input' });
  expect(await b.dispatch('figures.get', { from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ ok: false, code: 'invalid_input' });
  expect(await b.dispatch('figures.export', { from: '2026-03-01' })).toMatchObject({ ok: false, code: 'invalid_input' });
});
