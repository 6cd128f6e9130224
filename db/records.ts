// Rows of Excel in (历史台账): the person of an earlier record, found or added without touching
// what the window registered since, and what an import checks for records already there.
import { and, eq, ne } from 'drizzle-orm';
import type { LocalDb } from './open';
import { matter, visitor } from './schema';

type Tx = Pick<LocalDb, 'insert' | 'select'>;

/** The person's row for this 证件: the window's own when it knows them (it is newer than any ledger), else a new one. */
export function findOrInsertVisitor(tx: Tx, row: typeof visitor.$inferInsert): string {
  const existing = tx
    .select({ id: visitor.id })
    .from(visitor)
    .where(and(eq(visitor.idNumber, row.idNumber), eq(visitor.idType, row.idType)))
    .get();
  if (existing) return existing.id;
  tx.insert(visitor).values(row).run();
  return row.id;
}

/** 原编号 of every record imported before: a ledger imported twice is refused row by row. */
export function importedSourceNos(db: Pick<LocalDb, 'select'>): Set<string> {
  return new Set(
    db
      .select({ no: matter.sourceNo })
      .from(matter)
      .where(and(eq(matter.origin, 'import'), ne(matter.sourceNo, '')))
      .all()
      .map((r) => r.no),
  );
}

/** The day and request of each matter of a person, to recognise the same record twice. */
export function mattersOfVisitor(db: Pick<LocalDb, 'select'>, visitorId: string) {
  return db.select({ receivedOn: matter.receivedOn, summary: matter.summary }).from(matter).where(eq(matter.visitorId, visitorId)).all();
}
