// Opens the city database: PostgreSQL when a URL is given, otherwise embedded PGlite (a data
// directory, or in memory). Migrations from server/store/migrations are applied before it is returned.
// Both drivers are exposed as the one PgDatabase type, so every query is written once.
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { is } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg, NodePgDatabase, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type CityDb = PgDatabase<PgQueryResultHKT, typeof schema>;

/** node-postgres sends a Buffer parameter as binary, which jsonb reads; PGlite takes parameters as text. */
export function takesJsonbBytes(db: CityDb): boolean {
  return is(db, NodePgDatabase) || is(db, NodePgTransaction);
}

export interface CityDbHandle {
  db: CityDb;
  /** Safe to call more than once. */
  close(): Promise<void>;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= fn());
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Arbitrary constant: serialises migrations when several server instances start on one PostgreSQL.
const MIGRATION_LOCK_KEY = 780_913_224;

export async function openCityDb(opts: { databaseUrl?: string; dataDir?: string } = {}): Promise<CityDbHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir);
}

async function openPostgres(databaseUrl: string): Promise<CityDbHandle> {
  // drizzle's migrator takes no lock of its own; a session advisory lock needs one dedicated connection.
  const migrator = new pg.Client({ connectionString: databaseUrl });
  await migrator.connect();
  try {
    await migrator.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrateNodePg(drizzleNodePg({ client: migrator }), { migrationsFolder });
  } finally {
    await migrator.end();
  }
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle connection dropped by the server is replaced at the next checkout; without a listener
  // the 'error' event would crash the process.
  pool.on('error', () => {});
  return { db: drizzleNodePg({ client: pool, schema }), close: once(() => pool.end()) };
}

async function openPglite(dataDir: string | undefined): Promise<CityDbHandle> {
  const client = new PGlite(dataDir);
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder });
  return { db, close: once(() => client.close()) };
}
