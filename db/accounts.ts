// Queries of the staff accounts (db/schema.ts staffAccount).
import { asc, count, eq } from 'drizzle-orm';
import type { LocalDb } from './open';
import { staffAccount } from './schema';

export type AccountRow = typeof staffAccount.$inferSelect;

export const accountCount = (db: LocalDb): number => db.select({ n: count() }).from(staffAccount).get()!.n;
export const accountByNo = (db: LocalDb, userNo: string) => db.select().from(staffAccount).where(eq(staffAccount.userNo, userNo)).get();
export const accountById = (db: LocalDb, id: string) => db.select().from(staffAccount).where(eq(staffAccount.id, id)).get();
export const allAccounts = (db: LocalDb) => db.select().from(staffAccount).orderBy(asc(staffAccount.createdAt)).all();

export function insertAccount(db: LocalDb, row: AccountRow): void {
  db.insert(staffAccount).values(row).run();
}

export function updateAccount(db: LocalDb, id: string, set: Partial<Omit<AccountRow, 'id' | 'createdAt'>>): void {
  db.update(staffAccount).set(set).where(eq(staffAccount.id, id)).run();
}
