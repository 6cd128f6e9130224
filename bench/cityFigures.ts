// city.figures.year.ms (issue #14): a year of the console's figures — every count and published
// rate for 10 counties — at 1,000,000 matters on PostgreSQL, beside a plain COUNT of the same
// rows grouped by county as the baseline. Each matter carries the lifecycle it was registered
// with, and the rates count each matter's figure facts made from it. Runs in a scratch database of its own.
import { sql } from 'drizzle-orm';
import { initialLifecycle } from '../domain/matters/applyCommand';
import { countyFigures } from '../server/city/figures';
import { ensureCityFacts } from '../server/city/figureFacts';
import { openCityDb } from '../server/store/db';
import { scratchDatabase } from '../scripts/scratchPostgres';
import { msSince, quantile, report } from './report';

const YEAR = 2025;
const COUNTIES = 10;
const RUNS = 3;

/** `n` matters spread over the year's days and the counties, each with its lifecycle as registered that day. */
function seedSql(n: number) {
  const days = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(YEAR, 0, 1 + i)).toISOString().slice(0, 10));
  const lifecycles = JSON.stringify(days.map((d) => initialLifecycle(d)));
  return sql`INSERT INTO matters (matter_id, first_visit_id, matter_no, county_code, device_id, visitor_id, visitor_name, document_type, document_number,
      visitor, representatives, channel, headcount, category_code, place_region, respondent, summary, facts, flags, lifecycle, received_at)
    SELECT gen_random_uuid(), gen_random_uuid(), 'B-' || i, (410100 + i % ${COUNTIES})::text, '00000000-0000-4000-8000-000000000001', gen_random_uuid(),
      '某人', 'resident', lpad(i::text, 18, '0'), '{}', '[]', 'visit', 1 + i % 7, '0101', '410102', '', '供暖', '', '{}',
      (${lifecycles}::jsonb) -> (i % 365), ${`${YEAR}-01-01T09:00:00+08:00`}::timestamptz + ((i % 365) || ' days')::interval
    FROM generate_series(1, ${n}) AS i`;
}

export async function run({ quick }: { quick: boolean }): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.error('city.figures.year.ms skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL database to measure it');
    return;
  }
  const n = quick ? 20_000 : 1_000_000;
  const db = await scratchDatabase(url, 'city_bench');
  const city = await openCityDb({ databaseUrl: db.url });
  try {
    await city.db.execute(seedSql(n));
    // Seeded behind the pushes' back: the figure facts are made as at an upgrade (set-up, not measured).
    await ensureCityFacts(city.db);
    await city.db.execute(sql`ANALYZE`);
    const from = `${YEAR}-01-01`;
    const to = `${YEAR}-12-31`;
    const baseline: number[] = [];
    const value: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t0 = process.hrtime.bigint();
      await city.db.execute(
        sql`SELECT county_code, count(*) FROM matters WHERE received_at >= ${`${from}T00:00:00+08:00`}::timestamptz AND received_at < ${`${YEAR + 1}-01-01T00:00:00+08:00`}::timestamptz GROUP BY county_code`,
      );
      baseline.push(msSince(t0));
      t0 = process.hrtime.bigint();
      const f = await countyFigures(city.db, from, to, `${YEAR + 1}-06-30`);
      value.push(msSince(t0));
      if (f.total.matters !== n || f.counties.length !== COUNTIES) throw new Error(`city.figures: counted ${f.total.matters} matters in ${f.counties.length} counties`);
      // Every matter's acceptance notice fell due in the year or just after it: rates over nothing would time nothing.
      if (f.total.indicators.timelyAcceptance.denominator < n * 0.9) throw new Error(`city.figures: counted ${f.total.indicators.timelyAcceptance.denominator} acceptance notices of ${n} matters`);
    }
    report({ figure: 'city.figures.year.ms', value: quantile(value, 0.5), unit: 'ms', baseline: quantile(baseline, 0.5), n: RUNS, at: `${n} matters, ${COUNTIES} counties, postgres` });
  } finally {
    await city.close();
    await db.drop();
  }
}
