// The device's side of the sync protocol: enrolment, acknowledged seq, last outcome.
import { desc, eq, sql } from 'drizzle-orm';
import type { LocalDb } from './open';
import { device, matter, outbox, syncRejection, syncState } from './schema';

export type DeviceRow = typeof device.$inferSelect;
export type SyncStateRow = typeof syncState.$inferSelect;

export function ensureDevice(db: LocalDb, newInstallId: () => string): DeviceRow {
  db.insert(device).values({ id: 1, installId: newInstallId() }).onConflictDoNothing().run();
  db.insert(syncState).values({ id: 1 }).onConflictDoNothing().run();
  return db.select().from(device).where(eq(device.id, 1)).get()!;
}

export function getDevice(db: LocalDb): DeviceRow {
  return db.select().from(device).where(eq(device.id, 1)).get()!;
}

export function saveEnrollment(
  db: LocalDb,
  e: { serverUrl: string; deviceId: string; deviceCode: string; countyCode: string; token: string; enrolledAt: string },
): void {
  db.update(device).set(e).where(eq(device.id, 1)).run();
}

export function getSyncState(db: LocalDb): SyncStateRow {
  return db.select().from(syncState).where(eq(syncState.id, 1)).get()!;
}

export function recordSuccess(
  db: LocalDb,
  r: { ackedSeq: number; at: string; clockOffsetMs: number | null; rejected: { seq: number; code: string; message: string }[] },
): void {
  db.transaction((tx) => {
    tx.update(syncState)
      .set({ lastAckedSeq: r.ackedSeq, lastSuccessAt: r.at, lastAttemptAt: r.at, lastErrorCode: null, lastErrorMessage: null, clockOffsetMs: r.clockOffsetMs })
      .where(eq(syncState.id, 1))
      .run();
    for (const x of r.rejected) {
      tx.insert(syncRejection).values({ ...x, at: r.at }).onConflictDoNothing().run();
    }
  });
}

/** The city asked to resend from expectedSeq (seq_gap): move the pointer back, never past the outbox. */
export function rewindAck(db: LocalDb, ackedSeq: number): void {
  db.update(syncState).set({ lastAckedSeq: ackedSeq }).where(eq(syncState.id, 1)).run();
}

export function recordFailure(db: LocalDb, r: { at: string; code: string; message: string }): void {
  db.update(syncState)
    .set({ lastAttemptAt: r.at, lastErrorCode: r.code, lastErrorMessage: r.message })
    .where(eq(syncState.id, 1))
    .run();
}

/**
 * The latest refusals first (a long tail would not help anyone at the window), each with what
 * it was: the event's type and, when this window holds the matter it names, that matter.
 */
export function rejections(db: LocalDb) {
  const named = sql<string | null>`json_extract(${outbox.payload}, '$.matterId')`;
  return db
    .select({
      seq: syncRejection.seq,
      code: syncRejection.code,
      message: syncRejection.message,
      at: syncRejection.at,
      type: outbox.type,
      matterNo: matter.matterNo,
      matterId: matter.id,
    })
    .from(syncRejection)
    .leftJoin(outbox, eq(outbox.seq, syncRejection.seq))
    .leftJoin(matter, eq(matter.id, named))
    .orderBy(desc(syncRejection.seq))
    .limit(20)
    .all();
}
