// Rows of corrections that keep history (更正, 作废, 撤回) and the registration fields they change.
// Only tables and queries here; what may be corrected and by whom is the service's and domain's.
import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import type { LocalDb } from './open';
import { matter, matterCorrection, representative, visit, visitor } from './schema';

type Tx = Pick<LocalDb, 'insert' | 'select' | 'update'>;
export type CorrectionRow = typeof matterCorrection.$inferInsert;

export function insertCorrection(tx: Tx, row: CorrectionRow): void {
  tx.insert(matterCorrection).values(row).run();
}

export function correctionsOf(db: Pick<LocalDb, 'select'>, matterId: string) {
  return db.select().from(matterCorrection).where(eq(matterCorrection.matterId, matterId)).orderBy(asc(matterCorrection.at), asc(matterCorrection.id)).all();
}

/** Each withdrawn transition's id, with the id of the 撤回 that took it back. */
export function withdrawnTransitions(db: Pick<LocalDb, 'select'>, matterId: string): Map<string, string> {
  const rows = db
    .select({ id: matterCorrection.id, transitionId: matterCorrection.withdrawnTransitionId })
    .from(matterCorrection)
    .where(and(eq(matterCorrection.matterId, matterId), isNotNull(matterCorrection.withdrawnTransitionId)))
    .all();
  return new Map(rows.map((r) => [r.transitionId!, r.id]));
}

/** The matter's own registration fields, as a correction sets them. */
export function updateMatterFields(tx: Tx, matterId: string, set: Partial<Pick<typeof matter.$inferInsert, 'channel' | 'headcount' | 'categoryCode' | 'placeRegion' | 'respondent' | 'summary' | 'facts' | 'updatedAt'>>): void {
  tx.update(matter).set(set).where(eq(matter.id, matterId)).run();
}

/**
 * The petitioner's name and mobile: the person's own row, and the name given at the matter's
 * first visit (the visit where it was mistyped); a later visit keeps the name given then.
 */
export function updatePetitioner(tx: Tx, matterId: string, visitorId: string, set: { name?: string; mobile?: string; updatedAt: string }): void {
  tx.update(visitor).set(set).where(eq(visitor.id, visitorId)).run();
  if (set.name !== undefined) tx.update(visit).set({ visitorName: set.name }).where(and(eq(visit.matterId, matterId), eq(visit.kind, 'first'))).run();
}

export function markVoided(tx: Tx, matterId: string, at: string): void {
  tx.update(matter).set({ voidedAt: at, updatedAt: at }).where(eq(matter.id, matterId)).run();
}

/** The representatives elected at the matter's first visit: a corrected headcount may not fall below them. */
export function representativeCount(db: Pick<LocalDb, 'select'>, matterId: string): number {
  return db
    .select({ n: count() })
    .from(representative)
    .innerJoin(visit, eq(visit.id, representative.visitId))
    .where(and(eq(visit.matterId, matterId), eq(visit.kind, 'first')))
    .get()!.n;
}
