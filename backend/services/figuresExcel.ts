// The figures page as an Excel workbook (exceljs), for the reports section heads send on: one
// sheet with the period, each figure with its numerator, denominator and formula.
import ExcelJS from 'exceljs';
import { labelledRates, type WindowFigures } from '../../domain/figures/rpc';
import { ok } from '../../domain/result';
import type { ReadContext } from './context';
import { windowFigures } from './figures';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(f: WindowFigures): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '信访窗口';
  const sheet = book.addWorksheet('统计');
  sheet.columns = [{ width: 28 }, { width: 12 }, { width: 10 }, { width: 10 }, { width: 90 }];
  sheet.addRow([`统计期：${f.from} 至 ${f.to}（计算日 ${f.today}）`]).font = { bold: true };
  sheet.addRow([`来访 ${f.visits} 次（初访 ${f.firstVisits}，重复访 ${f.repeatVisits}），${f.people} 人次`]);
  sheet.addRow([]);
  sheet.addRow(['指标', '数值', '分子', '分母', '计算方法']).font = { bold: true };
  for (const { label, rate: r } of labelledRates(f)) {
    const row = sheet.addRow([label, r.value ?? '—', r.numerator, r.denominator, r.formula]);
    row.getCell(2).numFmt = '0.0%';
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function exportFigures(ctx: ReadContext, period: { from: string; to: string }) {
  const figures = windowFigures(ctx, period);
  if (!figures.ok) return figures;
  const bytes = await workbook(figures.value);
  return ok({ fileName: `信访统计_${period.from}_${period.to}.xlsx`, mime: XLSX_MIME, dataBase64: bytes.toString('base64') });
}
