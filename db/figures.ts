// Local queries behind the window's figures page (统计): visit counts over a period of local
// days (in all, or per group of a breakdown), and every matter's stored lifecycle with the days
// of its repeat visits and the columns a breakdown groups it by.
import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { LocalDb } from './open';
import { matter, visit } from './schema';

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
 * The lifecycle JSON of each matter received by `to` that can still count in the period, with the
 * local days of its repeat visits; `since` is domain/indicators.ts countsSince of its first day.
 */
export function matterHistories(
  db: LocalDb,
  to: string,
  since: { receivedOn: string; acceptedOn: string; closedOn: string },
): { id: string; rowid: number; categoryCode: string; placeRegion: string; channel: string; lifecycle: string; repeatVisitDays: string[] }[] {
  const repeats = new Map<string, string[]>();
  const repeatRows = db
    .select({ matterId: visit.matterId, day: visit.receivedOn })
    .from(visit)
    .where(and(eq(visit.kind, 'repeat'), gte(visit.receivedOn, since.closedOn)))
    .all();
  for (const v of repeatRows) repeats.set(v.matterId, [...(repeats.get(v.matterId) ?? []), v.day]);
  return db
    .select({ id: matter.id, rowid: sql<number>`${matter}.rowid`, categoryCode: matter.categoryCode, placeRegion: matter.placeRegion, channel: matter.channel, lifecycle: matter.lifecycle })
    .from(matter)
    .where(
      and(
        lte(matter.receivedOn, to),
        // Voided registrations and records imported from the 历史台账 are not this window's figures.
        isNull(matter.voidedAt),
        eq(matter.origin, 'window'),
        or(
          gte(matter.receivedOn, since.receivedOn),
          sql`json_extract(${matter.lifecycle}, '$.acceptedOn') >= ${since.acceptedOn}`,
          sql`json_extract(${matter.lifecycle}, '$.firstClosedOn') >= ${since.closedOn}`,
        ),
      ),
    )
    .all()
    .map((m) => ({ ...m, repeatVisitDays: repeats.get(m.id) ?? [] }));
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
