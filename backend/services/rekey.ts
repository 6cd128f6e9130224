// Re-keying the store on demand (DESIGN.md §3), by the administrator: a new random key, the
// store re-encrypted under it, a new recovery code (the old printout stops working), and the
// host told to keep the new key in the OS keystore. The host hears of the key first and keeps the
// old one beside it (storeKey.ts), so a crash in between still opens the store with one of them.
// SQLCipher cannot re-key in WAL mode, so the store leaves WAL for the moment it takes; the
// reader worker's connection is closed first.
import type { LocalDb } from '../../db/open';
import { ok, type Result } from '../../domain/result';
import { newStoreKey } from '../host/storeKey';
import { writeRecovery } from './recovery';

export interface RekeyContext {
  db: LocalDb;
  dataDir: string;
  /** Closes every other connection to the store (the reader worker's) before the re-key. */
  quiesce: () => Promise<void>;
  /** The new key, for the host to keep and for connections opened from now on. */
  keyChanged: (key: string) => void;
}

export async function rekeyStore(ctx: RekeyContext): Promise<Result<{ recoveryCode: string }>> {
  const key = newStoreKey();
  await ctx.quiesce();
  ctx.keyChanged(key);
  const sqlite = ctx.db.$client;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma(`rekey = "x'${key}'"`);
  sqlite.pragma('journal_mode = WAL');
  return ok({ recoveryCode: await writeRecovery(ctx.dataDir, key) });
}
