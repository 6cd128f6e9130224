// Local queries behind the window's figures page (统计): visit counts over a period of local
// days, and every matter's stored lifecycle with the days of its repeat visits.
import { and, eq, gte, lte, or, sql } from 'drizzle-orm';
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
    .where(and(gte(visit.receivedOn, from), lte(visit.receivedOn, to)))
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
): { lifecycle: string; repeatVisitDays: string[] }[] {
  const repeats = new Map<string, string[]>();
  const repeatRows = db
    .select({ matterId: visit.matterId, day: visit.receivedOn })
    .from(visit)
    .where(and(eq(visit.kind, 'repeat'), gte(visit.receivedOn, since.closedOn)))
    .all();
  for (const v of repeatRows) repeats.set(v.matterId, [...(repeats.get(v.matterId) ?? []), v.day]);
  return db
    .select({ id: matter.id, lifecycle: matter.lifecycle })
    .from(matter)
    .where(
      and(
        lte(matter.receivedOn, to),
        or(
          gte(matter.receivedOn, since.receivedOn),
          sql`json_extract(${matter.lifecycle}, '$.acceptedOn') >= ${since.acceptedOn}`,
          sql`json_extract(${matter.lifecycle}, '$.firstClosedOn') >= ${since.closedOn}`,
        ),
      ),
    )
    .all()
    .map((m) => ({ lifecycle: m.lifecycle, repeatVisitDays: repeats.get(m.id) ?? [] }));
}
