// Upgrades (issue 15 item 3): a store made at every earlier schema version (the fixtures of
// scripts/build-upgrade-fixtures.ts) opens in today's app with every row it held, its waiting
// events still waiting, and the desk working on it; a migration that fails leaves the file
// exactly as it was, and the app before the upgrade still opens it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { eventsAfter } from '../../db/outbox';
import { applyKey, openLocalDb } from '../../db/open';
import { getSyncState } from '../../db/syncState';
import { DB_FILE } from '../../backend/services/backend';
import { FIXTURE_KEY, fixtureFile, journal, migrationsUpTo, storeTables } from '../../scripts/build-upgrade-fixtures';
import { MIGRATIONS_DIR, residentId, tempDir, testBackend, validVisit } from '../support/backend';

const versions = journal(MIGRATIONS_DIR);
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every row of every table, by table, as SQLite gives them. */
function dump(file: string): Record<string, Record<string, unknown>[]> {
  const sqlite = new Database(file, { readonly: true });
  applyKey(sqlite, FIXTURE_KEY);
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const [table, columns] of storeTables(sqlite)) {
    out[table] = sqlite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[];
  }
  sqlite.close();
  return out;
}

/** A copy of a fixture as the only store in a fresh data folder. */
function installed(tag: string): { dir: string; file: string } {
  const dir = tempDir('xf-upgrade-');
  const file = path.join(dir, DB_FILE);
  fs.copyFileSync(fixtureFile(tag), file);
  return { dir, file };
}

const backends: ReturnType<typeof testBackend>[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.close();
});

