// Builds the upgrade fixtures (tests/fixtures/upgrades/): for each local schema version — each
// migration in db/migrations/meta/_journal.json — one store file as a window at that version
// held it, which tests/integration/upgrades.test.ts migrates to today's schema.
//
// How a fixture is made: a fresh store gets the migrations up to that version (the files as
// released; schemaSnapshot.test.ts refuses an edited one), then the rows of a store filled by
// today's services — staff set-up, registrations with a repeat visit, lifecycle steps, a draft,
// part of the outbox acknowledged — limited to the tables and columns that version had.
// Migrations are additive, so those columns meant the same then. Rows that point at files
// beside the store (attachments, documents) are left out: a fixture is the store file alone.
//
// A fixture is released with its version and never rebuilt: the script only makes the missing
// ones (`--force` remakes them all). Run: `npx tsx scripts/build-upgrade-fixtures.ts`.
// The fixtures are encrypted as the app encrypts a store, with FIXTURE_KEY (README there).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, openLocalDb } from '../db/open';
import { sourceTreeOptions } from '../backend/host/sourceTree';
import { createBackend } from '../backend/services/backend';
import { residentId } from '../tests/support/backend';
import { signIn, type Dispatch } from '../tests/support/staff';

const root = path.resolve(import.meta.dirname, '..');
export const MIGRATIONS = path.join(root, 'db/migrations');
export const FIXTURES = path.join(root, 'tests/fixtures/upgrades');
/** sha256("xinfang-desk upgrade fixtures"): a test key, written down on purpose. */
export const FIXTURE_KEY = '08e63f3e7e43d7ace637be61e76501f502bae5c76e9567bf3d5930ff3f94708a';
/** Tables whose rows name files kept beside the store. */
const FILE_TABLES = new Set(['attachment', 'document']);

interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

export function journal(dir = MIGRATIONS): JournalEntry[] {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;
}

export const fixtureFile = (tag: string) => path.join(FIXTURES, `store-${tag}.db`);

