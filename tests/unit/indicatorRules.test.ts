// The figures as DOMAIN.md §6 defines them (issue #13), each on hand-built matters with the
// answer worked out by hand: 办结 is the delivery of the handling opinion (or the agreement), an
// extension counts only when approved in time, 一次性化解 is undone by a repeat visit, a 复查
// request or a visit to a higher level, a campaign's 化解 is 息诉罢访 and not 办结, 满意率 follows
// the bureau's choice and says so. Matters received Mon 2025-03-03 unless said; 2025 holidays:
// 劳动节 05-01..05-05, 端午 05-31..06-02, 国庆 10-01..10-08.
import { describe, expect, it } from 'vitest';
import { campaignResolution, indicatorFormulas, indicators, INDICATOR_FORMULAS, type Indicators, type MatterOutcome } from '../../domain/figures/indicators';
import { figureOptionsSchema } from '../../domain/figures/options';
import { handlingDeadline } from '../../domain/matters/deadlines';
import type { MatterLifecycle } from '../../domain/matters/lifecycle';
import { live, type Step } from '../support/matterCommands';

const lived = (steps: Step[], receivedOn = '2025-03-03') => live(receivedOn, steps).lifecycle;
const outcome = (lifecycle: MatterLifecycle, repeatVisitDays: string[] = []): MatterOutcome => ({ lifecycle, repeatVisitDays });
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const LATER = '2026-06-01';
const pair = (f: Indicators, k: keyof Indicators) => [f[k].numerator, f[k].denominator];

// Accepted Mon 03-10: the 60 days end Fri 05-09.
const handled: Step[] = [
  ['classify', '2025-03-04'],
  ['accept', '2025-03-10'],
  ['startHandling', '2025-03-11'],
];
const closedOn = (deliverOn: string, more: Step[] = [], replyOn = '2025-04-20') => lived([...handled, ['reply', replyOn], ['deliver', deliverOn], ...more]);

