// Local queries behind the window's figures page (统计): visit counts over a period of local
// days (in all, or per group of a breakdown); the rates' counts over the matters' figure facts
// are db/figureFacts.ts, re-exported here.
import { and, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { LocalDb } from './open';
import { matter, visit, visitTally } from './schema';

export { factTallies, periodFacts } from './figureFacts';

/** The period's visits (a voided registration's left out), summed from the days' tallies the triggers keep (migration 0010). */
export function visitCounts(db: LocalDb, from: string, to: string) {
  return db
    .select({
      visits: sql<number>`coalesce(sum(${visitTally.visits}), 0)`,
      firstVisits: sql<number>`coalesce(sum(${visitTally.firstVisits}), 0)`,
      repeatVisits: sql<number>`coalesce(sum(${visitTally.repeatVisits}), 0)`,
      people: sql<number>`coalesce(sum(${visitTally.people}), 0)`,
    })
    .from(visitTally)
    .where(and(gte(visitTally.day, from), lte(visitTally.day, to)))
    .get()!;
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
