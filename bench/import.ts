// import.10k.s (issue #12): a 历史台账 of 10,000 rows imported from .xlsx through the backend
// process, as the window does it — read and every row checked on the reader worker, then all of
// it written in one transaction with its outbox events. Baseline, in the same run: exceljs alone
// reading the same workbook, the floor any import of that file stands on. Reported in ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childProcessEndpoint } from '../backend/host/endpoints';
import { createBackendHost } from '../backend/host/host';
import { SOURCE_BACKEND_ENTRY, sourceTreeOptions } from '../backend/host/sourceTree';
import { devKeyKeeper } from '../backend/host/storeKey';
import { readLedger } from '../backend/services/records/readLedger';
import { suggestMapping } from '../domain/records/importColumns';
import { signIn } from '../tests/support/staff';
import { LEDGER_HEADINGS, ledgerRow, ledgerXlsx } from '../tests/support/ledger';
import { msSince, report } from './report';

export async function run({ quick }: { quick: boolean }): Promise<void> {
  const rows = quick ? 1_000 : 10_000;
  const bytes = await ledgerXlsx(Array.from({ length: rows }, (_, i) => ledgerRow(i + 1, i % 10 === 0 ? '终结' : '办结')));

  const t0 = process.hrtime.bigint();
  const read = await readLedger(bytes);
  const baseline = msSince(t0);
  if (!read.ok || read.value.rows.length !== rows) throw new Error('bench ledger unreadable');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-import-'));
  const host = createBackendHost({ start: () => childProcessEndpoint(SOURCE_BACKEND_ENTRY), options: sourceTreeOptions(dataDir), keys: devKeyKeeper(dataDir) });
  await signIn(host.dispatch, 'supervisor');
  // The reader worker is up at a working window: start it before the clock does.
  await host.dispatch('matters.queue', {});
  const t1 = process.hrtime.bigint();
  const r = await host.dispatch('records.import', { fileName: 'bench.xlsx', dataBase64: bytes.toString('base64'), mapping: suggestMapping(LEDGER_HEADINGS) });
  const value = msSince(t1);
  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (!r.ok || (r.value as { imported: number }).imported !== rows) throw new Error(`bench import refused: ${JSON.stringify(r).slice(0, 300)}`);

  // Seconds, as the figure's name says; the baseline is reading the same file alone.
  report({ figure: 'import.10k.s', value: value / 1000, unit: 's', baseline: baseline / 1000, n: 1, at: `${rows} rows from .xlsx, ${Math.round((rows / value) * 1000)} rows/s; baseline: reading the file` });
}
