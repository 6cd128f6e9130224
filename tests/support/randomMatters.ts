// Random matters for property tests of the figures: a day of receipt in 2025 and a run of commands
// a few days apart, each applied by the domain's own rules and skipped when refused, so every
// lifecycle is one the desk could hold; with repeat visits on random later days.
import dayjs from 'dayjs';
import fc from 'fast-check';
import { applyCommand, initialLifecycle } from '../../domain/matters/applyCommand';
import type { CommandType } from '../../domain/matters/commands';
import type { MatterOutcome } from '../../domain/figures/indicators';
import { at, command } from './matterCommands';

const CLASSIFY: Record<string, unknown>[] = [
  { class: 'complaint', route: 'petition-procedure', body: '县住建局' },
  { class: 'suggestion', route: 'study-and-reply', body: '县发改委' },
  { class: 'accusation', route: 'competent-body', body: '县市场监管局' },
  { class: 'complaint', route: 'arbitration', body: '县劳动仲裁委' },
];
const STEPS: [CommandType, fc.Arbitrary<Record<string, unknown>>][] = [
  ['classify', fc.constantFrom(...CLASSIFY)],
  ['accept', fc.constant({})],
  ['acceptSimplified', fc.constant({})],
  ['startHandling', fc.constant({})],
  ['extend', fc.integer({ min: 1, max: 30 }).map((days) => ({ days }))],
  ['reply', fc.constant({})],
  ['deliver', fc.constant({})],
  ['rate', fc.constantFrom('satisfied', 'basically-satisfied', 'unsatisfied').map((rating) => ({ rating }))],
  ['requestReview', fc.constant({})],
  ['orderRehandling', fc.constant({})],
  ['settle', fc.constant({})],
  ['higherLevelVisit', fc.constant({})],
  ['guide', fc.constant({})],
  ['transfer', fc.constant({})],
  ['decline', fc.constant({})],
];
// The paths matters take, so most random runs get far: each cut short at random, with a few
// random steps from STEPS mixed in.
const PATHS: [CommandType, Record<string, unknown>?][][] = [
  [['classify', CLASSIFY[0]], ['accept'], ['startHandling'], ['extend', { days: 30 }], ['reply'], ['deliver'], ['rate', { rating: 'satisfied' }], ['requestReview'], ['orderRehandling'], ['reply'], ['deliver']],
  [['classify', CLASSIFY[0]], ['accept'], ['startHandling'], ['reply'], ['deliver'], ['rate', { rating: 'basically-satisfied' }]],
  [['classify', CLASSIFY[0]], ['acceptSimplified'], ['reply'], ['deliver'], ['rate', { rating: 'unsatisfied' }]],
  [['classify', CLASSIFY[1]], ['accept'], ['startHandling'], ['reply'], ['deliver'], ['rate', { rating: 'satisfied' }]],
  [['classify', CLASSIFY[0]], ['accept'], ['startHandling'], ['settle']],
  [['classify', CLASSIFY[3]], ['guide']],
  [['classify', CLASSIFY[2]], ['transfer']],
];

const step = fc
  .record({ path: fc.constantFrom(...PATHS), cut: fc.integer({ min: 0, max: 11 }), extras: fc.array(fc.record({ at: fc.nat(11), s: fc.oneof(...STEPS.map(([type, extra]) => fc.record({ type: fc.constant(type), extra }))) }), { maxLength: 3 }) })
  .map(({ path, cut, extras }) => {
    const steps: { type: CommandType; extra: Record<string, unknown> }[] = path.slice(0, cut).map(([type, extra]) => ({ type, extra: extra ?? {} }));
    for (const e of extras) steps.splice(Math.min(e.at, steps.length), 0, e.s);
    return steps;
  });

const day = (from: string, days: number) => dayjs(from).add(days, 'day').format('YYYY-MM-DD');

/** One random matter: received in 2025, a path's steps 0–40 days apart, up to 3 repeat visits. */
export const randomOutcome: fc.Arbitrary<MatterOutcome> = fc
  .record({
    received: fc.integer({ min: 0, max: 364 }),
    steps: step,
    gaps: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 14, maxLength: 14 }),
    repeats: fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 3 }),
  })
  .map(({ received, steps, gaps, repeats }) => {
    const receivedOn = day('2025-01-01', received);
    let lifecycle = initialLifecycle(receivedOn);
    let on = receivedOn;
    for (const [k, s] of steps.entries()) {
      on = day(on, gaps[k]!);
      const r = applyCommand(lifecycle, command(s.type, at(on), s.extra));
      if (r.ok) lifecycle = r.value.matter;
    }
    return { lifecycle, repeatVisitDays: repeats.map((d) => day(receivedOn, d)).sort() };
  });
