// What makes a matter the work queue's: open (not settled) and not voided. One expression for the
// queue's partial index (schema.ts) and its queries (db/queue.ts): SQLite uses a partial index
// only when the query's WHERE holds the index's own terms, so both are built here, with the
// states written as literals rather than bound parameters.
import { sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { SETTLED_STATES } from '../domain/matters/states';

const SETTLED_LIST = sql.raw(SETTLED_STATES.map((s) => `'${s}'`).join(', '));

export const openMatter = (t: { status: AnySQLiteColumn; voidedAt: AnySQLiteColumn }): SQL => sql`${t.status} NOT IN (${SETTLED_LIST}) AND ${t.voidedAt} IS NULL`;
