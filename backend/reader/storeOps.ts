// Work on whole copies of the store that the reader worker does for backup and restore (issue
// #15): the copy itself, and the checks of a copy (integrity, facts, which events it holds) and
// its re-key. Heavy, so off the backend's thread and its writing connection; not RPC methods of
// their own (the backup services call them), so apart from the reader's handlers.
import { WrongKeyError, type LocalDb } from '../../db/open';
import { copyStoreInto, integrityProblems, missingEvents, openStoreFile, rekeyFile, storeFacts, type StoreFacts } from '../../db/storeCopy';
import { err, ok, type Result } from '../../domain/result';

export interface CopyCheck {
  problems: string[];
  facts: StoreFacts;
  /** Which of the ids asked about the copy does not hold. */
  missing: string[];
}

export interface StoreOps {
  /** A consistent, encrypted copy of the store at `target`. */
  'store.copy': (input: { target: string }) => Result<null>;
  /** A copy's integrity and facts, opened with `key`. */
  'store.check': (input: { file: string; key: string; ids: string[] }) => Result<CopyCheck>;
  /** A copy re-encrypted from `fromKey` to `key`. */
  'store.rekey': (input: { file: string; fromKey: string; key: string }) => Result<null>;
}
export type StoreOp = keyof StoreOps;

export function storeOps(db: () => LocalDb): StoreOps {
  return {
    'store.copy': ({ target }) => {
      copyStoreInto(db().$client, target);
      return ok(null);
    },
    'store.check': ({ file, key, ids }) => {
      let sqlite;
      try {
        sqlite = openStoreFile(file, key, true);
      } catch (e) {
        if (e instanceof WrongKeyError) return err('backup_key_wrong', '本机密钥打不开这份备份：请填写备份所属窗口的恢复密钥');
        throw e;
      }
      try {
        return ok({ problems: integrityProblems(sqlite), facts: storeFacts(sqlite), missing: missingEvents(sqlite, ids) });
      } finally {
        sqlite.close();
      }
    },
    'store.rekey': ({ file, fromKey, key }) => {
      rekeyFile(file, fromKey, key);
      return ok(null);
    },
  };
}

export const isStoreOp = (m: string): m is StoreOp => m === 'store.copy' || m === 'store.check' || m === 'store.rekey';
