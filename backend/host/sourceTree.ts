// Where the backend finds its parts when it runs from the source tree (dev:web, tests, bench):
// migrations, shipped data, and the worker entries that load TypeScript through tsx. The
// packaged app passes the bundled files' paths instead (electron/main).
import fs from 'node:fs';
import path from 'node:path';
import type { InitMessage } from './main';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function sourceTreeOptions(dataDir: string): Omit<InitMessage['options'], 'keys'> {
  return {
    dataDir,
    migrationsDir: path.join(ROOT, 'db/migrations'),
    resourcesDir: path.join(ROOT, 'resources'),
    appVersion: (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    documentWorker: { file: path.join(ROOT, 'backend/documents/renderWorker.dev.mjs') },
    readerWorker: { file: path.join(ROOT, 'backend/reader/readerWorker.dev.mjs') },
  };
}

/** The backend process's entry from the source tree. */
export const SOURCE_BACKEND_ENTRY = path.join(ROOT, 'backend/host/main.dev.mjs');
