// The store's keys in the app, wrapped by the OS keystore through Electron's safeStorage (DPAPI
// on Windows, the keychain or libsecret elsewhere) in a file beside the data that only this user
// can read. Without a working keystore (keystoreTrust.ts: on Linux, one with no secret service
// counts as none) the app refuses to keep a key in the clear: the county recovery code still
// opens the store (backend/services/recovery.ts).
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { keysAfterSaving, type KeyKeeper } from '../../backend/host/storeKey';
import { keystoreProtects } from './keystoreTrust';

export function keystoreKeeper(userData: string): KeyKeeper {
  const file = path.join(userData, 'xinfang.keys');
  const kept = (): string[] => {
    if (!fs.existsSync(file)) return [];
    const wrapped = JSON.parse(fs.readFileSync(file, 'utf8')) as string[];
    return wrapped.map((w) => safeStorage.decryptString(Buffer.from(w, 'base64')));
  };
  const usable = () => keystoreProtects(process.platform, safeStorage.isEncryptionAvailable(), () => safeStorage.getSelectedStorageBackend());
  return {
    read: () => (usable() ? kept() : []),
    save: (key) => {
      if (!usable()) throw new Error('the OS keystore is not available: the store key is not kept');
      const wrapped = keysAfterSaving(kept(), key).map((k) => safeStorage.encryptString(k).toString('base64'));
      fs.writeFileSync(file, JSON.stringify(wrapped), { mode: 0o600 });
    },
  };
}
