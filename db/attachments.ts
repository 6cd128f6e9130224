// Attachment rows: what was attached to which matter, and whether the city has the bytes yet.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { LocalDb } from './open';
import { attachment } from './schema';

type Tx = Pick<LocalDb, 'insert' | 'select' | 'update'>;
export type AttachmentRow = typeof attachment.$inferSelect;

export function insertAttachment(tx: Tx, row: typeof attachment.$inferInsert): void {
  tx.insert(attachment).values(row).run();
}

export function attachmentsOf(db: LocalDb, matterId: string): AttachmentRow[] {
  return db.select().from(attachment).where(eq(attachment.matterId, matterId)).orderBy(asc(attachment.createdAt), asc(attachment.id)).all();
}

export function attachmentById(db: LocalDb, id: string): AttachmentRow | undefined {
  return db.select().from(attachment).where(eq(attachment.id, id)).get();
}

export function attachmentsNotUploaded(db: LocalDb, limit: number): AttachmentRow[] {
  return db.select().from(attachment).where(isNull(attachment.uploadedAt)).orderBy(asc(attachment.createdAt)).limit(limit).all();
}

export function markUploaded(db: LocalDb, sha256: string, at: string): void {
  db.update(attachment).set({ uploadedAt: at }).where(and(eq(attachment.sha256, sha256), isNull(attachment.uploadedAt))).run();
}
