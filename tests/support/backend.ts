// A backend on a real SQLite file in a fresh temp folder, as the app runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type BackendOptions } from '../../electron/services/backend';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../db/migrations');

export function tempDir(prefix = 'xf-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function testBackend(o: Partial<BackendOptions> = {}) {
  const dataDir = o.dataDir ?? tempDir();
  return createBackend({ dataDir, migrationsDir: MIGRATIONS_DIR, log: () => {}, ...o });
}

/** A valid 18-digit number with a computed check character, for any birth date and sequence. */
export const VALID_ID = '11010519491231002X';
export const validVisit = {
  name: '张三',
  idNumber: VALID_ID,
  phone: '13800138000',
  address: '河南省郑州市中原区建设路1号',
  headcount: 1,
  summary: '反映小区供暖不达标问题，请求协调解决',
};
