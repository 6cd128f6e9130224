// The desk's stored figure facts (db/figureFacts.ts, backend/services/figureFacts.ts): the SQL
// counts over them equal the old replay of every lifecycle for random matters; a repeat visit
// after 办结 makes the earlier matter's facts again in the same write; a change of the bureau's
// figure options makes every matter's facts again.
import path from 'node:path';
import dayjs from 'dayjs';
import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import { clearFacts, factTallies, putFacts } from '../../db/figureFacts';
import { openLocalDb } from '../../db/open';
import { applyPulledPage } from '../../db/pulled';
import { ensureFacts } from '../../backend/services/figureFacts';
import { defaultDeadlineEngine } from '../../domain/calendar/deadlines';
import { figureFacts } from '../../domain/figures/facts';
import { figureOptionsSchema } from '../../domain/figures/options';
import type { WindowFigures } from '../../domain/figures/rpc';
import { bureauPolicyFor } from '../../domain/sync/pull';
import { MIGRATIONS_DIR, residentId, TEST_KEY, tempDir, testBackend, validVisit } from '../support/backend';
import { randomOutcome } from '../support/randomMatters';
import { replayedCounts } from '../support/replayOracle';

const backends: ReturnType<typeof testBackend>[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.close();
});

it('counts in SQL what replaying every lifecycle counted, for random matters, periods, days and options', () => {
  const db = openLocalDb({ file: path.join(tempDir(), 'facts.db'), migrationsDir: MIGRATIONS_DIR, key: TEST_KEY });
  const dayIn = (max: number) => fc.integer({ min: 0, max }).map((d) => dayjs('2025-01-01').add(d, 'day').format('YYYY-MM-DD'));
  const options = fc.record({ resolutionWindowDays: fc.constantFrom(30, 90), satisfiedMeans: fc.constantFrom('satisfied' as const, 'satisfied-or-basic' as const), onTimeIncludesTargets: fc.boolean() });
  fc.assert(
    fc.property(fc.array(randomOutcome, { maxLength: 30 }), dayIn(500), fc.integer({ min: 0, max: 400 }), dayIn(700), options, (matters, from, length, today, o) => {
      const opts = figureOptionsSchema.parse(o);
      const period = { from, to: dayjs(from).add(length, 'day').format('YYYY-MM-DD') };
      db.transaction((tx) => {
        clearFacts(tx);
        matters.forEach((m, k) => putFacts(tx, `m${k}`, figureFacts(m, undefined, opts)));
      });
      const sql = factTallies(db, period, today);
      const pairs = Object.fromEntries(Object.entries(sql).map(([k, t]) => [k, [t.numerator, t.denominator]]));
      expect(pairs).toEqual(replayedCounts(matters, period, today, undefined, opts));
    }),
    { numRuns: 150 },
  );
  db.$client.close();
});

/** fact_tally as a GROUP BY over matter_fact says it should be (days summed back to zero left out). */
const DESK_TALLY_ORACLE = `SELECT kind, day, count(*) AS total, sum(done) AS done, sum(met) AS met FROM (
    SELECT 'acceptance' AS kind, acceptance_due AS day, decided AS done, decided_in_time AS met FROM matter_fact
    UNION ALL SELECT 'handling', handling_due, closed, closed_in_time FROM matter_fact
    UNION ALL SELECT 'window', window_end, 0, NOT returned FROM matter_fact
    UNION ALL SELECT 'rating', closed_on, rated, satisfied AND rated FROM matter_fact
  ) WHERE day IS NOT NULL GROUP BY kind, day ORDER BY kind, day`;

it('keeps fact_tally equal to a GROUP BY over the facts through inserts, changes and removals', () => {
  const db = openLocalDb({ file: path.join(tempDir(), 'tally.db'), migrationsDir: MIGRATIONS_DIR, key: TEST_KEY });
  // Each step writes one of a few matters' facts anew (an insert, or a change) or removes them (a void).
  const step = fc.record({ matter: fc.integer({ min: 0, max: 7 }), outcome: fc.option(randomOutcome, { freq: 4 }) });
  fc.assert(
    fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      db.transaction((tx) => clearFacts(tx));
      for (const { matter, outcome } of steps) putFacts(db, `m${matter}`, outcome === null ? null : figureFacts(outcome));
      const kept = db.$client.prepare('SELECT kind, day, total, done, met FROM fact_tally WHERE total <> 0 OR done <> 0 OR met <> 0 ORDER BY kind, day').all();
      expect(kept).toEqual(db.$client.prepare(DESK_TALLY_ORACLE).all());
    }),
    { numRuns: 60 },
  );
  db.$client.close();
});

