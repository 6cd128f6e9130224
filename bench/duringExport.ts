// rpc.register.p99.during-export (DESIGN.md §7): a registration saved through the backend
// process, as the window saves it, while the reader worker computes a year's figures over the
// whole store again and again. Baseline, in the same run on the same store: the same
// registrations with the reader idle. The two should be close: long reads run on the reader's
// own thread and connection, so the writer does not wait behind them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childProcessEndpoint } from '../backend/host/endpoints';
import { createBackendHost, type BackendHost } from '../backend/host/host';
import { SOURCE_BACKEND_ENTRY, sourceTreeOptions } from '../backend/host/sourceTree';
import { devKeyKeeper } from '../backend/host/storeKey';
import { msSince, quantile, report } from './report';
import { signIn } from '../tests/support/staff';
import { residentId, seedStore } from './seed';

const WARMUP = 50;
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

async function registrations(host: BackendHost, first: number, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = -WARMUP; i < count; i++) {
    const input = {
      visitor: { credential: { type: 'resident', number: residentId(first + WARMUP + i) }, name: '张三', mobile: '13800138000' },
      headcount: 1,
      categoryCode: '0101',
      placeRegion: '410102',
      summary: '反映小区供暖不达标问题，请求协调解决',
    };
    const t0 = process.hrtime.bigint();
    const r = await host.dispatch('intake.register', input);
    if (i >= 0) times.push(msSince(t0));
    if (!r.ok) throw new Error(`bench registration refused: ${r.code} ${r.message}`);
  }
  return times;
}

export async function run({ quick }: { quick: boolean }): Promise<void> {
  const existing = quick ? 20_000 : 1_000_000;
  const samples = quick ? 200 : 1000;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-export-'));
  await seedStore(dataDir, existing);
  const host = createBackendHost({ start: () => childProcessEndpoint(SOURCE_BACKEND_ENTRY), options: sourceTreeOptions(dataDir), keys: devKeyKeeper(dataDir) });

  await signIn(host.dispatch, 'supervisor');
  const idle = await registrations(host, existing, samples);

  let reading = true;
  let rounds = 0;
  const reader = (async () => {
    while (reading) {
      const r = await host.dispatch('figures.get', YEAR);
      if (!r.ok) throw new Error(`bench figures refused: ${r.code} ${r.message}`);
      rounds++;
    }
  })();
  // The first round must be under way before the clock starts.
  await new Promise((r) => setTimeout(r, 200));
  const busy = await registrations(host, existing + 2 * samples, samples);
  reading = false;
  await reader;
  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  report({
    figure: 'rpc.register.p99.during-export',
    value: quantile(busy, 0.99),
    unit: 'ms',
    baseline: quantile(idle, 0.99),
    n: samples,
    at: `${existing} matters, ${rounds} year-figure rounds on the reader meanwhile`,
  });
}
