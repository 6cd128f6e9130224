// Migrations are append-only and additive once released (DESIGN.md §3): township machines
// upgrade late, and drizzle's migrator silently skips a reordered or edited migration.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localSchema, migrationHashes } from '../../scripts/lock-migrations';
import { MIGRATIONS_DIR, TEST_KEY } from '../support/backend';

const lock = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/local-schema.lock.json'), 'utf8')) as {
  migrations: { tag: string; sha256: string }[];
  schema: Record<string, string[]>;
};

describe('local store migrations', () => {
  it('keep every released migration unchanged and in order (new ones may only be appended)', () => {
    const now = migrationHashes(MIGRATIONS_DIR);
    expect(now.slice(0, lock.migrations.length)).toEqual(lock.migrations);
  });

  it('keep every released table and column (additive only)', () => {
    const now = localSchema(MIGRATIONS_DIR);
    for (const [table, columns] of Object.entries(lock.schema)) {
      expect(now[table], `table ${table}`).toBeDefined();
      for (const c of columns) expect(now[table], `column ${table}.${c}`).toContain(c);
    }
  });
});

describe('opening a store with a pending migration', () => {
  it('copies the database file aside before migrating, and keeps the data', async () => {
    const { openLocalDb } = await import('../../db/open');
    const os = await import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-migrate-'));
    const file = path.join(dir, 'x.db');
    const first = openLocalDb({ file, migrationsDir: MIGRATIONS_DIR, key: TEST_KEY });
    first.$client.prepare("INSERT INTO setting (key, value) VALUES ('k', '1')").run();
    first.$client.close();

    // A later release: the same migrations plus one more.
    const next = path.join(dir, 'migrations');
    fs.cpSync(MIGRATIONS_DIR, next, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(next, 'meta/_journal.json'), 'utf8'));
    journal.entries.push({ ...journal.entries.at(-1), idx: journal.entries.length, when: Date.now(), tag: '9999_test_extra' });
    fs.writeFileSync(path.join(next, 'meta/_journal.json'), JSON.stringify(journal));
    fs.writeFileSync(path.join(next, '9999_test_extra.sql'), 'CREATE TABLE `extra` (`id` integer PRIMARY KEY);');

    const again = openLocalDb({ file, migrationsDir: next, key: TEST_KEY });
    expect(again.$client.prepare("SELECT value FROM setting WHERE key = 'k'").get()).toEqual({ value: '1' });
    expect(again.$client.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ name: 'extra' });
    again.$client.close();
    expect(fs.readdirSync(dir).filter((f) => f.includes('.before-migration-'))).toHaveLength(1);
  });
});
