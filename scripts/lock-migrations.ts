// Records the released migrations (their file hashes) and the schema they produce, so
// tests/integration/schemaSnapshot.test.ts can refuse an edited migration or a dropped column.
// Run after adding a migration that is being released: `npx tsx scripts/lock-migrations.ts`.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newStoreKey } from '../backend/host/storeKey';
import { openLocalDb } from '../db/open';

const root = path.resolve(import.meta.dirname, '..');

export function migrationHashes(dir: string): { tag: string; sha256: string }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => ({ tag: e.tag, sha256: createHash('sha256').update(fs.readFileSync(path.join(dir, `${e.tag}.sql`))).digest('hex') }));
}

export function localSchema(migrationsDir: string): Record<string, string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-schema-'));
  const db = openLocalDb({ file: path.join(dir, 'x.db'), migrationsDir, key: newStoreKey() });
  const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as { name: string }[];
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    out[name] = (db.$client.prepare(`PRAGMA table_info(${JSON.stringify(name)})`).all() as { name: string; type: string }[]).map((c) => `${c.name} ${c.type}`);
  }
  db.$client.close();
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const migrationsDir = path.join(root, 'db/migrations');
  const lock = { migrations: migrationHashes(migrationsDir), schema: localSchema(migrationsDir) };
  fs.writeFileSync(path.join(root, 'tests/fixtures/local-schema.lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`locked ${lock.migrations.length} migrations, ${Object.keys(lock.schema).length} tables`);
}
