// The city's stored figure facts (server/city/figureFacts.ts), on PGlite and PostgreSQL: the
// grouped SQL counts over them equal the old replay of every lifecycle for random matters in two
// counties; a repeat visit pushed after 办结 makes the earlier matter's facts again; publishing
// new figure options makes every matter's facts again.
import dayjs from 'dayjs';
import { eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { figureFacts } from '../../domain/figures/facts';
import { figureOptionsSchema } from '../../domain/figures/options';
import { countyTallies, ensureCityFacts, writeFacts } from '../../server/city/figureFacts';
import { matterFacts } from '../../server/store/schema';
import { registrationEvent as registered, transitionEvents as stepped } from '../support/cityEvents';
import { admin, describeEachBackend, enrolledDevice, pushAll, visitEvent } from '../support/cityFixtures';
import { randomOutcome } from '../support/randomMatters';
import { replayedCounts } from '../support/replayOracle';

const COUNTIES = ['410102', '410184'];
const uuid = (k: number) => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;

describeEachBackend('city figure facts', (city) => {
  it('count by county in SQL what replaying every lifecycle counted, for random matters, periods, days and options', async () => {
    const dayIn = (max: number) => fc.integer({ min: 0, max }).map((d) => dayjs('2025-01-01').add(d, 'day').format('YYYY-MM-DD'));
    const options = fc.record({ resolutionWindowDays: fc.constantFrom(30, 90), satisfiedMeans: fc.constantFrom('satisfied' as const, 'satisfied-or-basic' as const), onTimeIncludesTargets: fc.boolean() });
    const matters = fc.array(fc.record({ outcome: randomOutcome, county: fc.constantFrom(...COUNTIES) }), { maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(matters, dayIn(500), fc.integer({ min: 0, max: 400 }), dayIn(700), options, async (list, from, length, today, o) => {
        const opts = figureOptionsSchema.parse(o);
        const period = { from, to: dayjs(from).add(length, 'day').format('YYYY-MM-DD') };
        await city.db.execute(sql`TRUNCATE matter_facts, fact_tallies`);
        await writeFacts(city.db, list.map((m, k) => ({ matterId: uuid(k), countyCode: m.county, facts: figureFacts(m.outcome, undefined, opts) })));
        const tallies = await countyTallies(city.db, period, today);
        for (const county of COUNTIES) {
          const expected = replayedCounts(list.filter((m) => m.county === county).map((m) => m.outcome), period, today, undefined, opts);
          const got = tallies.get(county);
          const pairs = got ? Object.fromEntries(Object.entries(got).map(([k, t]) => [k, [t.numerator, t.denominator]])) : null;
          // A county with nothing due in the period has no row at all.
          if (Object.values(expected).every(([, d]) => d === 0)) expect(pairs).toBeNull();
          else expect(pairs, county).toEqual(expected);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keep fact_tallies equal to a GROUP BY over the facts through inserts, changes and removals', async () => {
    // node-postgres and PGlite both answer with `rows`; the city's query-result type does not say so.
    const rows = async (q: ReturnType<typeof sql>) => ((await city.db.execute(q)) as unknown as { rows: unknown[] }).rows;
    const oracle = sql`SELECT kind, day::text AS day, county_code, count(*)::int AS total, sum(done)::int AS done, sum(met)::int AS met FROM matter_facts r
      CROSS JOIN LATERAL (VALUES ('acceptance', r.acceptance_due, r.decided::int, r.decided_in_time::int), ('handling', r.handling_due, r.closed::int, r.closed_in_time::int),
        ('window', r.window_end, 0, (NOT r.returned)::int), ('rating', r.closed_on, r.rated::int, (r.satisfied AND r.rated)::int)) AS t(kind, day, done, met)
      WHERE day IS NOT NULL GROUP BY kind, day, county_code ORDER BY kind, day, county_code`;
    const kept = sql`SELECT kind, day::text AS day, county_code, total, done, met FROM fact_tallies WHERE total <> 0 OR done <> 0 OR met <> 0 ORDER BY kind, day, county_code`;
    // Each step writes a few matters' facts in one statement (inserts, or changes when they have some) or removes some (a void).
    const write = fc.array(fc.record({ k: fc.integer({ min: 0, max: 7 }), outcome: randomOutcome, county: fc.constantFrom(...COUNTIES) }), { minLength: 1, maxLength: 4 });
    const step = fc.oneof(write.map((w) => ({ write: w })), fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 3 }).map((ks) => ({ remove: ks })));
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 15 }), async (steps) => {
        await city.db.execute(sql`TRUNCATE matter_facts, fact_tallies`);
        for (const s of steps) {
          if ('remove' in s) await city.db.delete(matterFacts).where(inArray(matterFacts.matterId, s.remove.map(uuid)));
          // One row per matter in a statement, as a push writes them.
          else await writeFacts(city.db, [...new Map(s.write.map((w) => [w.k, { matterId: uuid(w.k), countyCode: w.county, facts: figureFacts(w.outcome) }])).values()]);
        }
        expect(await rows(kept)).toEqual(await rows(oracle));
      }),
      { numRuns: 25 },
    );
  });

  /** Received Monday 2 March 2026, accepted on the 5th, replied and delivered on 10 April, rated 基本满意. */
  async function closedMatter() {
    const device = await enrolledDevice(city.app, '410103');
    const m = registered(1, { receivedAt: '2026-03-02T09:00:00.000+08:00' });
    const steps = stepped(2, m.payload, [
      ['classify', '2026-03-03'],
      ['accept', '2026-03-05'],
      ['startHandling', '2026-03-05'],
      ['reply', '2026-04-10'],
      ['deliver', '2026-04-10'],
      ['rate', '2026-04-11', { rating: 'basically-satisfied' }],
    ]);
    await pushAll(city.app, device, [m, ...steps.events]);
    return { device, m, next: 2 + steps.events.length };
  }
  const factsOf = async (matterId: string) =>
    (await city.db.select({ windowEnd: matterFacts.windowEnd, returned: matterFacts.returned, satisfied: matterFacts.satisfied }).from(matterFacts).where(eq(matterFacts.matterId, matterId)))[0];

  it('makes the earlier matter’s facts again when a repeat visit is pushed after 办结', async () => {
    const { device, m, next } = await closedMatter();
    expect(await factsOf(m.payload.matterId)).toEqual({ windowEnd: '2026-07-09', returned: false, satisfied: false });
    await pushAll(city.app, device, [visitEvent(next, m.payload, { receivedAt: '2026-05-20T09:00:00.000+08:00' })]);
    expect(await factsOf(m.payload.matterId)).toMatchObject({ returned: true });
    const r = (await city.app.inject({ method: 'GET', url: '/api/v1/admin/figures?from=2026-07-01&to=2026-07-31', headers: admin })).json();
    expect(r.total.indicators.resolvedFirstTime).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('makes every matter’s facts again when new figure options are published, and not otherwise', async () => {
    const { m } = await closedMatter();
    const settings = { syncIntervalMinutes: 5, groupVisitThreshold: 5, figures: { resolutionWindowDays: 30, satisfiedMeans: 'satisfied-or-basic', onTimeIncludesTargets: true } };
    const put = await city.app.inject({ method: 'PUT', url: '/api/v1/admin/reference/settings', headers: admin, payload: settings });
    expect(put.statusCode).toBe(200);
    expect(await factsOf(m.payload.matterId)).toEqual({ windowEnd: '2026-05-10', returned: false, satisfied: true });
    expect(await ensureCityFacts(city.db)).toBe(false);
    // Facts lost (a database from before them): the next check makes them again.
    await city.db.execute(sql`TRUNCATE matter_facts, matter_facts_basis, fact_tallies`);
    expect(await ensureCityFacts(city.db)).toBe(true);
    expect(await factsOf(m.payload.matterId)).toEqual({ windowEnd: '2026-05-10', returned: false, satisfied: true });
  });
});
