// rpc.register.p99.during-export (DESIGN.md §7): a registration saved through the backend
// process, as the window saves it, while the reader worker exports the register's 100,000-row
// view to Excel and computes a year's figures over the whole store, each again and again.
// Baseline, in the same run on the same store: the same registrations with the reader idle.
// The two should be close: long reads run on the reader's own thread and connection, so the
// writer does not wait behind them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childProcessEndpoint } from '../backend/host/endpoints';
import { createBackendHost } from '../backend/host/host';
import { SOURCE_BACKEND_ENTRY, sourceTreeOptions } from '../backend/host/sourceTree';
import { devKeyKeeper } from '../backend/host/storeKey';
import { quantile, report } from './report';
import { signIn } from '../tests/support/staff';
import { seedStore, timedRegistrations } from './seed';
import { EXPORT_ROWS, exportView, must, vary } from './exportJob';

const WARMUP = 50;
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

export async function run({ quick }: { quick: boolean }): Promise<void> {
  const existing = quick ? 20_000 : 1_000_000;
  const samples = quick ? 200 : 1000;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-export-'));
  vary(dataDir, await seedStore(dataDir, existing));
  const host = createBackendHost({ start: () => childProcessEndpoint(SOURCE_BACKEND_ENTRY), options: sourceTreeOptions(dataDir), keys: devKeyKeeper(dataDir) });

  await signIn(host.dispatch, 'supervisor');
  const idle = await timedRegistrations(host.dispatch, existing, samples, WARMUP);

  let reading = true;
  let rounds = 0;
  let exports = 0;
  /** Runs `once` again and again until the timed registrations end. */
  const meanwhile = async (once: () => Promise<void>) => {
    while (reading) await once();
  };
  const readers = Promise.all([
    meanwhile(async () => {
      await must(host.dispatch('figures.get', YEAR));
      rounds++;
    }),
    meanwhile(async () => {
      const rows = await exportView(host.dispatch);
      if (rows !== Math.min(EXPORT_ROWS, existing)) throw new Error(`bench export wrote ${rows} rows`);
      exports++;
    }),
  ]);
  // The first export and figures must be under way before the clock starts.
  await new Promise((r) => setTimeout(r, 200));
  const busy = await timedRegistrations(host.dispatch, existing + 2 * samples, samples, WARMUP);
  reading = false;
  await readers;
  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  report({
    figure: 'rpc.register.p99.during-export',
    value: quantile(busy, 0.99),
    unit: 'ms',
    baseline: quantile(idle, 0.99),
    n: samples,
    at: `${existing} matters; meanwhile on the reader ${exports} exports of ${Math.min(EXPORT_ROWS, existing)} rows finished and ${rounds} year-figure rounds`,
  });
}
