// audit.verify.ms: the 管理员's check of the audit trail (核验审计日志) over a year's worth of lines,
// asked through the backend as the desk asks it (walked on the reader). Baseline in the same run:
// reading the same lines in order from the same encrypted file, without hashing them.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditHash, type AuditEntry } from '../db/audit';
import { GENESIS } from '../domain/staff/auditChain';
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
    if (!r.ok || !(r.value as { ok: boolean; rows: number }).ok || (r.value as { rows: number }).rows < lines) throw new Error(`bench audit check failed: ${JSON.stringify(r)}`);
  }
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  report({ figure: 'audit.verify.ms', value: quantile(verifyTimes, 0.5), unit: 'ms', baseline: quantile(readTimes, 0.5), n: RUNS, at });
}
