// 统计's breakdowns and drill-down on hand-built matters with known answers: every month of the
// period (none, one, matters spanning months), an extension that moves the handling deadline into
// another month, groups that add up to the period's figure, and a drill-down that names exactly
// the matters a number counted.
import { describe, expect, it } from 'vitest';
import { breakdown, countedBy, type CountedMatter, monthsOf, noVisits } from '../../domain/figures/breakdowns';
import { figureFacts } from '../../domain/figures/facts';
import { indicators, type Indicators, type MatterOutcome } from '../../domain/figures/indicators';
import type { Channel } from '../../domain/intake/registration';
import { live, type Step } from '../support/matterCommands';

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const TODAY = '2026-09-01';

/** A matter with its lifecycle (for indicators()) and its facts (for breakdowns and drill-downs). */
function counted(id: string, receivedOn: string, steps: Step[], groups: { categoryCode: string; placeRegion: string; channel: Channel }, repeatVisitDays: string[] = []): CountedMatter & MatterOutcome {
  const { lifecycle } = live(receivedOn, steps);
  return { id, ...groups, route: lifecycle.route, lifecycle, repeatVisitDays, facts: figureFacts({ lifecycle, repeatVisitDays }) };
}
const petition = (accepted: string): Step[] => [['classify', accepted], ['accept', accepted], ['startHandling', accepted]];
const answered = (day: string, rating?: string): Step[] => [['reply', day], ['deliver', day], ...(rating ? [['rate', day, { rating }] as Step] : [])];

// Deadlines on the official 2026 calendar (chinese-days), worked out by hand:
//   m1 received 01-26: notice due 02-10; accepted 01-28, reply due 03-30 (03-29 is a Sunday); a repeat visit 22 days after the reply.
//   m2 received 03-02: notice due 03-17; accepted 03-04, reply due 05-06 (after the May Day holiday), extended 30 days to 06-05; replied 05-20, not rated.
//   m3 received 04-01: notice due 04-16, accepted late on 04-30; reply due 06-29, never given.
//   m4 received 06-10: notice due 06-25; guided to the court on 06-12.
//   m6 received 02-02: notice due 02-24 (after the Spring Festival); accepted 02-03, reply due 04-07 (after Qingming); replied 02-20, satisfied.
const m1 = counted('m1', '2026-01-26', [...petition('2026-01-28'), ...answered('2026-03-10', 'satisfied')], { categoryCode: '0101', placeRegion: '410102001', channel: 'visit' }, ['2026-04-01']);
const m2 = counted('m2', '2026-03-02', [...petition('2026-03-04'), ['extend', '2026-04-20'], ...answered('2026-05-20')], { categoryCode: '0301', placeRegion: '410102002', channel: 'letter' });
const m3 = counted('m3', '2026-04-01', petition('2026-04-30'), { categoryCode: '0102', placeRegion: '410102001', channel: 'visit' });
const m4 = counted('m4', '2026-06-10', [['classify', '2026-06-12', { route: 'litigation-etc', body: '县人民法院' }], ['guide', '2026-06-12']], { categoryCode: '', placeRegion: '', channel: 'phone' });
const m6 = counted('m6', '2026-02-02', [...petition('2026-02-03'), ...answered('2026-02-20', 'satisfied')], { categoryCode: '0101', placeRegion: '410102002', channel: 'visit' });
const ALL = [m1, m2, m3, m4, m6];

/** Each rate as [numerator, denominator]. */
const pairs = (i: Indicators) => Object.fromEntries(Object.entries(i).map(([k, r]) => [k, [r.numerator, r.denominator]]));

