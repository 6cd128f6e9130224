// Backups of the store (issue #15): one click to the folder the administrator chose (a USB drive,
// say), a daily one there too, the newest `keep` of those kept. The copy is made by the reader
// worker from its own read connection (storeOps.ts), so registrations at the window never wait
// for it; this side only watches the file grow, for the progress shown, and puts the backup
// folder together. One backup or restore at a time.
import fs from 'node:fs';
import path from 'node:path';
import type { LocalDb } from '../../db/open';
import { getSetting, putSetting } from '../../db/settings';
import { liveBytes } from '../../db/storeCopy';
import { DEFAULT_KEEP_DAILY, type BackupEntry, type BackupProgress, type BackupStatus } from '../../domain/backup/rpc';
import { err, ok, type Result } from '../../domain/result';
import type { Reader } from '../reader/reader';
import { RECOVERY_FILE } from '../services/recovery';
import { BACKUP_DB, backupName, copySealedDirs, entryOf, listBackups, MANIFEST, partialName, pruneDaily, sha256File, watchSize, type Manifest } from './backupFiles';

const SETTINGS_KEY = 'backup_settings';
const LAST_KEY = 'backup_last';
const LAST_DAILY_KEY = 'backup_last_daily_at';
const DAY_MS = 24 * 3600 * 1000;

interface Settings {
  folder: string | null;
  daily: boolean;
  keep: number;
}

export interface BackupDeps {
  db: LocalDb;
  dataDir: string;
  reader: Pick<Reader, 'store'>;
  /** The store's current key (a re-key changes it). */
  key: () => string;
  now: () => Date;
  log: (msg: string, detail?: unknown) => void;
}

/** What a failed step says to the administrator, and the error kept as the last outcome. */
class BackupFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
export const fail = (code: string, message: string, field?: string) => new BackupFailure(code, message, field);

export function createBackups(d: BackupDeps) {
  let running: BackupProgress | null = null;

  const settings = (): Settings => ({ folder: null, daily: false, keep: DEFAULT_KEEP_DAILY, ...(getSetting(d.db, SETTINGS_KEY) as Partial<Settings> | undefined) });

  function status(): BackupStatus {
    const s = settings();
    return {
      folder: s.folder,
      daily: s.daily,
      keep: s.keep,
      lastDailyAt: (getSetting(d.db, LAST_DAILY_KEY) as string | undefined) ?? null,
      running,
      last: (getSetting(d.db, LAST_KEY) as BackupStatus['last'] | undefined) ?? null,
    };
  }

  /** Runs `work` as the one backup or restore under way, keeping its outcome as the last one. */
  async function exclusive<T>(work: () => Promise<{ value: T; path: string | null }>): Promise<Result<T>> {
    if (running) return err('backup_busy', '正在进行另一次备份或恢复，请等它完成');
    running = { phase: 'copy', done: 0, total: 0 };
    const at = d.now().toISOString();
    try {
      const { value, path: where } = await work();
      putSetting(d.db, LAST_KEY, { at, ok: true, path: where, message: null });
      return ok(value);
    } catch (e) {
      const failure = e instanceof BackupFailure ? e : fail('backup_failed', `备份失败：${e instanceof Error ? e.message : String(e)}`);
      if (!(e instanceof BackupFailure)) d.log('backup failed', e);
      putSetting(d.db, LAST_KEY, { at, ok: false, path: null, message: failure.message });
      return err(failure.code, failure.message, failure.field);
    } finally {
      running = null;
    }
  }

  const progress = (p: BackupProgress) => {
    running = p;
  };

  /** A consistent copy of the store in a new backup folder under the chosen one. */
  async function makeBackup(kind: Manifest['kind']): Promise<{ value: BackupEntry; path: string }> {
    const { folder } = settings();
    if (!folder) throw fail('backup_folder_unset', '请先选择备份位置（文件夹或U盘）');
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw fail('backup_folder_missing', `备份位置不可用：${folder}（U盘是否已插好？）`);
    const at = d.now();
    const partial = path.join(folder, partialName(at));
    fs.mkdirSync(partial);
    try {
      const target = path.join(partial, BACKUP_DB);
      const total = liveBytes(d.db.$client);
      progress({ phase: 'copy', done: 0, total });
      const stop = watchSize(target, (bytes) => progress({ phase: 'copy', done: Math.min(bytes, total), total }));
      const copied = await d.reader.store('store.copy', { target }).finally(stop);
      if (!copied.ok) throw fail(copied.code, copied.message);
      progress({ phase: 'check', done: 0, total: 1 });
      const check = await d.reader.store('store.check', { file: target, key: d.key(), ids: [] });
      if (!check.ok) throw fail(check.code, check.message);
      if (check.value.problems.length > 0) throw fail('backup_damaged', `备份副本校验未通过：${check.value.problems[0]}`);
      progress({ phase: 'files', done: 0, total: 1 });
      fs.copyFileSync(path.join(d.dataDir, RECOVERY_FILE), path.join(partial, RECOVERY_FILE));
      await copySealedDirs(d.dataDir, partial);
      const f = check.value.facts;
      const manifest: Manifest = {
        format: 'xinfang-backup',
        version: 1,
        createdAt: at.toISOString(),
        kind,
        installId: f.installId,
        deviceId: f.deviceId,
        deviceCode: f.deviceCode,
        countyCode: f.countyCode,
        lastSeq: f.lastSeq,
        ackedSeq: f.ackedSeq,
        matters: f.matters,
        bytes: fs.statSync(target).size,
        sha256: await sha256File(target),
      };
      fs.writeFileSync(path.join(partial, MANIFEST), JSON.stringify(manifest, null, 2), { flush: true });
      const dir = path.join(folder, backupName(at, kind));
      fs.renameSync(partial, dir);
      if (kind === 'daily') {
        putSetting(d.db, LAST_DAILY_KEY, manifest.createdAt);
        pruneDaily(folder, f.installId, settings().keep);
      }
      return { value: entryOf(dir, manifest), path: dir };
    } catch (e) {
      fs.rmSync(partial, { recursive: true, force: true });
      throw e;
    }
  }

  return {
    status,
    /** Marks the restore (restore.ts) as the one operation under way. */
    exclusive,
    progress,
    configure(s: Settings): BackupStatus {
      putSetting(d.db, SETTINGS_KEY, s);
      return status();
    },
    create: (kind: Manifest['kind'] = 'manual') => exclusive(() => makeBackup(kind)),
    list(folder?: string): BackupEntry[] {
      const where = folder ?? settings().folder;
      return where ? listBackups(where).map((b) => entryOf(b.dir, b.manifest)) : [];
    },
    /** The daily backup, when it is switched on and the last one is a day old. */
    async dailyDue(): Promise<Result<BackupEntry> | null> {
      const s = settings();
      const last = getSetting(d.db, LAST_DAILY_KEY) as string | undefined;
      if (!s.daily || !s.folder || running) return null;
      if (last && d.now().getTime() - Date.parse(last) < DAY_MS) return null;
      return exclusive(() => makeBackup('daily'));
    },
  };
}
export type Backups = ReturnType<typeof createBackups>;
