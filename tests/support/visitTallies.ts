// What the city's visit_tallies (migration 0012) should hold, counted from the visits themselves
// (the all_visits view and the matters), a voided registration's left out; and what it holds.
import { sql } from 'drizzle-orm';
import type { CityDb } from '../../server/store/db';

const rowsOf = async (db: CityDb, q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => JSON.stringify(r));

export async function visitTalliesAgree(db: CityDb): Promise<{ kept: string[]; counted: string[] }> {
  const kept = await rowsOf(
    db,
    sql`SELECT county_code, day::text AS day, kind, headcount::int AS headcount, terminated, n::int AS n FROM visit_tallies WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5`,
  );
  const counted = await rowsOf(
    db,
    sql`SELECT county_code, day, kind, headcount, terminated, count(*)::int AS n FROM (
          SELECT county_code, ((received_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS day, kind, headcount::int AS headcount, terminated_matter AS terminated
          FROM all_visits WHERE matter_id NOT IN (SELECT matter_id FROM matters WHERE voided_at IS NOT NULL)
          UNION ALL
          SELECT county_code, ((received_at AT TIME ZONE 'Asia/Shanghai')::date)::text, 'matter', 0, false FROM matters WHERE voided_at IS NULL AND origin = 'window'
        ) s GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
  );
  return { kept, counted };
}
