// The columns the full register (台账) filters on, as its indexes in schema.ts hold them after
// each order's own columns (db/register.ts registerWhere reads them): a page walks one index and
// reads only the rows it shows.
import { sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { FLAG_KEYS, type Flags } from '../domain/intake/flags';

/** What the register filters on (db/register.ts registerWhere), in the order of its indexes. */
export function registerFilterColumns(t: {
  [K in 'status' | 'categoryCode' | 'placeRegion' | 'channel' | 'receivedOn' | 'nextStep' | 'nextDue' | 'lifecycle' | 'voidedAt' | keyof Flags]: AnySQLiteColumn;
}) {
  return [
    t.status,
    t.categoryCode,
    t.placeRegion,
    t.channel,
    t.receivedOn,
    t.nextStep,
    t.nextDue,
    ...FLAG_KEYS.map((k) => t[k]),
    sql`json_extract(${t.lifecycle}, '$.class')`,
    sql`json_extract(${t.lifecycle}, '$.route')`,
    sql`json_extract(${t.lifecycle}, '$.body')`,
    t.voidedAt,
  ] as const;
}

/** The nine flag columns of a table that holds them, by the flags' names: a query's projection of them. */
export function flagColumns<T extends { [K in keyof Flags]: AnySQLiteColumn }>(t: T): Pick<T, keyof Flags> {
  return Object.fromEntries(FLAG_KEYS.map((k) => [k, t[k]])) as Pick<T, keyof Flags>;
}
