// The city's figures as an Excel workbook (exceljs): one row per county and the city's total,
// the counts and each published rate with its numerator and denominator, and the formulas below.
import ExcelJS from 'exceljs';
import { INDICATOR_FORMULAS, INDICATOR_LABELS, REPEAT_RATE_FORMULA, REPEAT_RATE_LABEL, type Indicators, type Rate } from '../../domain/figures/indicators';
import type { countyFigures, CountyFigures } from './figures';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RATES = Object.keys(INDICATOR_LABELS) as (keyof Indicators)[];

export async function figuresWorkbook(f: Awaited<ReturnType<typeof countyFigures>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '市级信访管理控制台';
  const sheet = book.addWorksheet('各县区统计');
  sheet.addRow([`统计期：${f.from} 至 ${f.to}；集体访按 ${f.groupVisitThreshold} 人以上计`]).font = { bold: true };
  const rateHeads = [...RATES.map((k) => INDICATOR_LABELS[k]), REPEAT_RATE_LABEL].flatMap((l) => [l, '分子', '分母']);
  sheet.addRow(['县区', '信访件', '来访', '初访', '重复访', '人次', '集体访', '终结后来访', ...rateHeads]).font = { bold: true };
  const line = (name: string, c: CountyFigures) => {
    const rates: Rate[] = [...RATES.map((k) => c.indicators[k]), c.repeatRate];
    const row = sheet.addRow([name, c.matters, c.visits, c.firstVisits, c.repeatVisits, c.people, c.groupVisits, c.terminatedMatterVisits, ...rates.flatMap((r) => [r.value ?? '—', r.numerator, r.denominator])]);
    rates.forEach((_, i) => (row.getCell(9 + i * 3).numFmt = '0.0%'));
  };
  for (const c of f.counties) line(c.countyCode, c);
  line('全市合计', f.total);
  sheet.addRow([]);
  for (const k of RATES) sheet.addRow([INDICATOR_LABELS[k], INDICATOR_FORMULAS[k]]);
  sheet.addRow([REPEAT_RATE_LABEL, REPEAT_RATE_FORMULA]);
  sheet.getColumn(1).width = 26;
  return Buffer.from(await book.xlsx.writeBuffer());
}
