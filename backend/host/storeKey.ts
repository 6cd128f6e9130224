// Where the store's key comes from. In the app, Electron's main process keeps it wrapped by the
// OS keystore (electron/main/keystore.ts) and gives it to the backend process at start. In
// dev:web the key sits in a file in the data folder (`dev-db-key`, readable by this user only)
// or comes from XF_DB_KEY: development only, since a key beside its data protects nothing. A
// new installation gets a fresh random key; the backend reports it so the host keeps it. The
// host keeps the key before last too, so a re-key cut short by a crash still opens the store.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const newStoreKey = (): string => randomBytes(32).toString('hex');

export interface KeyKeeper {
  /** The keys kept for this data folder, the newest first (none on a new installation). */
  read(): string[];
  /** Keeps `key` as the newest, and the one it replaces as the one before. */
  save(key: string): void;
}

/** The newest key first and the one before it; the same key twice is kept once. */
export const keysAfterSaving = (kept: string[], key: string): string[] => [key, ...kept.filter((k) => k !== key)].slice(0, 2);

export function devKeyKeeper(dataDir: string, env: NodeJS.ProcessEnv = process.env): KeyKeeper {
  const file = path.join(dataDir, 'dev-db-key');
  const kept = (): string[] => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split(/\s+/).filter(Boolean) : []);
  return {
    read: () => (env.XF_DB_KEY ? [env.XF_DB_KEY] : kept()),
    save: (key) => {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, keysAfterSaving(kept(), key).join('\n'), { mode: 0o600 });
    },
  };
}
