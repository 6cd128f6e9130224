// County and city agree (DOMAIN.md §6, issue #13): one window takes matters through every kind of
// outcome the figures know — on time, delivered late, the bureau's target, a 复查 that orders
// rehandling, a 调解 agreement, a higher-level visit, a repeat visit, 简易办理, an extension in
// time, nothing done — under the city's own choices (a 30-day target, a 60-day window, 基本满意
// counted), syncs, and the window's 统计 and the city's figures give the same rates.
import { afterEach, expect, it } from 'vitest';
import type { WindowFigures } from '../../domain/figures/rpc';
import type { Indicators } from '../../domain/figures/indicators';
import { residentId, testBackend, validVisit } from '../support/backend';
import { admin } from '../support/cityFixtures';
import { drained, enroll, noJitter, startFaultCity, waitFor } from '../support/faultProxy';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const SETTINGS = {
  syncIntervalMinutes: 5,
  groupVisitThreshold: 5,
  handlingTargetDays: 30,
  figures: { resolutionWindowDays: 60, satisfiedMeans: 'satisfied-or-basic', onTimeIncludesTargets: true },
};

type Step = [day: string, command: Record<string, unknown>];
const classify = { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '县住建局' };
const reply = { type: 'reply', opinion: 'explain', basis: '《信访工作条例》第三十二条', text: '经调查核实……', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。' };
const deliver = { type: 'deliver', method: 'in-person', to: '来访人' };
const handled = (acceptOn: string): Step[] => [
  [acceptOn, classify],
  [acceptOn, { type: 'accept' }],
  [acceptOn, { type: 'startHandling' }],
];

it('the window and the city give the same rates on the same matters', async () => {
  const city = await startFaultCity();
  cleanup.push(() => city.close());
  let clock = new Date('2025-03-01T09:00:00+08:00');
  const backend = testBackend({ now: () => clock, sync: { random: noJitter, debounceMs: 60_000, timerMs: 600_000, healthEveryMs: 600_000 } });
  cleanup.push(() => backend.close());
  const put = await city.app().inject({ method: 'PUT', url: '/api/v1/admin/reference/settings', headers: admin, payload: SETTINGS });
  expect(put.statusCode).toBe(200);
  await enroll(backend, city);
  await backend.dispatch('sync.now', {});

  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await backend.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
    return r.value as T;
  };
  const at = (day: string) => {
    clock = new Date(`${day}T10:00:00+08:00`);
    return `${day}T10:00:00+08:00`;
  };
  const visitor = (seq: number) => ({ ...validVisit.visitor, credential: { type: 'resident', number: residentId('410102', '19700101', seq) }, name: `来访人${seq}` });
  const matter = async (seq: number, receivedOn: string, steps: Step[]) => {
    at(receivedOn);
    const { matterId } = await call<{ matterId: string }>('intake.register', { ...validVisit, visitor: visitor(seq) });
    for (const [day, command] of steps) await call('matters.command', { matterId, command: { at: at(day), ...command } });
    return matterId;
  };

  await matter(1, '2025-03-03', [...handled('2025-03-05'), ['2025-04-10', reply], ['2025-04-11', deliver], ['2025-04-12', { type: 'rate', rating: 'basically-satisfied' }]]);
  await matter(2, '2025-03-03', [...handled('2025-03-05'), ['2025-05-05', reply], ['2025-05-08', deliver], ['2025-05-08', { type: 'rate', rating: 'satisfied' }]]);
  await matter(3, '2025-03-03', [['2025-03-05', { ...classify, class: 'suggestion', route: 'study-and-reply' }], ['2025-03-05', { type: 'accept' }], ['2025-04-01', { type: 'startHandling' }], ['2025-04-14', reply], ['2025-04-15', deliver]]);
  await matter(4, '2025-03-03', [...handled('2025-03-05'), ['2025-04-10', reply], ['2025-04-11', deliver], ['2025-04-20', { type: 'requestReview' }], ['2025-04-25', { type: 'orderRehandling', text: '责令重新办理', factsFound: '复查查明，原处理意见未核实欠薪金额。', reasons: '原处理意见认定事实不清。', basis: '《信访工作条例》第三十五条' }], ['2025-05-20', reply], ['2025-05-21', deliver]]);
  await matter(5, '2025-03-04', [...handled('2025-03-06'), ['2025-04-01', { type: 'settle', kind: 'mediation', agreement: '双方达成调解协议' }]]);
  await matter(6, '2025-03-04', [...handled('2025-03-06'), ['2025-04-10', reply], ['2025-04-11', deliver], ['2025-05-01', { type: 'higherLevelVisit', level: 'province' }]]);
  const repeated = await matter(7, '2025-03-05', [...handled('2025-03-06'), ['2025-04-10', reply], ['2025-04-11', deliver]]);
  at('2025-05-02');
  await call('intake.register', { ...validVisit, visitor: visitor(7), link: { kind: 'repeat', matterId: repeated } });
  await matter(8, '2025-03-06', [['2025-03-06', classify], ['2025-03-06', { type: 'acceptSimplified' }], ['2025-03-14', reply], ['2025-03-20', deliver]]);
  await matter(9, '2025-03-10', []);
  await matter(10, '2025-03-03', [...handled('2025-03-05'), ['2025-04-30', { type: 'extend', days: 30, reason: '需要补充调查', approvedBy: '张局长' }], ['2025-06-01', reply], ['2025-06-02', deliver]]);

  at('2025-12-01');
  await backend.dispatch('sync.now', {});
  await waitFor(() => drained(backend), 30_000, 'the outbox to drain');

  const year = { from: '2025-01-01', to: '2025-12-31' };
  const desk = await call<WindowFigures>('figures.get', year);
  const r = await city.app().inject({ method: 'GET', url: `/api/v1/admin/figures?from=${year.from}&to=${year.to}`, headers: admin });
  expect(r.statusCode).toBe(200);
  const county = (r.json() as { counties: { countyCode: string; indicators: Indicators }[] }).counties.find((c) => c.countyCode === '410102')!;
  expect(county.indicators).toEqual(desk.indicators);

  // And the rates are the ones worked out by hand under the city's choices.
  const counts = Object.fromEntries(Object.entries(desk.indicators).map(([k, x]) => [k, [x.numerator, x.denominator]]));
  expect(counts).toEqual({
    // Every matter decided within 15 days of receipt but the untouched one.
    timelyAcceptance: [9, 10],
    // Late: matter 2 (due 05-06, delivered 05-08) and the suggestion, whose 30-day target ran to
    // Mon 04-07 (清明) — on time under the default 60 days, so both sides must use the city's 30.
    onTimeClosure: [7, 9],
    // Undone within 60 days of 办结: the 复查 (4), the higher-level visit (6), the repeat visit (7).
    resolvedFirstTime: [6, 9],
    ratingParticipation: [2, 9],
    // 基本满意 counts as satisfied under these settings.
    satisfaction: [2, 2],
  });
  expect(desk.indicators.satisfaction.formula).toContain('基本满意');
  expect(desk.indicators.resolvedFirstTime.formula).toContain('办结后60日');
}, 120_000);
