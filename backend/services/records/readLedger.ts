// Reads a 历史台账 .xlsx (exceljs): the first sheet, its heading row and every data row as the
// text of each cell — dates as YYYY-MM-DD, formulas by their result — so the row check sees
// what a person sees in Excel. A file that is not a readable workbook is refused in words.
import ExcelJS from 'exceljs';
import { err, ok, type Result } from '../../../domain/result';

/** Beyond this many rows a ledger is split into several files. */
export const MAX_LEDGER_ROWS = 200_000;

export interface Ledger {
  sheetName: string;
  headings: string[];
  /** Each data row with its row number as Excel shows it (the heading row is 1). */
  rows: { row: number; cells: string[] }[];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  // exceljs gives a date cell as that day's UTC midnight.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v !== 'object') return String(v).trim();
  if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
  return '';
}

export async function readLedger(bytes: Buffer): Promise<Result<Ledger>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return err('import_unreadable', '无法读取该文件：它不是有效的 Excel 工作簿（.xlsx）。如为 .xls 或 .csv，请在 Excel 中另存为 .xlsx 后再导入');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return err('import_empty', '该文件的第一个工作表是空的：请把台账放在第一个工作表，第一行为表头');
  if (sheet.rowCount > MAX_LEDGER_ROWS + 1) return err('import_too_large', `该文件有${sheet.rowCount - 1}行，超过一次导入的上限${MAX_LEDGER_ROWS}行，请分成几个文件导入`);
  const width = sheet.columnCount;
  const textOf = (r: ExcelJS.Row) => Array.from({ length: width }, (_, k) => cellText(r.getCell(k + 1).value));
  const headings = textOf(sheet.getRow(1));
  const rows: Ledger['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (r, row) => {
    if (row === 1) return;
    const cells = textOf(r);
    if (cells.some((c) => c !== '')) rows.push({ row, cells });
  });
  return ok({ sheetName: sheet.name, headings, rows });
}
