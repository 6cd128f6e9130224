// Rows of a registration (visitor + matter) and the day's list. The service decides what to
// write; this module only knows the tables.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { LocalDb } from './open';
import { counter, matter, outbox, visitor } from './schema';

export type VisitorRow = typeof visitor.$inferInsert;
export type MatterRow = typeof matter.$inferInsert;
type Tx = Pick<LocalDb, 'insert' | 'select' | 'update'>;

/** Reuses the visitor row of a known document, refreshing what the clerk typed this time. */
export function upsertVisitor(tx: Tx, row: VisitorRow): string {
  const existing = tx
    .select({ id: visitor.id })
    .from(visitor)
    .where(and(eq(visitor.idType, row.idType), eq(visitor.idNumber, row.idNumber)))
    .get();
  if (!existing) {
    tx.insert(visitor).values(row).run();
    return row.id;
  }
  tx.update(visitor)
    .set({ name: row.name, phone: row.phone, address: row.address, updatedAt: row.updatedAt })
    .where(eq(visitor.id, existing.id))
    .run();
  return existing.id;
}

export function insertMatter(tx: Tx, row: MatterRow): void {
  tx.insert(matter).values(row).run();
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

export function registrationsOn(db: LocalDb, day: string) {
  return db
    .select({
      matterId: matter.id,
      matterNo: matter.matterNo,
      visitorName: visitor.name,
      idNumber: visitor.idNumber,
      headcount: matter.headcount,
      channel: matter.channel,
      summary: matter.summary,
      receivedAt: matter.receivedAt,
      seq: outbox.seq,
    })
    .from(matter)
    .innerJoin(visitor, eq(visitor.id, matter.visitorId))
    .leftJoin(outbox, and(eq(outbox.entityId, matter.id), eq(outbox.type, 'matter.registered')))
    .where(eq(matter.receivedOn, day))
    .orderBy(desc(matter.receivedAt))
    .all();
}
