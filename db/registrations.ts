// Rows of a registration (visitor, matter, visit, representatives), the day's list and the
// repeat-visit lookup. The service decides what to write; this module only knows the tables.
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { LocalDb } from './open';
import { counter, matter, outbox, representative, visit, visitor } from './schema';

export type VisitorRow = typeof visitor.$inferInsert;
export type MatterRow = typeof matter.$inferInsert;
export type VisitRow = typeof visit.$inferInsert;
type Tx = Pick<LocalDb, 'insert' | 'select' | 'update' | 'delete'>;

/** Reuses the visitor row of a known document, refreshing what the clerk typed this time. */
export function upsertVisitor(tx: Tx, row: VisitorRow): string {
  const existing = tx
    .select({ id: visitor.id })
    .from(visitor)
    .where(and(eq(visitor.idNumber, row.idNumber), eq(visitor.idType, row.idType)))
    .get();
  if (!existing) {
    tx.insert(visitor).values(row).run();
    return row.id;
  }
  const { id: _id, createdAt: _c, ...changes } = row;
  tx.update(visitor).set(changes).where(eq(visitor.id, existing.id)).run();
  return existing.id;
}

export function insertMatter(tx: Tx, row: MatterRow): void {
  tx.insert(matter).values(row).run();
}

export function insertVisit(tx: Tx, row: VisitRow, representativeIds: string[]): void {
  tx.insert(visit).values(row).run();
  representativeIds.forEach((visitorId, i) => {
    tx.insert(representative).values({ visitId: row.id, ordinal: i + 1, visitorId }).run();
  });
}

export function matterById(db: Tx, id: string) {
  return db.select().from(matter).where(eq(matter.id, id)).get();
}

/** Next value of a named sequence, inside the caller's transaction. */
export function nextCounter(tx: Tx, name: string): number {
  const row = tx
    .insert(counter)
    .values({ name, value: 1 })
    .onConflictDoUpdate({ target: counter.name, set: { value: sql`${counter.value} + 1` } })
    .returning({ value: counter.value })
    .get();
  return row.value;
}

/** Visits received on a day, newest first, with the outbox seq that carries each to the city. */
export function visitsOn(db: LocalDb, day: string) {
  return db
    .select({
      matterId: matter.id,
      matterNo: matter.matterNo,
      visitKind: visit.kind,
      visitorName: visit.visitorName,
      idNumber: visitor.idNumber,
      headcount: visit.headcount,
      channel: visit.channel,
      // What was said at this visit: a repeat visit may add to the matter's request.
      summary: visit.summary,
      receivedAt: visit.receivedAt,
      reporterProtected: matter.reporterProtected,
      seq: outbox.seq,
    })
    .from(visit)
    .innerJoin(matter, eq(matter.id, visit.matterId))
    .innerJoin(visitor, eq(visitor.id, visit.visitorId))
    .leftJoin(
      outbox,
      or(
        and(eq(outbox.entityId, visit.id), eq(outbox.type, 'visit.recorded')),
        and(eq(visit.kind, 'first'), eq(outbox.entityId, visit.matterId), eq(outbox.type, 'matter.registered')),
      ),
    )
    .where(eq(visit.receivedOn, day))
    .orderBy(desc(visit.receivedAt), desc(visit.id))
    .all();
}

export function findVisitorIds(db: LocalDb, q: { idType?: string; idNumber?: string; name?: string; mobile?: string }): string[] {
  const byDoc = q.idNumber && q.idType ? and(eq(visitor.idNumber, q.idNumber), eq(visitor.idType, q.idType)) : undefined;
  const byNamePhone = q.name && q.mobile ? and(eq(visitor.name, q.name), eq(visitor.mobile, q.mobile)) : undefined;
  const where = byDoc && byNamePhone ? or(byDoc, byNamePhone) : (byDoc ?? byNamePhone);
  if (!where) return [];
  return db.select({ id: visitor.id }).from(visitor).where(where).limit(20).all().map((r) => r.id);
}

export function visitorById(db: LocalDb, id: string) {
  return db.select().from(visitor).where(eq(visitor.id, id)).get();
}

/** Every matter a person is party to: as the petitioner, or as a group's representative. */
export function mattersOfVisitors(db: LocalDb, visitorIds: string[]) {
  if (visitorIds.length === 0) return [];
  // Two indexed look-ups instead of one OR across tables, which SQLite would answer by a scan.
  const own = db.select({ id: matter.id }).from(matter).where(inArray(matter.visitorId, visitorIds)).all();
  const represented = db
    .select({ id: visit.matterId })
    .from(representative)
    .innerJoin(visit, eq(visit.id, representative.visitId))
    .where(inArray(representative.visitorId, visitorIds))
    .all();
  const ids = [...new Set([...own, ...represented].map((r) => r.id))];
  if (ids.length === 0) return [];
  return db
    .select({
      matterId: matter.id,
      matterNo: matter.matterNo,
      status: matter.status,
      summary: matter.summary,
      reporterProtected: matter.reporterProtected,
      receivedOn: matter.receivedOn,
      nextStep: matter.nextStep,
      nextDue: matter.nextDue,
      visits: sql<number>`(SELECT count(*) FROM visit WHERE visit.matter_id = matter.id)`,
      lastVisitOn: sql<string | null>`(SELECT max(visit.received_on) FROM visit WHERE visit.matter_id = matter.id)`,
    })
    .from(matter)
    // A voided registration was a mistake: it is no earlier matter of the person.
    .where(and(inArray(matter.id, ids.slice(0, 200)), isNull(matter.voidedAt)))
    .orderBy(desc(matter.receivedAt))
    .all();
}
