// A backend on a real SQLite file in a fresh temp folder, as the app runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkCharacter } from '../../domain/identity/residentId';
import { sourceTreeOptions } from '../../backend/host/sourceTree';
import { createBackend, type BackendOptions } from '../../backend/services/backend';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../db/migrations');

export function tempDir(prefix = 'xf-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * The backend's services in this test's own process, for tests that look inside (the store, the
 * sync engine). The backend as its own process is tests/integration/backendProcess.test.ts.
 */
export function testBackend(o: Partial<BackendOptions> = {}) {
  return createBackend({ ...sourceTreeOptions(o.dataDir ?? tempDir()), log: () => {}, ...o });
}

/** A valid 18-digit number with a computed check character, for any birth date and sequence. */
export const VALID_ID = '11010519491231002X';
export const validVisit = {
  visitor: {
    credential: { type: 'resident', number: VALID_ID },
    name: '张三',
    mobile: '13800138000',
    current: { region: '410102', detail: '建设路1号院3号楼' },
  },
  headcount: 1,
  categoryCode: '0101',
  placeRegion: '410102',
  summary: '反映小区供暖不达标问题，请求协调解决',
};

/** A resident ID number for any birth date and sequence, with its check character computed. */
export function residentId(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
