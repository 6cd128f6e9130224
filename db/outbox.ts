// The transactional outbox: written only inside the transaction that changes the rows it
// reports, read by the sync client in seq order.
import { and, asc, count, eq, gt, max, min, not } from 'drizzle-orm';
import { AUDIT_EVENT } from '../domain/staff/audit';
import type { SyncEvent } from '../domain/sync/events';
import type { LocalDb } from './open';
import { outbox } from './schema';

type Tx = Pick<LocalDb, 'insert' | 'select'>;

export function appendEvent(tx: Tx, e: Omit<SyncEvent, 'seq'>): number {
  const row = tx
    .insert(outbox)
    .values({ id: e.id, type: e.type, entityId: e.entityId, occurredAt: e.occurredAt, payload: JSON.stringify(e.payload) })
    .returning({ seq: outbox.seq })
    .get();
  return row.seq;
}

export function eventsAfter(db: LocalDb, afterSeq: number, limit: number): SyncEvent[] {
  return db
    .select()
    .from(outbox)
    .where(gt(outbox.seq, afterSeq))
    .orderBy(asc(outbox.seq))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

/**
 * Derived from the outbox itself, so the status bar can never claim "synced" while rows wait.
 * What waits for the city: the records people made (registrations, steps…) apart from the audit
 * trail's lines, which every call adds and which would drown the count the window shows.
 */
export function waitingStats(db: LocalDb, ackedSeq: number): { waiting: number; auditWaiting: number; oldestWaitingAt: string | null; lastSeq: number } {
  const isAudit = eq(outbox.type, AUDIT_EVENT);
  const w = db.select({ n: count(), oldest: min(outbox.occurredAt) }).from(outbox).where(and(gt(outbox.seq, ackedSeq), not(isAudit))).get();
  const a = db.select({ n: count() }).from(outbox).where(and(gt(outbox.seq, ackedSeq), isAudit)).get();
  const last = db.select({ s: max(outbox.seq) }).from(outbox).get();
  return { waiting: w?.n ?? 0, auditWaiting: a?.n ?? 0, oldestWaitingAt: w?.oldest ?? null, lastSeq: last?.s ?? 0 };
}