describe('stores from every earlier schema version', () => {
  it('has a fixture for every version but the newest (build it with scripts/build-upgrade-fixtures.ts)', () => {
    for (const v of versions.slice(0, -1)) expect(fs.existsSync(fixtureFile(v.tag)), `fixture of ${v.tag}`).toBe(true);
  });

  const fixtures = versions.filter((v) => fs.existsSync(fixtureFile(v.tag)));
  it.each(fixtures.map((v) => [v.tag, v.idx] as const))('%s: migrates to today, keeping every row and every waiting event', (tag, idx) => {
    const { dir, file } = installed(tag);
    const before = dump(file);
    expect(before.matter!.length).toBeGreaterThan(0);

    const db = openLocalDb({ file, migrationsDir: MIGRATIONS_DIR, key: FIXTURE_KEY });
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    expect(db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: versions.length });
    const waiting = eventsAfter(db, getSyncState(db).lastAckedSeq, 1_000_000);
    expect(getSyncState(db).lastAckedSeq).toBe(3);
    expect(waiting.map((e) => e.seq)).toEqual(before.outbox!.map((e) => e.seq).filter((s) => Number(s) > 3));
    db.$client.close();

    // Every row of the old tables, in the old columns, exactly as it was.
    const after = dump(file);
    for (const [table, rows] of Object.entries(before)) {
      const columns = Object.keys(rows[0] ?? {});
      expect(after[table]!.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]]))), table).toEqual(rows);
    }
    // A pending migration copied the file aside first; the newest version had nothing pending.
    const copies = fs.readdirSync(dir).filter((f) => f.includes('.before-migration-'));
    expect(copies).toHaveLength(idx < versions.length - 1 ? 1 : 0);
  });

  it.each(fixtures.map((v) => [v.tag] as const))('%s: the desk works on the upgraded store', async (tag) => {
    const { dir } = installed(tag);
    let clock = new Date('2026-05-06T09:00:00+08:00');
    const b = testBackend({ dataDir: dir, key: FIXTURE_KEY, now: () => clock });
    backends.push(b);
    const old = b.db.$client.prepare('SELECT id, matter_no AS matterNo FROM matter ORDER BY received_at').all() as { id: string; matterNo: string }[];
    const lastSeq = (b.db.$client.prepare('SELECT max(seq) AS n FROM outbox').get() as { n: number }).n;
    // The figure facts were made at start for every matter the old store's figures count.
    const counted = b.db.$client.prepare("SELECT count(*) AS n FROM matter WHERE voided_at IS NULL AND origin = 'window'").get() as { n: number };
    expect(counted.n).toBeGreaterThan(0);
    expect(b.db.$client.prepare('SELECT count(*) AS n FROM matter_fact').get()).toEqual(counted);

    const detail = await b.dispatch('matters.get', { matterId: old[0]!.id });
    expect(detail).toMatchObject({ ok: true, value: { matterNo: old[0]!.matterNo } });
    clock = new Date('2026-05-06T10:00:00+08:00');
    const step = await b.dispatch('matters.command', { matterId: old[0]!.id, command: { at: '2026-05-06T10:00:00+08:00', type: 'reply', opinion: 'explain', basis: '《信访工作条例》第三十二条', text: '经调查核实……', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。' } });
    expect(step.ok).toBe(true);
    const fresh = await b.dispatch('intake.register', { ...validVisit, visitor: { ...validVisit.visitor, credential: { type: 'resident', number: residentId('410102', '19900101', 77) } } });
    expect(fresh.ok).toBe(true);
    // The matter number sequence goes on from where the old version left it.
    expect(old.map((m) => m.matterNo)).not.toContain(fresh.ok && (fresh.value as { matterNo: string }).matterNo);
    const seqs = eventsAfter(b.db, lastSeq, 100).filter((e) => e.type !== 'audit.recorded').map((e) => e.seq);
    expect(seqs.length).toBeGreaterThanOrEqual(2);
    expect(seqs[0]).toBeGreaterThan(lastSeq);
  });
});

describe('a migration that fails', () => {
  /** Today's migrations and one more that stops half-way: its first statement runs, its second cannot. */
  function brokenRelease(): string {
    const dir = migrationsUpTo(versions.length, path.join(tempDir('xf-broken-'), 'migrations'), MIGRATIONS_DIR);
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8'));
    meta.entries.push({ ...meta.entries.at(-1), idx: meta.entries.length, when: Date.now(), tag: '9999_broken' });
    fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(meta));
    fs.writeFileSync(
      path.join(dir, '9999_broken.sql'),
      'ALTER TABLE `matter` ADD `broken_note` text;\n--> statement-breakpoint\nINSERT INTO `no_such_table` (`x`) VALUES (1);',
    );
    return dir;
  }

  it('rolls back every pending migration and leaves the old file byte for byte as it was', () => {
    const oldest = versions[0]!.tag;
    const { dir, file } = installed(oldest);
    const before = sha(file);
    expect(() => openLocalDb({ file, migrationsDir: brokenRelease(), key: FIXTURE_KEY })).toThrow(/no_such_table/);
    expect(sha(file)).toBe(before);
    // The connection was closed: no WAL or shared memory is left beside the file.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toEqual([]);

    // The release it came from still opens it, as it was.
    const asBefore = openLocalDb({ file, migrationsDir: migrationsUpTo(1, path.join(dir, 'v0')), key: FIXTURE_KEY });
    expect(asBefore.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: 1 });
    expect(asBefore.$client.prepare("SELECT count(*) AS n FROM pragma_table_info('matter') WHERE name = 'broken_note'").get()).toEqual({ n: 0 });
    asBefore.$client.close();
    // And a release with the migration fixed upgrades it.
    const fixed = openLocalDb({ file, migrationsDir: MIGRATIONS_DIR, key: FIXTURE_KEY });
    expect(fixed.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    fixed.$client.close();
  });

  it('stops the backend with the cause, and the store is untouched', () => {
    const { dir, file } = installed(versions[0]!.tag);
    const before = sha(file);
    expect(() => testBackend({ dataDir: dir, key: FIXTURE_KEY, migrationsDir: brokenRelease() })).toThrow(/no_such_table/);
    expect(sha(file)).toBe(before);
  });
});
