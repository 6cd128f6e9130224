// The city schema (server/store/schema.ts) and its migrations say the same thing: a change to the
// schema without its migration would leave every database behind it (as a renamed index once did).
import { readFileSync } from 'node:fs';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { expect, it } from 'vitest';
import * as schema from '../../server/store/schema';

const meta = new URL('../../server/store/migrations/meta/', import.meta.url);

it('has a migration for every change of the schema (npm run server:generate finds nothing to do)', async () => {
  const journal = JSON.parse(readFileSync(new URL('_journal.json', meta), 'utf8')) as { entries: { idx: number }[] };
  const last = String(journal.entries.at(-1)!.idx).padStart(4, '0');
  const migrated = JSON.parse(readFileSync(new URL(`${last}_snapshot.json`, meta), 'utf8'));
  expect(await generateMigration(migrated, generateDrizzleJson(schema))).toEqual([]);
});
