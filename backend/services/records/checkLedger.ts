// A 历史台账 read and every row checked, before anything is written: the preview the window
// shows, and the rows the import will write. Runs on the reader worker — a big file takes
// seconds — so a registration at the window never waits for it.
import { LISTED_REFUSALS, type ImportCheck, type ImportInput, type ImportPreview } from '../../../domain/records/rpc';
import { missingColumns, suggestMapping, type ImportMapping } from '../../../domain/records/importColumns';
import { checkImportRow, type ImportedRecord } from '../../../domain/records/importRow';
import { err, ok, type Result } from '../../../domain/result';
import { localDay, type ReadContext } from '../context';
import { readLedger } from './readLedger';

const SAMPLE_ROWS = 8;

export type Refusal = ImportCheck['refusedRows'][number];

export interface CheckedLedger {
  preview: ImportPreview;
  good: { row: number; record: ImportedRecord }[];
  /** Every refused row (the preview lists the first LISTED_REFUSALS). */
  refused: Refusal[];
}

/** Refusals counted by reason, the value in quotes left out so like reasons count together. */
export function summarise(rows: number, good: number, terminated: number, refused: Refusal[]): ImportCheck {
  const byReason = new Map<string, number>();
  for (const r of refused) for (const reason of new Set(r.reasons.map((x) => x.replace(/“[^”]*”/g, '“…”')))) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  return {
    rows,
    good,
    terminated,
    refused: refused.length,
    refusedRows: refused.slice(0, LISTED_REFUSALS),
    byReason: [...byReason].map(([reason, n]) => ({ reason, rows: n })).sort((a, b) => b.rows - a.rows),
  };
}

export async function checkLedger(ctx: ReadContext, input: ImportInput): Promise<Result<CheckedLedger>> {
  const ledger = await readLedger(Buffer.from(input.dataBase64, 'base64'));
  if (!ledger.ok) return ledger;
  const { sheetName, headings, rows } = ledger.value;
  const mapping: ImportMapping = input.mapping ?? suggestMapping(headings);
  const outside = Object.entries(mapping).find(([, col]) => col !== null && col >= headings.length);
  if (outside) return err('import_columns', `所选的列超出了文件的列数（共${headings.length}列）`);
  const preview: ImportPreview = { sheetName, headings, mapping, missing: missingColumns(mapping), sample: rows.slice(0, SAMPLE_ROWS).map((r) => r.cells), check: null };
  if (preview.missing.length > 0) return ok({ preview, good: [], refused: [] });
  const today = localDay(ctx.now());
  const categories = ctx.reference().categories;
  const good: CheckedLedger['good'] = [];
  const refused: Refusal[] = [];
  for (const { row, cells } of rows) {
    const r = checkImportRow(cells, mapping, { today, categories });
    if (r.ok) good.push({ row, record: r.record });
    else refused.push({ row, name: (mapping.name === null ? '' : (cells[mapping.name] ?? '')).slice(0, 50), reasons: r.reasons });
  }
  preview.check = summarise(rows.length, good.length, good.filter((g) => g.record.state === 'terminated').length, refused);
  return ok({ preview, good, refused });
}
