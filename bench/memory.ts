// main.rss.1m (DESIGN.md §7, issue 15): the desk's backend process's memory — its peak resident
// set (VmHWM), reader worker included — with 1,000,000 matters in the store, after a window's
// work: sign-in, registrations, a year's figures and the work queue on the reader, lookups by ID
// number. Run from its bundle, as the packaged app runs it. Baseline, in the same run: the same
// process doing the same work on an empty store. Target: ≤ 300 MB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childProcessEndpoint } from '../backend/host/endpoints';
import { createBackendHost } from '../backend/host/host';
import { sourceTreeOptions } from '../backend/host/sourceTree';
import { devKeyKeeper } from '../backend/host/storeKey';
import { bundleBackend } from '../scripts/bundles.mjs';
import { signIn } from '../tests/support/staff';
import { report } from './report';
import { residentId, seedStore, timedRegistrations } from './seed';

const ROOT = path.resolve(import.meta.dirname, '..');
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/** Peak resident set of a process so far, in MB (Linux: /proc/<pid>/status). */
function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmHWM for process ${pid}`);
  return kb / 1024;
}

/** Starts the bundled backend on `dataDir`, does the window's work, and returns its peak memory. */
async function workedPeak(bundle: string, dataDir: string, existing: number): Promise<number> {
  let pid = 0;
  const host = createBackendHost({
    start: () => {
      const e = childProcessEndpoint(path.join(bundle, 'main.mjs'));
      pid = e.pid;
      return e;
    },
    options: {
      ...sourceTreeOptions(dataDir),
      documentWorker: { file: path.join(bundle, 'renderWorker.mjs') },
      readerWorker: { file: path.join(bundle, 'readerWorker.mjs') },
    },
    keys: devKeyKeeper(dataDir),
  });
  try {
    await signIn(host.dispatch, 'supervisor');
    await timedRegistrations(host.dispatch, existing, 200, 0);
    for (const [method, input] of [
      ['figures.get', YEAR],
      ['matters.queue', { scope: 'all', dueSoonDays: 3 }],
    ] as const) {
      const r = await host.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
    }
    for (let i = 0; i < 50; i++) {
      await host.dispatch('intake.lookupPerson', { credential: { type: 'resident', number: residentId(Math.floor(Math.random() * Math.max(existing, 1))) } });
    }
    return peakRssMb(pid);
  } finally {
    await host.close();
  }
}

export async function run({ quick, matters }: { quick: boolean; matters?: number }): Promise<void> {
  const existing = matters ?? (quick ? 20_000 : 1_000_000);
  fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
  const bundle = fs.mkdtempSync(path.join(ROOT, 'build', 'bench-memory-'));
  const full = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-memory-'));
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-memory-empty-'));
  try {
    await bundleBackend(bundle);
    await seedStore(full, existing);
    await seedStore(empty, 0);
    const baseline = await workedPeak(bundle, empty, 0);
    const value = await workedPeak(bundle, full, existing);
    report({ figure: 'main.rss.1m', value, unit: 'MB', baseline, n: 1, at: `${existing} matters; peak resident set of the backend process after sign-in, 200 registrations, a year's figures, the work queue and 50 lookups` });
  } finally {
    for (const dir of [bundle, full, empty]) fs.rmSync(dir, { recursive: true, force: true });
  }
}
