// Autosaved form drafts: one row per draft, overwritten as the clerk types.
import { desc, eq } from 'drizzle-orm';
import type { LocalDb } from './open';
import { draft } from './schema';

export type DraftRow = typeof draft.$inferSelect;

export function saveDraft(db: LocalDb, row: DraftRow): void {
  db.insert(draft)
    .values(row)
    .onConflictDoUpdate({ target: draft.id, set: { title: row.title, data: row.data, updatedAt: row.updatedAt } })
    .run();
}

export function listDrafts(db: LocalDb, kind: string) {
  return db
    .select({ id: draft.id, title: draft.title, updatedAt: draft.updatedAt })
    .from(draft)
    .where(eq(draft.kind, kind))
    .orderBy(desc(draft.updatedAt))
    .all();
}

export function getDraft(db: LocalDb, id: string): DraftRow | undefined {
  return db.select().from(draft).where(eq(draft.id, id)).get();
}

export function deleteDraft(db: Pick<LocalDb, 'delete'>, id: string): boolean {
  return db.delete(draft).where(eq(draft.id, id)).run().changes > 0;
}
