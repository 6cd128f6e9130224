// registration.save.p50/p99 and lookup.idnumber.p95 at 1,000,000 existing matters
// (DESIGN.md §7). Baselines, measured in the same run on the same file: a raw prepared insert
// of the same four rows per registration (visitor, matter, visit, outbox) and a raw indexed
// SELECT by ID number.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { checkCharacter } from '../domain/identity/residentId';
import { sourceTreeOptions } from '../backend/host/sourceTree';
import { createBackend } from '../backend/services/backend';
import { msSince, quantile, report } from './report';

const WARMUP = 100;

function residentId(n: number): string {
  // Distinct numbers: a birth date per 1000 people, a sequence within it.
  const day = new Date(Date.UTC(1940, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `410102${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

function rowsFor(n: number, at: string) {
  const visitorId = uuidv7();
  const matterId = uuidv7();
  const visitId = uuidv7();
  const id = residentId(n);
  const summary = `反映小区供暖不达标问题，请求协调解决（第${n}号）`;
  return {
    visitor: [visitorId, 'resident', id, `测试${n % 10000}`, n % 2 ? 'male' : 'female', '1980-01-01', '410102', `138${String(n).padStart(8, '0')}`, at, at],
    matter: [matterId, `410102-D001-2026-${String(n).padStart(7, '0')}`, visitorId, 'visit', 1, '0101', '410102', summary, 'registered', '{}', 'acceptance-notice', '2026-03-16', at, '2026-03-01', at, at],
    visit: [visitId, matterId, visitorId, 'first', `测试${n % 10000}`, 'visit', 1, summary, at, '2026-03-01'],
    outbox: [uuidv7(), 'matter.registered', matterId, at, JSON.stringify({ matterId, visitorId, summary, pad: 'x'.repeat(700) })],
  };
}

function prepareRaw(db: Database.Database) {
  const v = db.prepare('INSERT INTO visitor (id, id_type, id_number, name, gender, birth_date, region_code, mobile, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)');
  const m = db.prepare(
    'INSERT INTO matter (id, matter_no, visitor_id, channel, headcount, category_code, place_region, summary, status, lifecycle, next_step, next_due, received_at, received_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  const vi = db.prepare('INSERT INTO visit (id, matter_id, visitor_id, kind, visitor_name, channel, headcount, summary, received_at, received_on) VALUES (?,?,?,?,?,?,?,?,?,?)');
  const o = db.prepare('INSERT INTO outbox (id, type, entity_id, occurred_at, payload) VALUES (?,?,?,?,?)');
  return (r: ReturnType<typeof rowsFor>) => {
    v.run(r.visitor);
    m.run(r.matter);
    vi.run(r.visit);
    o.run(r.outbox);
  };
}

export async function run({ quick }: { quick: boolean }): Promise<void> {
  const existing = quick ? 20_000 : 1_000_000;
  const samples = quick ? 300 : 2000;
  const at = `${existing} matters`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-reg-'));
  const opts = { ...sourceTreeOptions(dataDir), log: () => {} };

  // Create the schema, then seed with raw inserts in large transactions (setup, not measured).
  await createBackend(opts).close();
  const raw = new Database(path.join(dataDir, 'xinfang.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  const insert = prepareRaw(raw);
  const seedAt = '2026-03-01T08:30:00.000+08:00';
  const chunk = raw.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) insert(rowsFor(n, seedAt));
  });
  for (let n = 0; n < existing; n += 50_000) chunk(n, Math.min(existing, n + 50_000));
  raw.pragma('wal_checkpoint(TRUNCATE)');

  // Baseline: the same four rows, one transaction per registration, synchronous=FULL.
  const rawTimes: number[] = [];
  const one = raw.transaction((r: ReturnType<typeof rowsFor>) => insert(r));
  for (let i = -WARMUP; i < samples; i++) {
    const r = rowsFor(existing + WARMUP + i, seedAt);
    const t0 = process.hrtime.bigint();
    one(r);
    if (i >= 0) rawTimes.push(msSince(t0));
  }
  const rawLookup: number[] = [];
  const byId = raw.prepare('SELECT id FROM visitor WHERE id_number = ? AND id_type = ?');
  for (let i = -WARMUP; i < samples; i++) {
    const n = Math.floor(Math.random() * existing);
    const t0 = process.hrtime.bigint();
    byId.get(residentId(n), 'resident');
    if (i >= 0) rawLookup.push(msSince(t0));
  }
  raw.close();

  const backend = createBackend(opts);
  const saveTimes: number[] = [];
  // The first WARMUP of each loop warm the JIT and caches and are not counted.
  for (let i = -WARMUP; i < samples; i++) {
    const input = {
      visitor: { credential: { type: 'resident', number: residentId(existing + samples + WARMUP + i) }, name: '张三', mobile: '13800138000', current: { region: '410102', detail: '建设路1号' } },
      headcount: 1,
      categoryCode: '0101',
      placeRegion: '410102',
      summary: '反映小区供暖不达标问题，请求协调解决',
    };
    const t0 = process.hrtime.bigint();
    const r = await backend.dispatch('intake.register', input);
    if (i >= 0) saveTimes.push(msSince(t0));
    if (!r.ok) throw new Error(`bench registration refused: ${r.code} ${r.message}`);
  }
  const lookupTimes: number[] = [];
  for (let i = -WARMUP; i < samples; i++) {
    const n = Math.floor(Math.random() * existing);
    const t0 = process.hrtime.bigint();
    const r = await backend.dispatch('intake.lookupPerson', { credential: { type: 'resident', number: residentId(n) } });
    if (i >= 0) lookupTimes.push(msSince(t0));
    if (!r.ok || (r.value as { matters: unknown[] }).matters.length !== 1) throw new Error('bench lookup did not find the seeded matter');
  }
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  report({ figure: 'registration.save.p50', value: quantile(saveTimes, 0.5), unit: 'ms', baseline: quantile(rawTimes, 0.5), n: samples, at });
  report({ figure: 'registration.save.p99', value: quantile(saveTimes, 0.99), unit: 'ms', baseline: quantile(rawTimes, 0.99), n: samples, at });
  report({ figure: 'lookup.idnumber.p95', value: quantile(lookupTimes, 0.95), unit: 'ms', baseline: quantile(rawLookup, 0.95), n: samples, at });
}
