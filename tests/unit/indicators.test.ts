// The bureau's rates (domain/indicators.ts) from lifecycles built by the real commands: which
// matter counts in which period, what counts as on time, and that periods split cleanly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicators, INDICATOR_FORMULAS, type Indicators, type MatterOutcome } from '../../domain/figures/indicators';
import { initialLifecycle } from '../../domain/matters/applyCommand';
import { live, type Step } from '../support/matterCommands';

const lived = (receivedOn: string, steps: Step[]) => live(receivedOn, steps).lifecycle;

// Received on Monday 3 March 2025: the acceptance notice is due on 18 March.
const onTime = lived('2025-03-03', [
  ['classify', '2025-03-04'],
  ['accept', '2025-03-10'],
  ['startHandling', '2025-03-11'],
  ['reply', '2025-04-20'],
  ['deliver', '2025-04-21'],
  ['rate', '2025-04-22', { rating: 'satisfied' }],
]);
const late = lived('2025-03-03', [
  ['classify', '2025-03-20'],
  ['accept', '2025-03-20'],
  ['startHandling', '2025-03-21'],
  ['reply', '2025-06-10'],
  ['deliver', '2025-06-11'],
  ['rate', '2025-06-12', { rating: 'basically-satisfied' }],
]);
const untouched = initialLifecycle('2025-03-03');
// Accepted 03-05: due +60 = Sun 05-04 (劳动节) -> Tue 05-06; extended in time by 30 -> Thu 06-05.
const extendedInTime = lived('2025-03-03', [
  ['classify', '2025-03-04'],
  ['accept', '2025-03-05'],
  ['startHandling', '2025-03-05'],
  ['extend', '2025-04-25', { days: 30 }],
  ['reply', '2025-05-30'],
  ['deliver', '2025-06-03'],
]);

const matters: MatterOutcome[] = [
  { lifecycle: onTime, repeatVisitDays: ['2025-04-01'] }, // before 办结: does not count against it
  { lifecycle: late, repeatVisitDays: ['2025-07-01'] }, // 20 days after 办结 (delivery on 06-11)
  { lifecycle: untouched, repeatVisitDays: [] },
  { lifecycle: extendedInTime, repeatVisitDays: ['2025-09-02'] }, // day 91 after 办结 (06-03)
];
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

const counts = (f: Indicators) => Object.fromEntries(Object.entries(f).map(([k, r]) => [k, [r.numerator, r.denominator]]));

describe('indicators', () => {
  it('counts each rate over the year, with its formula', () => {
    const f = indicators(matters, YEAR, '2026-01-15');
    expect(counts(f)).toEqual({
      timelyAcceptance: [2, 4], // due 18 March: decided on the 20th is late, and so is never
      onTimeClosure: [2, 3], // the extension moves the deadline; the late reply misses it
      resolvedFirstTime: [2, 3], // a repeat visit within 90 days of 办结 undoes it; day 91 does not
      ratingParticipation: [2, 3],
      satisfaction: [1, 2], // only 满意 counts as satisfied
    });
    expect(f.timelyAcceptance.value).toBe(0.5);
    for (const [k, r] of Object.entries(f)) expect(r.formula).toBe(INDICATOR_FORMULAS[k as keyof Indicators]);
  });

  it('counts a matter in the period its deadline runs out in, or its reply for ratings', () => {
    const april = indicators(matters, { from: '2025-04-01', to: '2025-04-30' }, '2026-01-15');
    expect(counts(april)).toEqual({ timelyAcceptance: [0, 0], onTimeClosure: [0, 0], resolvedFirstTime: [0, 0], ratingParticipation: [1, 1], satisfaction: [1, 1] });
    expect(april.timelyAcceptance.value).toBeNull();
  });

  it('does not count a deadline still running with nothing done, nor an observation window still open', () => {
    const f = indicators(matters, YEAR, '2025-03-10');
    expect(f.timelyAcceptance).toMatchObject({ numerator: 2, denominator: 3 });
    // onTime's window runs 04-21 + 90 = 07-20: it counts once that day is over.
    expect(indicators(matters, YEAR, '2025-07-20').resolvedFirstTime).toMatchObject({ numerator: 0, denominator: 0 });
    expect(indicators(matters, YEAR, '2025-07-21').resolvedFirstTime).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('splits cleanly: two adjacent periods add up to the whole', () => {
    const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 363 }), fc.subarray(matters), (cut, some) => {
        const whole = counts(indicators(some, YEAR, '2026-06-01'));
        const first = counts(indicators(some, { from: YEAR.from, to: day(cut) }, '2026-06-01'));
        const second = counts(indicators(some, { from: day(cut + 1), to: YEAR.to }, '2026-06-01'));
        for (const k of Object.keys(whole)) {
          expect([first[k]![0]! + second[k]![0]!, first[k]![1]! + second[k]![1]!]).toEqual(whole[k]);
          expect(whole[k]![0]!).toBeLessThanOrEqual(whole[k]![1]!);
        }
      }),
    );
  });
});
