// The audit trail checked over a year's worth of lines (issue #11). audit.verify.ms: the desk's
// 管理员 (核验审计日志), asked through the backend as the desk asks it (walked on the reader);
// baseline, reading the same lines in order from the same encrypted file without hashing them.
// city.audit.verify.ms: the city's check of the same lines as one device sent them (设备 → 核验审计),
// on PostgreSQL in a scratch database; baseline, paging through the same events unhashed
// (deviceAuditPages, as the check reads them).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { auditHash, SELECT_AUDIT_LINES, type AuditEntry } from '../db/audit';
import { AUDIT_EVENT } from '../domain/staff/audit';
import { GENESIS } from '../domain/staff/auditChain';
import type { AuditVerdict } from '../domain/staff/auditVerdict';
import { checkDeviceAudit, deviceAuditPages } from '../server/city/deviceAudit';
import { createDevice } from '../server/city/devices';
import { openCityDb } from '../server/store/db';
import { events } from '../server/store/schema';
import { scratchDatabase } from '../scripts/scratchPostgres';
import { sourceTreeOptions } from '../backend/host/sourceTree';
import { createBackend } from '../backend/services/backend';
import { signIn } from '../tests/support/staff';
import { msSince, quantile, report } from './report';
import { openRaw, residentId, seedStore } from './seed';

const RUNS = 3;

/** The n-th line: a clerk viewing a matter, or looking a person up, as the window does all day. */
function line(n: number): AuditEntry {
  const lookup = n % 4 === 0;
  return {
    id: randomUUID(),
    at: new Date(Date.UTC(2026, 0, 1) + n * 30_000).toISOString(),
    actorNo: `C${String(n % 12).padStart(3, '0')}`,
    actorName: '王登记',
    actorRole: 'clerk',
    action: lookup ? 'intake.lookupPerson' : 'matters.get',
    kind: 'view',
    target: lookup ? `credential:resident:${residentId(n)}` : randomUUID(),
    outcome: 'ok',
  };
}

export async function run({ quick }: { quick: boolean }): Promise<void> {
  const lines = quick ? 20_000 : 1_000_000;
  const at = `${lines} audit lines`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-audit-'));
  const key = await seedStore(dataDir, 0);
  const raw = openRaw(dataDir, key);
  const insert = raw.prepare(
    'INSERT INTO audit_log (seq, id, at, actor_no, actor_name, actor_role, action, kind, target, outcome, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let prevHash = GENESIS;
  const chunk = raw.transaction((from: number, to: number) => {
    for (let seq = from; seq < to; seq++) {
      const e = line(seq);
      const hash = auditHash(prevHash, seq, e);
      insert.run(seq, e.id, e.at, e.actorNo, e.actorName, e.actorRole, e.action, e.kind, e.target, e.outcome, prevHash, hash);
      prevHash = hash;
    }
  });
  for (let seq = 1; seq <= lines; seq += 50_000) chunk(seq, Math.min(lines + 1, seq + 50_000));
  raw.pragma('wal_checkpoint(TRUNCATE)');

  const readTimes: number[] = [];
  const all = raw.prepare('SELECT * FROM audit_log ORDER BY seq');
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    let n = 0;
    for (const _ of all.iterate()) n++;
    readTimes.push(msSince(t0));
    if (n !== lines) throw new Error(`bench read ${n} audit lines, seeded ${lines}`);
  }
  raw.close();

  const backend = createBackend({ ...sourceTreeOptions(dataDir), key, log: () => {} });
  await signIn(backend.dispatch, 'admin');
  const verifyTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = await backend.dispatch('audit.verify', {});
    verifyTimes.push(msSince(t0));
    const verdict = r.ok ? (r.value as AuditVerdict) : null;
    if (!verdict?.ok || verdict.rows < lines) throw new Error(`bench audit check failed: ${JSON.stringify(r)}`);
  }
  await backend.close();
  report({ figure: 'audit.verify.ms', value: quantile(verifyTimes, 0.5), unit: 'ms', baseline: quantile(readTimes, 0.5), n: RUNS, at });

  const desk = openRaw(dataDir, key);
  try {
    await cityCheck(desk, lines, at);
  } finally {
    desk.close();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** The first `lines` lines of the desk's store `desk`, sent to a city as one device's events. */
async function cityCheck(desk: ReturnType<typeof openRaw>, lines: number, at: string): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.error('city.audit.verify.ms skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL database to measure it');
    return;
  }
  const scratch = await scratchDatabase(url, 'audit_bench');
  const city = await openCityDb({ databaseUrl: scratch.url });
  try {
    const { deviceId } = await createDevice(city.db, '410102', '基准窗口');
    const batchId = randomUUID();
    // Paged off the desk's file: a million lines at once would crowd the heap.
    const page = desk.prepare(`${SELECT_AUDIT_LINES} WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT 5000`);
    for (let after = 0; after < lines; after += 5000) {
      const sent = page.all(after, lines) as (AuditEntry & { seq: number })[];
      await city.db.insert(events).values(sent.map((l) => ({ deviceId, seq: l.seq, eventId: l.id, type: AUDIT_EVENT as typeof AUDIT_EVENT, entityId: l.id, occurredAt: l.at, payload: l, batchId })));
    }
    await city.db.execute(sql`ANALYZE events`);
    const readTimes: number[] = [];
    const checkTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t0 = process.hrtime.bigint();
      let n = 0;
      for await (const page of deviceAuditPages(city.db, deviceId)) n += page.length;
      readTimes.push(msSince(t0));
      t0 = process.hrtime.bigint();
      const verdict = await checkDeviceAudit(city.db, deviceId);
      checkTimes.push(msSince(t0));
      if (n !== lines || !verdict.ok || verdict.rows !== lines) throw new Error(`city audit check: read ${n}, ${JSON.stringify(verdict)}`);
    }
    report({ figure: 'city.audit.verify.ms', value: quantile(checkTimes, 0.5), unit: 'ms', baseline: quantile(readTimes, 0.5), n: RUNS, at: `${at}, one device, postgres` });
  } finally {
    await city.close();
    await scratch.drop();
  }
}
