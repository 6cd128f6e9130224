// A restore prepared by the backend (backend/backup/restore.ts) waits beside the store under its
// own name and takes the store's place when the store is next opened (db/open.ts), so the
// swap never happens under an open connection.
import fs from 'node:fs';

const PENDING = '.restore-pending';
export const pendingRestoreFile = (file: string) => `${file}${PENDING}`;

/**
 * Puts a prepared restore in place before the store opens: the store it replaces (with its WAL,
 * if a crash left one) is kept beside it, never deleted. A crash between the two renames leaves
 * no store and the pending copy: the next start finishes the swap.
 */
export function finishPendingRestore(file: string, now: Date = new Date()): boolean {
  const pending = pendingRestoreFile(file);
  if (!fs.existsSync(pending)) return false;
  if (fs.existsSync(file)) {
    const kept = `${file}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, kept + suffix);
    fs.renameSync(file, kept);
  }
  fs.renameSync(pending, file);
  return true;
}
