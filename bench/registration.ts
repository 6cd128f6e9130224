// registration.save.p50/p99 and lookup.idnumber.p95 at 1,000,000 existing matters on the
// encrypted store (DESIGN.md §7). Baselines, measured in the same run on the same encrypted
// file: a raw prepared insert of the same four rows per registration (visitor, matter, visit,
// outbox) and a raw indexed SELECT by ID number.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sourceTreeOptions } from '../backend/host/sourceTree';
import { createBackend } from '../backend/services/backend';
import { msSince, quantile, report } from './report';
import { signIn } from '../tests/support/staff';
import { openRaw, prepareRaw, residentId, rowsFor, seedStore, timedRegistrations } from './seed';

const WARMUP = 100;

export async function run({ quick }: { quick: boolean }): Promise<void> {
  const existing = quick ? 20_000 : 1_000_000;
  const samples = quick ? 300 : 2000;
  const at = `${existing} matters`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-reg-'));
  const key = await seedStore(dataDir, existing);
  const opts = { ...sourceTreeOptions(dataDir), key, log: () => {} };
  const raw = openRaw(dataDir, key);
  raw.pragma('synchronous = FULL');
  const insert = prepareRaw(raw);

  // Baseline: the same four rows, one transaction per registration, synchronous=FULL.
  const rawTimes: number[] = [];
  const one = raw.transaction((r: ReturnType<typeof rowsFor>) => insert(r));
  for (let i = -WARMUP; i < samples; i++) {
    const r = rowsFor(existing + WARMUP + i);
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
  // Registered by a signed-in 登记员, as at the window (the sign-in is not measured).
  await signIn(backend.dispatch, 'clerk');
  // The first WARMUP warm the JIT and caches and are not counted.
  const saveTimes = await timedRegistrations(backend.dispatch, existing + samples, samples, WARMUP);
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
