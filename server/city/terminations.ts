// The city's termination register (终结库): a matter enters it when a window terminates it or
// imports it terminated, and leaves it (inactive, so devices learn that too) when the
// termination is withdrawn (撤回) or the registration voided. Every change takes the next value
// of the change counter, inside the caller's transaction, for the pull cursor (store/changes.ts).
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import { terminationHashInput, type TerminationEntry } from '../../domain/records/terminationRegister';
import { nextChange } from '../store/changes';
import type { CityDb } from '../store/db';
import { terminationRegister } from '../store/schema';

export interface TerminatedMatter {
  matterId: string;
  matterNo: string;
  countyCode: string;
  idNumber: string;
  receivedAt: Date;
  terminatedOn: string;
}

export async function enterTermination(tx: CityDb, m: TerminatedMatter): Promise<void> {
  const row = {
    matterId: m.matterId,
    matterNo: m.matterNo,
    countyCode: m.countyCode,
    documentHash: createHash('sha256').update(terminationHashInput(m.idNumber)).digest('hex'),
    receivedOn: chinaDateOf(m.receivedAt.toISOString()),
    terminatedOn: m.terminatedOn,
    active: true,
    changeSeq: await nextChange(tx),
  };
  const { matterId: _id, ...set } = row;
  await tx.insert(terminationRegister).values(row).onConflictDoUpdate({ target: terminationRegister.matterId, set });
}

/** Takes a matter out of the register, if it is there. */
export async function leaveTermination(tx: CityDb, matterId: string): Promise<void> {
  const [held] = await tx.select({ active: terminationRegister.active }).from(terminationRegister).where(eq(terminationRegister.matterId, matterId));
  if (!held?.active) return;
  await tx.update(terminationRegister).set({ active: false, changeSeq: await nextChange(tx) }).where(eq(terminationRegister.matterId, matterId));
}

export const toTerminationEntry = (r: typeof terminationRegister.$inferSelect): TerminationEntry => ({
  matterId: r.matterId,
  matterNo: r.matterNo,
  countyCode: r.countyCode,
  documentHash: r.documentHash,
  receivedOn: r.receivedOn,
  terminatedOn: r.terminatedOn,
  active: r.active,
});
