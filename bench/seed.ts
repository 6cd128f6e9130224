// A store of many matters for the benches, written with raw prepared inserts in large
// transactions (set-up, never measured). Each matter has a real lifecycle: one of a few paths
// (registered; accepted; answered and delivered; guided elsewhere) taken on a day of 2026, so
// the figures and the work queue have real work to do over it; with the figure facts the desk
// keeps beside each matter, as a store that kept them all along has them.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, WRITER_CHECKPOINT_PAGES } from '../db/open';
import { devKeyKeeper, newStoreKey } from '../backend/host/storeKey';
import { v7 as uuidv7 } from 'uuid';
import { sourceTreeOptions } from '../backend/host/sourceTree';
import { createBackend } from '../backend/services/backend';
import { checkCharacter } from '../domain/identity/residentId';
import { figureFacts, type FigureFacts } from '../domain/figures/facts';
import type { MatterLifecycle } from '../domain/matters/lifecycle';
import { live, type Step } from '../tests/support/matterCommands';
import { msSince } from './report';
import { personName, request } from './people';

export const DB_FILE = 'xinfang.db';

/** Distinct resident ID numbers: a birth date per 1000 people, a sequence within it. */
export function residentId(n: number): string {
  const day = new Date(Date.UTC(1940, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `410102${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const DAYS = Array.from({ length: 365 }, (_, i) => plusDays('2026-01-01', i));
const PATHS: ((d: string) => Step[])[] = [
  () => [],
  (d) => [['classify', plusDays(d, 1)], ['accept', plusDays(d, 3)], ['startHandling', plusDays(d, 4)]],
  (d) => [['classify', plusDays(d, 1)], ['accept', plusDays(d, 3)], ['startHandling', plusDays(d, 4)], ['reply', plusDays(d, 30)], ['deliver', plusDays(d, 32)]],
  (d) => [['classify', plusDays(d, 1), { route: 'litigation-etc', body: '县人民法院' }], ['guide', plusDays(d, 2)]],
];
let templates: { day: string; lifecycle: MatterLifecycle; json: string; facts: FigureFacts }[] | null = null;
function template(n: number) {
  templates ??= DAYS.flatMap((day) => PATHS.map((steps) => {
    const { lifecycle } = live(day, steps(day));
    // The figure facts the desk keeps beside each matter, under the rules of a store that pulled nothing.
    return { day, lifecycle, json: JSON.stringify(lifecycle), facts: figureFacts({ lifecycle, repeatVisitDays: [] }) };
  }));
  return templates[n % templates.length]!;
}

/** The four rows of one registration (visitor, matter, first visit, outbox event). */
export function rowsFor(n: number) {
  const t = template(n);
  const at = `${t.day}T08:30:00.000+08:00`;
  const visitorId = uuidv7();
  const matterId = uuidv7();
  const summary = request(n);
  const deadlines = t.lifecycle.deadlines;
  return {
    visitor: [visitorId, 'resident', residentId(n), personName(n), n % 2 ? 'male' : 'female', '1980-01-01', '410102', `138${String(n).padStart(8, '0')}`, at, at],
    matter: [matterId, `410102-D001-2026-${String(n).padStart(7, '0')}`, visitorId, 'visit', 1, '0101', '410102', summary, t.lifecycle.state, t.json, deadlines?.nextStep ?? null, deadlines?.lastDay ?? null, at, t.day, at, at],
    visit: [uuidv7(), matterId, visitorId, 'first', personName(n), 'visit', 1, summary, at, t.day],
    outbox: [uuidv7(), 'matter.registered', matterId, at, JSON.stringify({ matterId, visitorId, summary, pad: 'x'.repeat(700) })],
    fact: [matterId, t.facts.acceptanceDue, +t.facts.decided, +t.facts.decidedInTime, t.facts.handlingDue, +t.facts.closed, +t.facts.closedInTime, t.facts.windowEnd, +t.facts.returned, t.facts.closedOn, +t.facts.rated, +t.facts.satisfied],
  };
}

export function prepareRaw(db: Database.Database) {
  const v = db.prepare('INSERT INTO visitor (id, id_type, id_number, name, gender, birth_date, region_code, mobile, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)');
  const m = db.prepare(
    'INSERT INTO matter (id, matter_no, visitor_id, channel, headcount, category_code, place_region, summary, status, lifecycle, next_step, next_due, received_at, received_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  const vi = db.prepare('INSERT INTO visit (id, matter_id, visitor_id, kind, visitor_name, channel, headcount, summary, received_at, received_on) VALUES (?,?,?,?,?,?,?,?,?,?)');
  const o = db.prepare('INSERT INTO outbox (id, type, entity_id, occurred_at, payload) VALUES (?,?,?,?,?)');
  const f = db.prepare(
    'INSERT INTO matter_fact (matter_id, acceptance_due, decided, decided_in_time, handling_due, closed, closed_in_time, window_end, returned, closed_on, rated, satisfied) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  return (r: ReturnType<typeof rowsFor>) => {
    v.run(r.visitor);
    m.run(r.matter);
    vi.run(r.visit);
    o.run(r.outbox);
    f.run(r.fact);
  };
}

/** The store, encrypted with `key` as the backend opens it: for raw baselines on the same file. */
export function openRaw(dataDir: string, key: string): Database.Database {
  const raw = new Database(path.join(dataDir, DB_FILE));
  applyKey(raw, key);
  raw.pragma('journal_mode = WAL');
  // The writer's own checkpoint policy, so a raw baseline pays for no more checkpoints than the backend does.
  raw.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
  return raw;
}

/**
 * A data folder whose encrypted store holds `count` matters, its schema made by the backend
 * itself; its key is kept as dev:web keeps one (storeKey.ts) and returned.
 */
export async function seedStore(dataDir: string, count: number): Promise<string> {
  fs.mkdirSync(dataDir, { recursive: true });
  const key = newStoreKey();
  devKeyKeeper(dataDir).save(key);
  await createBackend({ ...sourceTreeOptions(dataDir), key, log: () => {} }).close();
  const raw = openRaw(dataDir, key);
  const insert = prepareRaw(raw);
  const chunk = raw.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) insert(rowsFor(n));
  });
  for (let n = 0; n < count; n += 50_000) chunk(n, Math.min(count, n + 50_000));
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  return key;
}

/**
 * Registers `count` new visitors through `dispatch` (in-process, or through the backend process)
 * as the window does, each a person not seeded; the first `warmup` are not timed. Milliseconds each.
 */
export async function timedRegistrations(
  dispatch: (method: string, input: unknown) => Promise<{ ok: boolean; code?: string; message?: string }>,
  first: number,
  count: number,
  warmup: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = -warmup; i < count; i++) {
    const input = {
      visitor: { credential: { type: 'resident', number: residentId(first + warmup + i) }, name: '张三', mobile: '13800138000', current: { region: '410102', detail: '建设路1号' } },
      headcount: 1,
      categoryCode: '0101',
      placeRegion: '410102',
      summary: '反映小区供暖不达标问题，请求协调解决',
    };
    const t0 = process.hrtime.bigint();
    const r = await dispatch('intake.register', input);
    if (i >= 0) times.push(msSince(t0));
    if (!r.ok) throw new Error(`bench registration refused: ${r.code} ${r.message}`);
  }
  return times;
}