describe('months', () => {
  it('cuts the period into calendar months, the first and last cut to the period', () => {
    expect(monthsOf({ from: '2026-03-15', to: '2026-05-10' })).toEqual([
      { key: '2026-03', from: '2026-03-15', to: '2026-03-31' },
      { key: '2026-04', from: '2026-04-01', to: '2026-04-30' },
      { key: '2026-05', from: '2026-05-01', to: '2026-05-10' },
    ]);
    expect(monthsOf({ from: '2026-02-10', to: '2026-02-10' })).toEqual([{ key: '2026-02', from: '2026-02-10', to: '2026-02-10' }]);
  });

  it('with no matters, every month is there with nothing due and no rate', () => {
    const rows = breakdown('month', [], new Map(), PERIOD, TODAY);
    expect(rows.map((r) => r.key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    for (const r of rows) {
      expect(r).toMatchObject(noVisits());
      for (const rate of Object.values(r.indicators)) expect(rate).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    }
    expect(breakdown('category', [], new Map(), PERIOD, TODAY)).toEqual([]);
  });

  it('counts each matter in the month its outcome fell due, across the months it spans', () => {
    const byMonth = Object.fromEntries(breakdown('month', ALL, new Map(), PERIOD, TODAY).map((r) => [r.key, pairs(r.indicators)]));
    expect(byMonth['2026-01']).toEqual({ timelyAcceptance: [0, 0], onTimeClosure: [0, 0], resolvedFirstTime: [0, 0], ratingParticipation: [0, 0], satisfaction: [0, 0] });
    // m1, received in January, falls due in February; m6's notice rolls past the Spring Festival.
    expect(byMonth['2026-02']).toEqual({ timelyAcceptance: [2, 2], onTimeClosure: [0, 0], resolvedFirstTime: [0, 0], ratingParticipation: [1, 1], satisfaction: [1, 1] });
    expect(byMonth['2026-03']).toEqual({ timelyAcceptance: [1, 1], onTimeClosure: [1, 1], resolvedFirstTime: [0, 0], ratingParticipation: [1, 1], satisfaction: [1, 1] });
    expect(byMonth['2026-04']).toEqual({ timelyAcceptance: [0, 1], onTimeClosure: [1, 1], resolvedFirstTime: [0, 0], ratingParticipation: [0, 0], satisfaction: [0, 0] });
    // m2 was answered in May: rated by nobody, and its extended deadline (06-05) is June's, not May's.
    expect(byMonth['2026-05']).toEqual({ timelyAcceptance: [0, 0], onTimeClosure: [0, 0], resolvedFirstTime: [1, 1], ratingParticipation: [0, 1], satisfaction: [0, 0] });
    // June: m4 decided in time; m2 on time thanks to its extension, m3 never answered; m1's repeat visit undid it.
    expect(byMonth['2026-06']).toEqual({ timelyAcceptance: [1, 1], onTimeClosure: [1, 2], resolvedFirstTime: [0, 1], ratingParticipation: [0, 0], satisfaction: [0, 0] });
  });

  it('without the extension the same reply is late, and in May', () => {
    const unextended = counted('m2', '2026-03-02', [...petition('2026-03-04'), ...answered('2026-05-20')], { categoryCode: '0301', placeRegion: '410102002', channel: 'letter' });
    const may = breakdown('month', [unextended], new Map(), PERIOD, TODAY).find((r) => r.key === '2026-05')!;
    expect(pairs(may.indicators).onTimeClosure).toEqual([0, 1]);
  });

  it('puts the visits of each month beside it', () => {
    const visits = new Map([['2026-03', { visits: 4, firstVisits: 3, repeatVisits: 1, people: 6 }]]);
    const march = breakdown('month', ALL, visits, PERIOD, TODAY).find((r) => r.key === '2026-03')!;
    expect(march).toMatchObject({ visits: 4, firstVisits: 3, repeatVisits: 1, people: 6, from: '2026-03-01', to: '2026-03-31' });
  });
});

describe('groups', () => {
  const total = pairs(indicators(ALL, PERIOD, TODAY));

  it('every breakdown adds up to the period’s figure', () => {
    for (const by of ['month', 'category', 'township', 'channel', 'route'] as const) {
      const sums: Record<string, number[]> = {};
      for (const r of breakdown(by, ALL, new Map(), PERIOD, TODAY)) {
        for (const [k, [n, d]] of Object.entries(pairs(r.indicators)) as [string, number[]][]) sums[k] = [(sums[k]?.[0] ?? 0) + n!, (sums[k]?.[1] ?? 0) + d!];
      }
      expect(sums, by).toEqual(total);
    }
  });

  it('groups by the first-level category, the place as recorded, the channel and the route, with "none" for what is not set', () => {
    const keys = (by: 'category' | 'township' | 'channel' | 'route') => breakdown(by, ALL, new Map(), PERIOD, TODAY).map((r) => r.key);
    expect(keys('category')).toEqual(['01', '03', 'none']);
    expect(keys('township')).toEqual(['410102001', '410102002', 'none']);
    expect(keys('channel')).toEqual(['letter', 'phone', 'visit']);
    expect(keys('route')).toEqual(['litigation-etc', 'petition-procedure']);
    const city = breakdown('category', ALL, new Map(), PERIOD, TODAY).find((r) => r.key === '01')!;
    // m1, m3 and m6: three notices due, m3's late.
    expect(pairs(city.indicators).timelyAcceptance).toEqual([2, 3]);
  });

  it('keeps a group that had only visits, and drops one with neither visits nor anything due', () => {
    const rows = breakdown('channel', [m4], new Map([['online', { visits: 2, firstVisits: 2, repeatVisits: 0, people: 2 }]]), PERIOD, TODAY);
    expect(rows.map((r) => r.key)).toEqual(['online', 'phone']);
    expect(breakdown('channel', [m4], new Map(), { from: '2026-01-01', to: '2026-01-31' }, TODAY)).toEqual([]);
  });
});

describe('drill-down', () => {
  it('names exactly the matters each number counted', () => {
    const total = indicators(ALL, PERIOD, TODAY);
    for (const indicator of Object.keys(total) as (keyof Indicators)[]) {
      for (const part of ['numerator', 'denominator'] as const) {
        const drilled = ALL.filter((m) => countedBy({ kind: 'indicator', indicator, part, ...PERIOD }, m, TODAY));
        expect(drilled.length, `${indicator} ${part}`).toBe(total[indicator][part]);
      }
    }
    const late = ALL.filter((m) => countedBy({ kind: 'indicator', indicator: 'onTimeClosure', part: 'denominator', ...PERIOD }, m, TODAY) && !countedBy({ kind: 'indicator', indicator: 'onTimeClosure', part: 'numerator', ...PERIOD }, m, TODAY));
    expect(late.map((m) => m.id)).toEqual(['m3']);
  });

  it('counts nothing over a period in which nothing fell due', () => {
    expect(ALL.filter((m) => countedBy({ kind: 'indicator', indicator: 'timelyAcceptance', part: 'denominator', from: '2026-01-01', to: '2026-01-31' }, m, TODAY))).toEqual([]);
  });
});