/** A migrations folder holding the first `count` migrations of `from`, as a release with them shipped. */
export function migrationsUpTo(count: number, into: string, from = MIGRATIONS): string {
  const meta = JSON.parse(fs.readFileSync(path.join(from, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  fs.mkdirSync(path.join(into, 'meta'), { recursive: true });
  for (const e of meta.entries.slice(0, count)) fs.copyFileSync(path.join(from, `${e.tag}.sql`), path.join(into, `${e.tag}.sql`));
  fs.writeFileSync(path.join(into, 'meta/_journal.json'), JSON.stringify({ ...meta, entries: meta.entries.slice(0, count) }, null, 2));
  return into;
}

/** The ordinary tables of a store (not SQLite's, drizzle's journal, or a virtual table's shadows), with their columns. */
export function storeTables(sqlite: Database.Database): Map<string, string[]> {
  const tables = sqlite.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' ORDER BY name").all() as { name: string }[];
  const out = new Map<string, string[]>();
  for (const { name } of tables) {
    if (name.startsWith('sqlite_') || name === '__drizzle_migrations') continue;
    out.set(name, (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[]).map((c) => c.name));
  }
  return out;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function must(d: Dispatch, method: string, input: unknown): Promise<{ matterId: string }> {
  const r = await d(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as { matterId: string };
}

/** A store filled through today's services, as a window's first weeks would fill it. */
async function sourceStore(dir: string): Promise<string> {
  let clock = new Date('2026-03-02T09:00:00+08:00');
  const backend = createBackend({ ...sourceTreeOptions(dir), key: FIXTURE_KEY, now: () => clock, log: () => {}, scryptCost: 2 ** 10 });
  const d: Dispatch = (m, i) => backend.dispatch(m, i);
  await signIn(d, 'supervisor');
  const visitor = (n: number, name: string) => ({
    credential: { type: 'resident', number: residentId('410102', '19800101', n + 1) },
    name,
    mobile: `1380013800${n}`,
    current: { region: '410102', detail: `建设路${n + 1}号院` },
  });
  const visit = { headcount: 1, categoryCode: '0101', placeRegion: '410102' };
  const first = await must(d, 'intake.register', { ...visit, visitor: visitor(0, '张三'), summary: '反映小区供暖不达标问题，请求协调解决' });
  const second = await must(d, 'intake.register', { ...visit, visitor: visitor(1, '李四'), summary: '反映拖欠工资问题' });
  await must(d, 'intake.register', { ...visit, headcount: 3, visitor: visitor(2, '王五'), summary: '反映道路积水问题' });
  const step = async (matterId: string, day: string, command: Record<string, unknown>) => {
    clock = new Date(`${day}T10:00:00+08:00`);
    await must(d, 'matters.command', { matterId, command: { at: `${day}T10:00:00+08:00`, ...command } });
  };
  await step(first.matterId, '2026-03-03', { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '县住建局' });
  await step(first.matterId, '2026-03-04', { type: 'accept' });
  await step(first.matterId, '2026-03-05', { type: 'startHandling' });
  await step(second.matterId, '2026-03-04', { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '县人社局' });
  await step(second.matterId, '2026-03-05', { type: 'accept' });
  await step(second.matterId, '2026-04-10', { type: 'startHandling' });
  await step(second.matterId, '2026-04-20', { type: 'reply', opinion: 'support', basis: '《保障农民工工资支付条例》第三条', text: '责成用人单位支付拖欠工资。', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。' });
  clock = new Date('2026-04-21T09:00:00+08:00');
  await must(d, 'intake.register', { ...visit, visitor: visitor(1, '李四'), summary: '询问办理进度', link: { kind: 'repeat', matterId: second.matterId } });
  await must(d, 'intake.register', { ...visit, visitor: visitor(3, '赵六'), summary: '反映噪音扰民' });
  await must(d, 'drafts.save', { id: 'draft-1', title: '未完成的登记', data: { summary: '反映……' } });
  await backend.close();
  // The city had acknowledged the first few events before the upgrade; the rest still wait.
  const sqlite = new Database(path.join(dir, 'xinfang.db'));
  applyKey(sqlite, FIXTURE_KEY);
  sqlite.prepare('UPDATE sync_state SET last_acked_seq = 3 WHERE id = 1').run();
  sqlite.close();
  return path.join(dir, 'xinfang.db');
}

/** Writes the fixture of migration `count - 1` from the rows of `source`. */
function buildFixture(count: number, source: string, work: string): void {
  const tag = journal()[count - 1]!.tag;
  const file = fixtureFile(tag);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const target = openLocalDb({ file, migrationsDir: migrationsUpTo(count, path.join(work, `m${count}`)), key: FIXTURE_KEY }).$client;
  const from = new Database(source, { readonly: true });
  applyKey(from, FIXTURE_KEY);
  target.pragma('foreign_keys = OFF');
  target.transaction(() => {
    for (const [table, columns] of storeTables(target)) {
      if (FILE_TABLES.has(table)) continue;
      const list = columns.map(quote).join(', ');
      // OR IGNORE: a row a trigger of that version already made from another table's row (say a
      // search entry) is the row the app made then.
      const insert = target.prepare(`INSERT OR IGNORE INTO ${quote(table)} (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
      for (const row of from.prepare(`SELECT ${list} FROM ${quote(table)}`).raw().iterate()) insert.run(...(row as unknown[]));
    }
  })();
  from.close();
  const broken = target.pragma('foreign_key_check') as unknown[];
  const integrity = target.pragma('integrity_check', { simple: true });
  if (broken.length > 0 || integrity !== 'ok') throw new Error(`fixture ${tag}: foreign keys ${JSON.stringify(broken)}, integrity ${String(integrity)}`);
  // One file, nothing in a WAL beside it.
  target.pragma('wal_checkpoint(TRUNCATE)');
  target.close();
  console.log(`built ${path.relative(root, file)} (${fs.statSync(file).size} bytes)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const force = process.argv.includes('--force');
  const entries = journal();
  const missing = entries.map((_, i) => i + 1).filter((count) => force || !fs.existsSync(fixtureFile(entries[count - 1]!.tag)));
  if (missing.length === 0) console.log('every schema version has its fixture');
  else {
    fs.mkdirSync(FIXTURES, { recursive: true });
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-fixtures-'));
    const source = await sourceStore(path.join(work, 'source'));
    for (const count of missing) buildFixture(count, source, work);
    fs.rmSync(work, { recursive: true, force: true });
  }
}
