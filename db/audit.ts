// The hash-chained audit log (db/schema.ts auditLog): appending a row, and verifying the chain.
// Each row's hash is sha256 over the previous row's hash and the row's own fields, so editing,
// deleting or reordering any row breaks every hash after it; the verifier names the first row
// where the chain breaks.
import { createHash } from 'node:crypto';
import { asc, count, desc, gt } from 'drizzle-orm';
import { AUDIT_EVENT, auditRecordedPayload } from '../domain/staff/audit';
import { auditHashInput, GENESIS } from '../domain/staff/auditChain';
import type { AuditVerdict } from '../domain/staff/auditVerdict';
import { appendEvent } from './outbox';
import { getSetting, putSetting } from './settings';
import type { LocalDb } from './open';
import { auditLog } from './schema';

export type AuditRow = typeof auditLog.$inferSelect;
export type AuditEntry = Omit<AuditRow, 'seq' | 'prevHash' | 'hash'>;

export function auditHash(prevHash: string, seq: number, e: AuditEntry): string {
  return createHash('sha256').update(prevHash).update(auditHashInput(seq, e)).digest('hex');
}

/** Appends one row after the current last one; call inside the write's own transaction when there is one. */
export function appendAudit(db: Pick<LocalDb, 'select' | 'insert'>, e: AuditEntry): AuditRow {
  const last = db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get();
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  const row: AuditRow = { ...e, seq, prevHash, hash: auditHash(prevHash, seq, e) };
  db.insert(auditLog).values(row).run();
  return row;
}

/**
 * Walks the whole chain in order; the first row whose hash or link does not hold is named. Rows cut
 * from the end leave an unbroken chain, so the end is held against how far the sync has taken the
 * log for the city: rows it took cannot be missing.
 */
/** Every column of a line under its field name, for raw statements that stream the log. */
export const SELECT_AUDIT_LINES =
  'SELECT seq, id, at, actor_no AS actorNo, actor_name AS actorName, actor_role AS actorRole, action, kind, target, outcome, prev_hash AS prevHash, hash FROM audit_log';

export function verifyAuditChain(db: LocalDb): AuditVerdict {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let rows = 0;
  // Streamed: a log of years must not be held in memory at once.
  const all = db.$client.prepare(`${SELECT_AUDIT_LINES} ORDER BY seq`);
  for (const r of all.iterate() as IterableIterator<AuditRow>) {
    rows++;
    if (r.seq !== expectedSeq || r.prevHash !== prevHash) return { ok: false, rows, brokenAt: r.seq, reason: 'missing-or-reordered' };
    if (auditHash(prevHash, r.seq, r) !== r.hash) return { ok: false, rows, brokenAt: r.seq, reason: 'edited' };
    prevHash = r.hash;
    expectedSeq++;
  }
  if (queuedSeq(db) > rows) return { ok: false, rows, brokenAt: rows + 1, reason: 'truncated' };
  return { ok: true, rows, head: prevHash };
}

const QUEUED_KEY = 'audit_queued_seq';
const queuedSeq = (db: Pick<LocalDb, 'select'>) => Number(getSetting(db, QUEUED_KEY) ?? 0);

/** Audit lines written since the last sync run moved them into the outbox. */
export function auditNotQueued(db: LocalDb): number {
  const from = queuedSeq(db);
  return db.select({ n: count() }).from(auditLog).where(gt(auditLog.seq, from)).get()?.n ?? 0;
}

/**
 * Puts the audit lines not yet bound for the city into the outbox, one event each, in one
 * transaction with the mark of how far it got: run by the sync engine before each push, so the
 * trail travels with the records without every call writing to the outbox.
 */
export function queueAuditForSync(db: LocalDb): number {
  return db.transaction((tx) => {
    const from = queuedSeq(tx);
    const rows = tx.select().from(auditLog).where(gt(auditLog.seq, from)).orderBy(asc(auditLog.seq)).all();
    for (const r of rows) appendEvent(tx, { id: r.id, type: AUDIT_EVENT, entityId: r.id, occurredAt: r.at, payload: auditRecordedPayload.parse(r) });
    if (rows.length > 0) putSetting(tx, QUEUED_KEY, rows.at(-1)!.seq);
    return rows.length;
  });
}

/**
 * Marks every line the store holds as queued. For a restored copy of this installation: this
 * store queued all of them before the restore (those the city has not acknowledged are merged
 * into the copy's outbox), so queueing them again would send an event id a second time.
 */
export function markAuditQueued(db: LocalDb): void {
  const last = db.select({ seq: auditLog.seq }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get();
  if (last) putSetting(db, QUEUED_KEY, last.seq);
}