describe('按期办结率: 办结 is the delivery, measured against the deadline in force', () => {
  it('a reply written in time but delivered after the last day is late', () => {
    const f = indicators([outcome(closedOn('2025-05-12', [], '2025-05-08'))], YEAR, LATER);
    expect(pair(f, 'onTimeClosure')).toEqual([0, 1]);
    expect(pair(indicators([outcome(closedOn('2025-05-09', [], '2025-05-08'))], YEAR, LATER), 'onTimeClosure')).toEqual([1, 1]);
  });

  it('an extension approved after the last day (a record from before the rule) does not move the deadline', () => {
    const open = lived(handled);
    const withExtension = (extendedOn: string): MatterLifecycle => ({ ...open, state: 'extended', extended: true, extensionDays: 30, extendedOn });
    // 05-09 + 30 = Sun 06-08 -> Mon 06-09 when approved by 05-09; 05-09 when approved later.
    expect(handlingDeadline(withExtension('2025-05-09'))?.lastDay).toBe('2025-06-09');
    expect(handlingDeadline(withExtension('2025-05-10'))?.lastDay).toBe('2025-05-09');
    // On 06-05, still open: late already under the late approval, not yet due under the timely one.
    expect(pair(indicators([outcome(withExtension('2025-05-10'))], YEAR, '2025-06-05'), 'onTimeClosure')).toEqual([0, 1]);
    expect(pair(indicators([outcome(withExtension('2025-05-09'))], YEAR, '2025-06-05'), 'onTimeClosure')).toEqual([0, 0]);
  });

  it('a 调解/和解 agreement is 办结 on the day it is signed', () => {
    const m = lived([...handled, ['settle', '2025-04-15']]);
    expect(m).toMatchObject({ firstClosedOn: '2025-04-15', firstDueOn: '2025-05-09' });
    const f = indicators([outcome(m)], YEAR, LATER);
    expect(pair(f, 'onTimeClosure')).toEqual([1, 1]);
    expect(pair(f, 'ratingParticipation')).toEqual([0, 1]);
  });

  it('简易办理 is measured against its 10 working days: accepted Tue 03-04, due Tue 03-18', () => {
    const simplified = (deliverOn: string) => lived([['classify', '2025-03-03'], ['acceptSimplified', '2025-03-04'], ['reply', '2025-03-14'], ['deliver', deliverOn]]);
    expect(pair(indicators([outcome(simplified('2025-03-18'))], YEAR, LATER), 'onTimeClosure')).toEqual([1, 1]);
    expect(pair(indicators([outcome(simplified('2025-03-19'))], YEAR, LATER), 'onTimeClosure')).toEqual([0, 1]);
  });

  it('a matter handled again after a 复查 keeps its first 办结', () => {
    const m = closedOn('2025-04-21', [
      ['requestReview', '2025-05-01'],
      ['orderRehandling', '2025-05-10'],
      ['reply', '2025-06-01'],
      ['deliver', '2025-06-02'],
    ]);
    expect(m).toMatchObject({ firstClosedOn: '2025-04-21', firstDueOn: '2025-05-09', replyDeliveredOn: '2025-06-02' });
    const f = indicators([outcome(m)], YEAR, LATER);
    expect(pair(f, 'onTimeClosure')).toEqual([1, 1]);
    expect(pair(f, 'resolvedFirstTime')).toEqual([0, 1]); // the 复查 request undid it
  });

  it('matters on the bureau’s target count unless the bureau leaves them out, and the formula says which', () => {
    // A suggestion accepted 03-10 on the default 60-day target: due 05-09; delivered 05-20, late.
    const suggestion = lived([['classify', '2025-03-04', { class: 'suggestion', route: 'study-and-reply' }], ['accept', '2025-03-10'], ['startHandling', '2025-03-10'], ['reply', '2025-05-19'], ['deliver', '2025-05-20']]);
    expect(suggestion.handlingTrack).toBe('target');
    const both = [outcome(suggestion), outcome(closedOn('2025-04-21'))];
    expect(pair(indicators(both, YEAR, LATER), 'onTimeClosure')).toEqual([1, 2]);
    const statutoryOnly = figureOptionsSchema.parse({ onTimeIncludesTargets: false });
    const f = indicators(both, YEAR, LATER, undefined, statutoryOnly);
    expect(pair(f, 'onTimeClosure')).toEqual([1, 1]);
    expect(f.onTimeClosure.formula).toContain('仅按法定期限办理的事项');
    expect(INDICATOR_FORMULAS.onTimeClosure).toContain('含建议意见、检举控告');
  });
});

describe('一次性化解率: undone within the window after 办结 by a return of any kind', () => {
  // Delivered Mon 04-21: the 90-day window ends Sun 07-20.
  const cases: [string, MatterLifecycle, string[], number][] = [
    ['nothing came back', closedOn('2025-04-21'), [], 1],
    ['a repeat visit before 办结 does not count', closedOn('2025-04-21'), ['2025-04-01'], 1],
    ['a repeat visit on day 90', closedOn('2025-04-21'), ['2025-07-20'], 0],
    ['a repeat visit on day 91', closedOn('2025-04-21'), ['2025-07-21'], 1],
    ['a 复查 request', closedOn('2025-04-21', [['requestReview', '2025-05-01']]), [], 0],
    ['a visit to a higher level reported from above', closedOn('2025-04-21', [['higherLevelVisit', '2025-06-30', { level: 'national' }]]), [], 0],
    ['a higher-level visit after the window', closedOn('2025-04-21', [['higherLevelVisit', '2025-07-21']]), [], 1],
  ];
  it.each(cases)('%s', (_name, m, repeats, resolved) => {
    expect(pair(indicators([outcome(m, repeats)], YEAR, LATER), 'resolvedFirstTime')).toEqual([resolved, 1]);
  });

  it('the window is the bureau’s choice, and the formula names it', () => {
    const m = outcome(closedOn('2025-04-21'), ['2025-06-10']); // day 50
    const short = figureOptionsSchema.parse({ resolutionWindowDays: 30 });
    expect(pair(indicators([m], YEAR, LATER, undefined, short), 'resolvedFirstTime')).toEqual([1, 1]);
    expect(indicatorFormulas(short).resolvedFirstTime).toContain('办结后30日');
    expect(pair(indicators([m], YEAR, LATER), 'resolvedFirstTime')).toEqual([0, 1]);
  });
});

