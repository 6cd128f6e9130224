// Restoring a backup (issue #15), on this machine or on a new one. The copy is checked before
// anything changes: its checksum against the manifest, then opened with this store's key or,
// failing that, the county recovery code and the key file beside it, then integrity_check.
//
// Unsynced events are never dropped. A record's event (a registration, a step) is written with
// its rows in one transaction; merging the event without its rows would give a store that
// disagrees with what it sends, so for records the restore refuses instead:
// - a backup of this installation is refused while this store holds a record's event the city
//   has not acknowledged and the backup lacks (sync first, over the network or by USB file);
//   what the city has acknowledged, the outbox seq and the matter-number counters are carried
//   forward, so no seq or 信访件编号 the city already holds is issued again (db/storeCopy.ts);
// - a backup of another installation (a new machine) is refused while this store holds records
//   of its own that the city has not acknowledged, or is enrolled as a device of its own.
// The audit trail's lines are merged: each event holds the whole line, and every call adds one,
// so refusing for them would refuse every restore of a window that has not just synced.
// The restored copy is re-keyed to this machine's key, put beside the store, and swapped in at
// the next start (db/storeCopy.ts finishPendingRestore); the store it replaces is kept.
import fs from 'node:fs';
import path from 'node:path';
import { wrapStore, type LocalDb } from '../../db/open';
import { markAuditQueued, queueAuditForSync } from '../../db/audit';
import { pendingRestoreFile } from '../../db/pendingRestore';
import { appendEventsFrom, carryForward, openStoreFile, storeFacts, unacknowledged } from '../../db/storeCopy';
import type { BackupEntry } from '../../domain/backup/rpc';
import { err, type Result } from '../../domain/result';
import { recoverKey } from '../services/recovery';
import { BACKUP_DB, copySealedDirs, entryOf, readManifest, sha256File, watchSize } from './backupFiles';
import { fail, type BackupDeps, type Backups } from './backups';

export interface RestoreDeps extends BackupDeps {
  backups: Backups;
  dbFile: string;
  migrationsDir: string;
  /** The restore's own audit line, written into the restored copy (the old store is set aside). */
  auditInto: (copy: LocalDb, entry: BackupEntry) => void;
  /** The backend must reopen its store: the host starts it again. */
  requestRestart: () => void;
}

const migrationsKnown = (dir: string) => (JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

/** The key that opens the copy: this store's, or the one sealed under the recovery code beside it. */
async function keyFor(d: RestoreDeps, backupDir: string, copy: string, ids: string[], code: string | undefined) {
  const mine = await d.reader.store('store.check', { file: copy, key: d.key(), ids });
  if (mine.ok || mine.code !== 'backup_key_wrong') return { key: d.key(), check: mine };
  if (!code) return { key: d.key(), check: err(mine.code, mine.message, 'recoveryCode') };
  const recovered = await recoverKey(backupDir, code);
  if (!recovered.ok) return { key: d.key(), check: { ...recovered, field: 'recoveryCode' } };
  return { key: recovered.value, check: await d.reader.store('store.check', { file: copy, key: recovered.value, ids }) };
}

export function restoreBackup(d: RestoreDeps, input: { path: string; recoveryCode?: string }): Promise<Result<{ restored: BackupEntry; restart: true }>> {
  return d.backups.exclusive(async () => {
    const manifest = readManifest(input.path);
    if (!manifest) throw fail('backup_not_found', `这里没有完整的备份：${input.path}`);
    const entry = entryOf(input.path, manifest);
    const copy = `${d.dbFile}.restore-tmp`;
    fs.rmSync(copy, { force: true });
    try {
      d.backups.progress({ phase: 'restore', done: 0, total: manifest.bytes });
      const stop = watchSize(copy, (bytes) => d.backups.progress({ phase: 'restore', done: Math.min(bytes, manifest.bytes), total: manifest.bytes }));
      await fs.promises.copyFile(path.join(input.path, BACKUP_DB), copy).finally(stop);
      d.backups.progress({ phase: 'check', done: 0, total: 1 });
      if ((await sha256File(copy)) !== manifest.sha256) throw fail('backup_damaged', '备份文件已损坏（校验和不符），不能用它恢复');

      // The audit lines not yet queued for the city join the outbox now, to be merged below.
      queueAuditForSync(d.db);
      const current = storeFacts(d.db.$client);
      const sameInstall = manifest.installId === current.installId;
      const waiting = unacknowledged(d.db.$client);
      const { key, check } = await keyFor(d, input.path, copy, waiting.map((e) => e.id), input.recoveryCode);
      if (!check.ok) throw fail(check.code, check.message, check.field);
      const { problems, facts, missing } = check.value;
      if (problems.length > 0) throw fail('backup_damaged', `备份未通过完整性检查：${problems[0]}`);
      if (facts.migrations > migrationsKnown(d.migrationsDir)) throw fail('backup_newer', '这份备份来自更新版本的程序，请先升级本机程序再恢复');
      const lacking = new Set(missing);
      const records = waiting.filter((e) => !e.audit && (!sameInstall || lacking.has(e.id)));
      if (sameInstall && records.length > 0) {
        throw fail('restore_would_drop', `本机还有 ${records.length} 条记录尚未被市级确认，而这份备份中没有：恢复会丢失它们。请先同步（联网或U盘文件）后再恢复。`);
      }
      if (!sameInstall && (records.length > 0 || current.enrolled)) {
        throw fail('restore_other_device', '这份备份属于另一台窗口电脑，而本机已有自己的记录或已注册为设备：恢复会覆盖它们，已拒绝。');
      }

      if (key !== d.key()) {
        const rekeyed = await d.reader.store('store.rekey', { file: copy, fromKey: key, key: d.key() });
        if (!rekeyed.ok) throw fail(rekeyed.code, rekeyed.message);
      }
      const sqlite = openStoreFile(copy, d.key(), false);
      try {
        const hasAudit = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'audit_log'").get() !== undefined;
        if (sameInstall) {
          carryForward(sqlite, d.db.$client);
          if (hasAudit) markAuditQueued(wrapStore(sqlite));
        }
        appendEventsFrom(sqlite, d.db.$client, waiting.filter((e) => e.audit && lacking.has(e.id)).map((e) => e.id));
        if (hasAudit) d.auditInto(wrapStore(sqlite), entry);
      } finally {
        sqlite.close();
      }
      d.backups.progress({ phase: 'files', done: 0, total: 1 });
      await copySealedDirs(input.path, d.dataDir);
      fs.renameSync(copy, pendingRestoreFile(d.dbFile));
    } catch (e) {
      fs.rmSync(copy, { force: true });
      throw e;
    }
    d.requestRestart();
    return { value: { restored: entry, restart: true as const }, path: input.path };
  });
}
