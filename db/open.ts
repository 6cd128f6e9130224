// Opens the local store: encrypted with a SQLCipher-compatible cipher (DESIGN.md §3, §6), pragmas
// for durability, a backup copy before any pending migration, then drizzle's migrator (one
// transaction). The only place that knows the file layout.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { finishPendingRestore } from './pendingRestore';

export type LocalDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

function pendingMigrations(sqlite: Database.Database, migrationsDir: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  const has = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'")
    .get();
  const applied = has ? (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n : 0;
  return journal.entries.length - applied;
}

export interface OpenOptions {
  file: string;
  /** db/migrations in the source tree; the packaged app passes its own copy's path. */
  migrationsDir: string;
  /** The database key: 32 random bytes as 64 hex digits (backend/host/storeKey.ts). */
  key: string;
}

/** Thrown when the key does not open the file: a wrong key, or a file that is not a store. */
export class WrongKeyError extends Error {}

const KEY_RE = /^[0-9a-f]{64}$/;

/**
 * Keys the connection. SQLCipher 4's format (`legacy=4`), chosen before the key as the cipher
 * library requires; a raw 256-bit key, so no passphrase derivation runs at each open. Reading
 * the schema proves the key: SQLite only finds out at the first page it reads.
 */
export function applyKey(sqlite: Database.Database, key: string): void {
  if (!KEY_RE.test(key)) throw new Error('database key must be 64 hex digits');
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${key}'"`);
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    sqlite.close();
    throw new WrongKeyError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * WAL pages the writer lets gather before it checkpoints them itself, inside a commit. The reader
 * worker checkpoints long before that on its own connection (openCheckpointer): at a million
 * matters a commit that also checkpointed took 10–14 ms at p99, one that does not about half.
 * This is the fallback should nothing else checkpoint.
 */
export const WRITER_CHECKPOINT_PAGES = 10_000;

export function openLocalDb({ file, migrationsDir, key }: OpenOptions): LocalDb {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // A restore prepared before the last stop (backend/backup/restore.ts) takes its place now.
  finishPendingRestore(file);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  const sqlite = new Database(file);
  // The key first, then WAL: WAL set before the key breaks a new file (TOOLCHAIN.md).
  applyKey(sqlite, key);
  sqlite.pragma('journal_mode = WAL');
  // better-sqlite3 defaults WAL to NORMAL on reopen; a registration must survive a power cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
  if (existed && pendingMigrations(sqlite, migrationsDir) > 0) {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    fs.copyFileSync(file, `${file}.before-migration-${stamp}.bak`);
  }
  const db = drizzle(sqlite, { schema });
  try {
    // One transaction for every pending migration: a failure rolls them all back.
    migrate(db, { migrationsFolder: migrationsDir });
  } catch (e) {
    // Closed, so nothing of this attempt stays beside the file (WAL) or holds it open.
    sqlite.close();
    throw e;
  }
  return db as LocalDb;
}

/** drizzle over a connection opened elsewhere (a restored copy, db/storeCopy.ts). */
export const wrapStore = (sqlite: Database.Database): LocalDb => drizzle(sqlite, { schema }) as LocalDb;

/**
 * A second, read-only connection to the same file, for long reads off the writer's thread
 * (the reader worker): WAL lets it read a consistent snapshot while the desk keeps writing.
 */
export function openReadOnlyDb(file: string, key: string): LocalDb {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  applyKey(sqlite, key);
  sqlite.pragma('busy_timeout = 5000');
  return drizzle(sqlite, { schema }) as LocalDb;
}

/**
 * A connection that only checkpoints the WAL into the store, for a timer off the writer's thread
 * (the reader worker's). PASSIVE never waits for the writer or a reader, nor holds them up: it
 * copies what it can and leaves the rest for the next tick.
 */
export function openCheckpointer(file: string, key: string): { checkpoint: () => void } {
  const sqlite = new Database(file, { fileMustExist: true });
  applyKey(sqlite, key);
  // The store's pages are synced to disk after each checkpoint, as the writer's commits are.
  sqlite.pragma('synchronous = FULL');
  return { checkpoint: () => void sqlite.pragma('wal_checkpoint(PASSIVE)') };
}
