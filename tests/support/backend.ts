// A backend on a real SQLite file in a fresh temp folder, as the app runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkCharacter } from '../../domain/identity/residentId';
import { createBackend, type BackendOptions } from '../../backend/services/backend';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../db/migrations');
export const RESOURCES_DIR = path.resolve(import.meta.dirname, '../../resources');
/** The document worker from source, as dev:web runs it. */
export const DOCUMENT_WORKER = { file: path.resolve(import.meta.dirname, '../../backend/documents/renderWorker.dev.mjs') };

export function tempDir(prefix = 'xf-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The test city listens on http://127.0.0.1, so plain http is allowed unless a test says otherwise. */
export function testBackend(o: Partial<BackendOptions> = {}) {
  const dataDir = o.dataDir ?? tempDir();
  const sync = { allowInsecure: true, ...o.sync };
  return createBackend({ dataDir, migrationsDir: MIGRATIONS_DIR, resourcesDir: RESOURCES_DIR, documentWorker: DOCUMENT_WORKER, log: () => {}, ...o, sync });
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
