// The matters behind a figure (issue #14; "every number opens its records"): a count's matters by
// the same conditions city/figures.ts counts with, and a rate's by the domain's own test of each
// matter's stored facts (facts.ts `counts`) — a matter is behind a rate when, by itself, it is due
// (denominator) or met it (numerator) — so the list and the number cannot disagree.
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import type { DrillQuery } from '../../domain/console/matters';
import { counts, type IndicatorKey } from '../../domain/figures/facts';
import type { CityDb } from '../store/db';
import { allVisits, matters } from '../store/schema';
import { periodFactRows } from './figureFacts';
import { bounds, groupVisitThreshold } from './figures';

/** At most this many matters open from one figure; the page says when there are more. */
export const DRILL_LIMIT = 1000;

async function countedMatters(db: CityDb, q: DrillQuery, start: Date, end: Date): Promise<string[]> {
  if (q.figure === 'matters') {
    const where = [gte(matters.receivedAt, start), lt(matters.receivedAt, end), ...(q.countyCode ? [eq(matters.countyCode, q.countyCode)] : [])];
    return (await db.select({ id: matters.matterId }).from(matters).where(and(...where)).limit(DRILL_LIMIT + 1)).map((r) => r.id);
  }
  const which: Record<string, SQL | undefined> = {
    visits: undefined,
    firstVisits: sql`${allVisits.kind} = 'first'`,
    repeatVisits: sql`${allVisits.kind} = 'repeat'`,
    groupVisits: sql`${allVisits.headcount} >= ${await groupVisitThreshold(db)}`,
  };
  const where = [gte(allVisits.receivedAt, start), lt(allVisits.receivedAt, end), ...(q.countyCode ? [eq(allVisits.countyCode, q.countyCode)] : []), which[q.figure]].filter(
    (c): c is SQL => c !== undefined,
  );
  return (await db.selectDistinct({ id: allVisits.matterId }).from(allVisits).where(and(...where)).limit(DRILL_LIMIT + 1)).map((r) => r.id);
}

export async function figureMatters(db: CityDb, q: DrillQuery, today = chinaDateOf(new Date().toISOString())): Promise<{ ids: string[]; more: boolean }> {
  const [start, end] = bounds(q.from, q.to);
  let ids: string[];
  if (q.figure in { matters: 1, visits: 1, firstVisits: 1, repeatVisits: 1, groupVisits: 1 }) {
    ids = await countedMatters(db, q, start, end);
  } else {
    const key = q.figure as IndicatorKey;
    const period = { from: q.from, to: q.to };
    const rows = await periodFactRows(db, period, q.countyCode);
    ids = rows.filter((r) => counts(r.facts, period, today)[key][q.part === 'numerator' ? 'met' : 'counted']).map((r) => r.matterId);
  }
  return { ids: ids.slice(0, DRILL_LIMIT), more: ids.length > DRILL_LIMIT };
}
