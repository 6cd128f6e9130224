// Local queries behind the window's figures page (统计): visit counts over a period of local
// days, and every matter's stored lifecycle with the days of its repeat visits.
import { and, eq, gte, lte, sql } from 'drizzle-orm';
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

/** Each matter's lifecycle JSON and the local days of its repeat visits. */
export function matterHistories(db: LocalDb): { lifecycle: string; repeatVisitDays: string[] }[] {
  const repeats = new Map<string, string[]>();
  for (const v of db.select({ matterId: visit.matterId, day: visit.receivedOn }).from(visit).where(eq(visit.kind, 'repeat')).all()) {
    repeats.set(v.matterId, [...(repeats.get(v.matterId) ?? []), v.day]);
  }
  return db
    .select({ id: matter.id, lifecycle: matter.lifecycle })
    .from(matter)
    .all()
    .map((m) => ({ lifecycle: m.lifecycle, repeatVisitDays: repeats.get(m.id) ?? [] }));
}