let clock = new Date('2025-03-03T09:00:00+08:00');
const on = (day: string) => {
  clock = new Date(`${day}T10:00:00+08:00`);
  return `${day}T10:00:00+08:00`;
};
async function call<T>(b: ReturnType<typeof testBackend>, method: string, input: unknown): Promise<T> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as T;
}
const visitor = (seq: number) => ({ ...validVisit.visitor, credential: { type: 'resident', number: residentId('410102', '19700101', seq) }, name: `来访人${seq}` });

/** Received Monday 3 March 2025, accepted on the 5th, replied, delivered on 10 April and rated 基本满意. */
async function closedMatter(b: ReturnType<typeof testBackend>): Promise<string> {
  on('2025-03-03');
  const { matterId } = await call<{ matterId: string }>(b, 'intake.register', { ...validVisit, visitor: visitor(1) });
  const steps: [string, Record<string, unknown>][] = [
    ['2025-03-05', { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '县住建局' }],
    ['2025-03-05', { type: 'accept' }],
    ['2025-03-05', { type: 'startHandling' }],
    ['2025-04-10', { type: 'reply', opinion: 'explain', basis: '《信访工作条例》第三十二条', text: '经调查核实……', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。' }],
    ['2025-04-10', { type: 'deliver', method: 'in-person', to: '来访人' }],
    ['2025-04-10', { type: 'rate', rating: 'basically-satisfied' }],
  ];
  for (const [day, command] of steps) await call(b, 'matters.command', { matterId, command: { at: on(day), ...command } });
  return matterId;
}
const factsOf = (b: ReturnType<typeof testBackend>, matterId: string) =>
  b.db.$client.prepare('SELECT window_end AS windowEnd, returned, rated, satisfied FROM matter_fact WHERE matter_id = ?').get(matterId);

it('makes the earlier matter’s facts again when a repeat visit comes after 办结', async () => {
  const b = testBackend({ now: () => clock });
  backends.push(b);
  const matterId = await closedMatter(b);
  expect(factsOf(b, matterId)).toEqual({ windowEnd: '2025-07-09', returned: 0, rated: 1, satisfied: 0 });

  on('2025-05-20');
  await call(b, 'intake.register', { ...validVisit, visitor: visitor(1), link: { kind: 'repeat', matterId } });
  expect(factsOf(b, matterId)).toMatchObject({ returned: 1 });
  on('2025-08-01');
  const f = await call<WindowFigures>(b, 'figures.get', { from: '2025-07-01', to: '2025-07-31' });
  expect(f.indicators.resolvedFirstTime).toMatchObject({ numerator: 0, denominator: 1 });
});

it('makes every matter’s facts again when the bureau’s figure options change, and only then', async () => {
  const dataDir = tempDir();
  const b = testBackend({ dataDir, now: () => clock });
  const matterId = await closedMatter(b);
  expect(factsOf(b, matterId)).toEqual({ windowEnd: '2025-07-09', returned: 0, rated: 1, satisfied: 0 });
  const settings = { syncIntervalMinutes: 5, groupVisitThreshold: 5, handlingTargetDays: 60, figures: { resolutionWindowDays: 30, satisfiedMeans: 'satisfied-or-basic', onTimeIncludesTargets: true } };
  applyPulledPage(b.db, { cursor: '1', reference: [{ key: 'settings', value: settings, updatedAt: '2025-05-01T00:00:00Z' }], supervision: [], terminations: [] });
  await b.close();

  // The next start finds the rules changed and makes the facts under the new ones.
  const again = testBackend({ dataDir, now: () => clock });
  backends.push(again);
  expect(factsOf(again, matterId)).toEqual({ windowEnd: '2025-05-10', returned: 0, rated: 1, satisfied: 1 });
  on('2025-06-01');
  const f = await call<WindowFigures>(again, 'figures.get', { from: '2025-04-01', to: '2025-05-31' });
  expect(f.indicators.satisfaction).toMatchObject({ numerator: 1, denominator: 1 });
  expect(f.indicators.resolvedFirstTime).toMatchObject({ numerator: 1, denominator: 1 });
  // Under unchanged rules nothing is made again.
  expect(ensureFacts(again.db, { deadlines: defaultDeadlineEngine, policy: bureauPolicyFor(settings) })).toBe(false);
});