describe('满意率: 满意 only by default, 基本满意 too when the bureau says so', () => {
  const rated = (rating: string) => outcome(closedOn('2025-04-21', [['rate', '2025-04-22', { rating }]]));
  const three = [rated('satisfied'), rated('basically-satisfied'), rated('unsatisfied')];
  it('counts 1 of 3 by default, 2 of 3 with 基本满意, and the formula says which', () => {
    const byDefault = indicators(three, YEAR, LATER);
    expect(pair(byDefault, 'satisfaction')).toEqual([1, 3]);
    expect(byDefault.satisfaction.formula).not.toContain('基本满意');
    const wide = indicators(three, YEAR, LATER, undefined, figureOptionsSchema.parse({ satisfiedMeans: 'satisfied-or-basic' }));
    expect(pair(wide, 'satisfaction')).toEqual([2, 3]);
    expect(wide.satisfaction.formula).toContain('“满意”或“基本满意”');
    expect(pair(wide, 'ratingParticipation')).toEqual([3, 3]);
  });
});

describe('edges: no matters, and a matter spanning periods', () => {
  it('no matters: every rate is 0 of 0, null, with its formula', () => {
    const f = indicators([], YEAR, LATER);
    for (const [k, r] of Object.entries(f)) expect(r).toEqual({ value: null, numerator: 0, denominator: 0, formula: INDICATOR_FORMULAS[k as keyof Indicators] });
  });

  it('a matter counts in the period each of its outcomes fell due', () => {
    // Received 03-03 (acceptance due 03-18), accepted 03-05 (due 05-06), extended in time to 06-05,
    // delivered 06-03 (办结 in June; window ends 09-01).
    const m = outcome(lived([['classify', '2025-03-04'], ['accept', '2025-03-05'], ['startHandling', '2025-03-05'], ['extend', '2025-04-25'], ['reply', '2025-05-30'], ['deliver', '2025-06-03']]));
    const month = (from: string, to: string) => indicators([m], { from, to }, LATER);
    const counted = (f: Indicators) => Object.fromEntries(Object.entries(f).filter(([, r]) => r.denominator > 0).map(([k, r]) => [k, [r.numerator, r.denominator]]));
    expect(counted(month('2025-03-01', '2025-03-31'))).toEqual({ timelyAcceptance: [1, 1] });
    expect(counted(month('2025-05-01', '2025-05-31'))).toEqual({});
    expect(counted(month('2025-06-01', '2025-06-30'))).toEqual({ onTimeClosure: [1, 1], ratingParticipation: [0, 1] });
    expect(counted(month('2025-09-01', '2025-09-30'))).toEqual({ resolvedFirstTime: [1, 1] });
  });
});

describe('campaign 化解率: 息诉罢访, an outcome apart from 办结', () => {
  it('counts only the matters whose petitioner stopped, closed or not', () => {
    const closedStillPetitioning = closedOn('2025-04-21', [['close', '2025-06-01']]);
    const desisted = closedOn('2025-04-21', [['desist', '2025-05-01']]);
    const openDesisted = lived([...handled, ['desist', '2025-04-01']]);
    const r = campaignResolution([closedStillPetitioning, desisted, openDesisted]);
    expect(r).toMatchObject({ numerator: 2, denominator: 3 });
    expect(r.value).toBeCloseTo(2 / 3);
    expect(campaignResolution([])).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });
});
