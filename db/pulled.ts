// Applies what the city sent down (reference data, 督办 notices, the termination register) in one
// local transaction, with the new cursor, so a crash mid-way leaves the old cursor and the pull simply repeats.
import { and, eq } from 'drizzle-orm';
import type { LocalDb } from './open';
import { matter, referenceData, supervision, syncState, terminationEntry } from './schema';

export interface PulledPage {
  cursor: string;
  reference: { key: string; value: unknown; updatedAt: string }[];
  supervision: { id: string; matterId: string; noticeNo: string; issuedBy: string; issuedAt: string; dueOn: string; content: string }[];
  /** The city's termination register (终结库): each entry replaces the one held for its matter. */
  terminations: (typeof terminationEntry.$inferInsert)[];
}

/** Returns how many notices concerned matters this device holds (others are another window's). */
export function applyPulledPage(db: LocalDb, page: PulledPage): { notices: number } {
  return db.transaction((tx) => {
    for (const r of page.reference) {
      const value = JSON.stringify(r.value);
      tx.insert(referenceData).values({ key: r.key, value, updatedAt: r.updatedAt }).onConflictDoUpdate({ target: referenceData.key, set: { value, updatedAt: r.updatedAt } }).run();
    }
    let notices = 0;
    for (const s of page.supervision) {
      if (!tx.select({ id: matter.id }).from(matter).where(eq(matter.id, s.matterId)).get()) continue;
      tx.insert(supervision).values({ ...s, origin: 'city' }).onConflictDoNothing().run();
      notices++;
    }
    for (const t of page.terminations) {
      const { matterId: _id, ...set } = t;
      tx.insert(terminationEntry).values(t).onConflictDoUpdate({ target: terminationEntry.matterId, set }).run();
    }
    tx.update(syncState).set({ pullCursor: page.cursor }).where(eq(syncState.id, 1)).run();
    return { notices };
  });
}

export function pulledReference(db: LocalDb, key: string): unknown {
  const row = db.select().from(referenceData).where(eq(referenceData.key, key)).get();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

/** Entries of the termination register still standing for a hashed 证件 number. */
export function terminationsOf(db: Pick<LocalDb, 'select'>, documentHash: string) {
  return db.select().from(terminationEntry).where(and(eq(terminationEntry.documentHash, documentHash), eq(terminationEntry.active, true))).all();
}
