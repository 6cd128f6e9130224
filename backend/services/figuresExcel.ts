// The figures page as an Excel workbook (exceljs), for the reports section heads send on: the
// 月报, 季报 or 年报 (or any period) on its first sheet — the period, each figure with its
// numerator, denominator and formula — and a sheet per breakdown (month, category, township,
// channel, route) with the visits and every rate of each group.
import ExcelJS from 'exceljs';
import { BREAKDOWN_LABELS, breakdownDimensionSchema } from '../../domain/figures/breakdowns';
import { INDICATOR_LABELS, type Indicators, type Period } from '../../domain/figures/indicators';
import { reportTitle } from '../../domain/figures/reportPeriods';
import { labelledRates, type WindowFigures } from '../../domain/figures/rpc';
import { ok } from '../../domain/result';
import type { ReadContext } from './context';
import { periodOutcomes, windowFigures } from './figures';
import { labelledBreakdown } from './figuresBreakdown';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RATE_KEYS = Object.keys(INDICATOR_LABELS) as (keyof Indicators)[];

function summarySheet(book: ExcelJS.Workbook, f: WindowFigures): void {
  const { title, kind } = reportTitle(f);
  const sheet = book.addWorksheet('统计');
  sheet.columns = [{ width: 28 }, { width: 12 }, { width: 10 }, { width: 10 }, { width: 90 }];
  sheet.addRow([`信访${kind === '统计' ? '统计' : `统计${kind}`}：${title}（统计期 ${f.from} 至 ${f.to}，计算日 ${f.today}）`]).font = { bold: true };
  sheet.addRow([`来访 ${f.visits} 次（初访 ${f.firstVisits}，重复访 ${f.repeatVisits}），${f.people} 人次`]);
  sheet.addRow([]);
  sheet.addRow(['指标', '数值', '分子', '分母', '计算方法']).font = { bold: true };
  for (const { label, rate: r } of labelledRates(f)) {
    const row = sheet.addRow([label, r.value ?? '—', r.numerator, r.denominator, r.formula]);
    row.getCell(2).numFmt = '0.0%';
  }
}

function breakdownSheets(book: ExcelJS.Workbook, ctx: ReadContext, period: Period): void {
  const outcomes = periodOutcomes(ctx, period);
  for (const by of breakdownDimensionSchema.options) {
    const sheet = book.addWorksheet(BREAKDOWN_LABELS[by]);
    sheet.columns = [{ width: 24 }, ...Array.from({ length: 4 + RATE_KEYS.length * 3 }, () => ({ width: 10 }))];
    sheet.addRow(['分组', '来访', '初访', '重复访', '人次', ...RATE_KEYS.flatMap((k) => [INDICATOR_LABELS[k], '分子', '分母'])]).font = { bold: true };
    for (const r of labelledBreakdown(ctx, period, by, outcomes)) {
      const row = sheet.addRow([r.label, r.visits, r.firstVisits, r.repeatVisits, r.people, ...RATE_KEYS.flatMap((k) => [r.indicators[k].value ?? '—', r.indicators[k].numerator, r.indicators[k].denominator])]);
      RATE_KEYS.forEach((_, i) => (row.getCell(6 + i * 3).numFmt = '0.0%'));
    }
  }
}

export async function exportFigures(ctx: ReadContext, period: Period) {
  const figures = windowFigures(ctx, period);
  if (!figures.ok) return figures;
  const book = new ExcelJS.Workbook();
  book.creator = '信访窗口';
  summarySheet(book, figures.value);
  breakdownSheets(book, ctx, period);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return ok({ fileName: `信访统计_${period.from}_${period.to}.xlsx`, mime: XLSX_MIME, dataBase64: bytes.toString('base64') });
}
