// The change counter behind the pull cursor (DESIGN.md §4). A writer takes the next value inside
// its own transaction by updating the one counter row; the row lock holds every other writer
// until it commits, so changes commit in counter order and a reader's snapshot always holds a
// gapless prefix 1..n of them. That is what lets a cursor be a plain number without ever
// skipping a row committed late.
import { sql } from 'drizzle-orm';
import type { CityDb } from './db';
import { HttpError } from '../http/errors';
import { changeCounter } from './schema';

/** Call inside the transaction that writes the changed row. */
export async function nextChange(tx: CityDb): Promise<number> {
  const [row] = await tx
    .insert(changeCounter)
    .values({ id: 1, value: 1 })
    .onConflictDoUpdate({ target: changeCounter.id, set: { value: sql`${changeCounter.value} + 1` } })
    .returning({ value: changeCounter.value });
  return row!.value;
}

export async function currentChange(tx: CityDb): Promise<number> {
  const [row] = await tx.select({ value: changeCounter.value }).from(changeCounter);
  return row?.value ?? 0;
}

// 'c1.' names the format, so a later cursor format can still read an old device's cursor.
const PREFIX = 'c1.';

export function encodeCursor(change: number): string {
  return PREFIX + change.toString(36);
}

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const n = cursor.startsWith(PREFIX) ? parseInt(cursor.slice(PREFIX.length), 36) : NaN;
  if (!/^[0-9a-z]+$/.test(cursor.slice(PREFIX.length)) || !Number.isSafeInteger(n)) {
    throw new HttpError(400, 'invalid_cursor', '同步游标无效 / invalid cursor');
  }
  return n;
}
