// Local queries behind the window's figures page (统计): visit counts over a period of local
// days (in all, or per group of a breakdown); the rates' counts over the matters' figure facts
// are db/figureFacts.ts, re-exported here.
import { and, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { LocalDb } from './open';
import { matter, visit } from './schema';

export { factTallies, periodFacts } from './figureFacts';

export function visitCounts(db: LocalDb, from: string, to: string) {
  const row = db
    .select({
      visits: sql<number>`count(*)`,
      firstVisits: sql<number>`coalesce(sum(${visit.kind} = 'first'), 0)`,
      repeatVisits: sql<number>`coalesce(sum(${visit.kind} = 'repeat'), 0)`,
      people: sql<number>`coalesce(sum(${visit.headcount}), 0)`,
    })
    .from(visit)
    // A voided registration's visits are not counted (作废: kept, left out of the figures).
    .where(and(gte(visit.receivedOn, from), lte(visit.receivedOn, to), sql`${visit.matterId} NOT IN (SELECT id FROM matter WHERE voided_at IS NOT NULL)`))
    .get();
  return row!;
}

/**
 * The period's visits per group of a breakdown: the month of the visit, or the matter's category
 * (first level), place, channel or route: the columns domain/figures/breakdowns.ts groupOf reads,
 * given raw here and grouped there.
 */
export function visitCountsBy(db: LocalDb, from: string, to: string, by: 'month' | 'category' | 'township' | 'channel' | 'route') {
  const key = {
    month: sql<string>`substr(${visit.receivedOn}, 1, 7)`,
    category: sql<string>`substr(${matter.categoryCode}, 1, 2)`,
    township: sql<string>`${matter.placeRegion}`,
    channel: sql<string>`${matter.channel}`,
    route: sql<string | null>`json_extract(${matter.lifecycle}, '$.route')`,
  }[by];
  return db
    .select({
      key,
      visits: sql<number>`count(*)`,
      firstVisits: sql<number>`coalesce(sum(${visit.kind} = 'first'), 0)`,
      repeatVisits: sql<number>`coalesce(sum(${visit.kind} = 'repeat'), 0)`,
      people: sql<number>`coalesce(sum(${visit.headcount}), 0)`,
    })
    .from(visit)
    .innerJoin(matter, eq(matter.id, visit.matterId))
    // As visitCounts: a voided registration's visits are not counted.
    .where(and(gte(visit.receivedOn, from), lte(visit.receivedOn, to), isNull(matter.voidedAt)))
    .groupBy(key)
    .all();
}
