// A matter's stored facts (domain/figures/facts.ts) count as replaying its lifecycle did: for
// random lifecycles, periods, days and options, the tally over the facts equals the old replay
// (tests/support/replayOracle.ts), and the facts do not depend on the day they are read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { figureFacts } from '../../domain/figures/facts';
import { indicators, tallyFacts } from '../../domain/figures/indicators';
import { figureOptionsSchema } from '../../domain/figures/options';
import { live } from '../support/matterCommands';
import { randomOutcome } from '../support/randomMatters';
import { pairs, replayedCounts } from '../support/replayOracle';

const options = fc.record({
  resolutionWindowDays: fc.constantFrom(30, 60, 90),
  satisfiedMeans: fc.constantFrom('satisfied' as const, 'satisfied-or-basic' as const),
  onTimeIncludesTargets: fc.boolean(),
});
const dayIn = (min: number, max: number) => fc.integer({ min, max }).map((d) => dayjs('2025-01-01').add(d, 'day').format('YYYY-MM-DD'));

describe('figure facts', () => {
  it('count as the replay of every lifecycle did', () => {
    fc.assert(
      fc.property(fc.array(randomOutcome, { maxLength: 25 }), dayIn(0, 500), fc.integer({ min: 0, max: 400 }), dayIn(0, 700), options, (matters, from, length, today, o) => {
        const period = { from, to: dayjs(from).add(length, 'day').format('YYYY-MM-DD') };
        const opts = figureOptionsSchema.parse(o);
        const expected = replayedCounts(matters, period, today, undefined, opts);
        expect(pairs(indicators(matters, period, today, undefined, opts))).toEqual(expected);
        expect(pairs(tallyFacts(matters.map((m) => figureFacts(m, undefined, opts)), period, today, opts))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('give the due days and outcomes of a matter closed on time and rated', () => {
    // Received Monday 3 March 2025: acceptance due 18 March; accepted 10 March, 60 days → 9 May.
    const { lifecycle } = live('2025-03-03', [
      ['classify', '2025-03-04'],
      ['accept', '2025-03-10'],
      ['startHandling', '2025-03-11'],
      ['reply', '2025-04-20'],
      ['deliver', '2025-04-21'],
      ['rate', '2025-04-22', { rating: 'basically-satisfied' }],
    ]);
    expect(figureFacts({ lifecycle, repeatVisitDays: ['2025-05-01'] })).toEqual({
      acceptanceDue: '2025-03-18',
      decided: true,
      decidedInTime: true,
      handlingDue: '2025-05-09',
      closed: true,
      closedInTime: true,
      windowEnd: '2025-07-20',
      returned: true,
      closedOn: '2025-04-21',
      rated: true,
      satisfied: false,
    });
    const basicCounts = figureOptionsSchema.parse({ satisfiedMeans: 'satisfied-or-basic', resolutionWindowDays: 5, onTimeIncludesTargets: false });
    expect(figureFacts({ lifecycle, repeatVisitDays: ['2025-05-01'] }, undefined, basicCounts)).toMatchObject({ windowEnd: '2025-04-26', returned: false, satisfied: true });
  });
});
