// 历史台账 workbooks for the import's tests, its e2e spec and its bench: a heading row as county
// ledgers have it, then rows of earlier records, good or broken in a chosen way.
import ExcelJS from 'exceljs';
import { checkCharacter } from '../../domain/identity/residentId';

export const LEDGER_HEADINGS = ['原编号', '信访人姓名', '身份证号码', '联系电话', '来访日期', '信访方式', '问题分类', '被反映单位', '反映问题', '办理状态', '办结日期'];

/** A valid resident number for person `i` (up to 28,000 people), born on one of the first 28 days of 1970's months. */
export function ledgerId(i: number): string {
  const month = String(1 + (Math.floor(i / 1000) % 12)).padStart(2, '0');
  const day = String(1 + (Math.floor(i / 12000) % 28)).padStart(2, '0');
  const first17 = `4101021970${month}${day}${String(i % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** One good row: person `i` (a valid 证件 number of its own), received in 2019, closed or terminated. */
export function ledgerRow(i: number, state: '办结' | '终结' = '办结'): (string | Date)[] {
  return [`2019-${String(i).padStart(5, '0')}`, `历史${i}`, ledgerId(i), '13800138000', new Date(Date.UTC(2019, 3, 1 + (i % 28))), '来访', '城乡建设/物业管理', '某物业公司', `反映第${i}号小区供暖问题`, state, '2019-12-20'];
}

export async function ledgerXlsx(rows: (string | Date | number)[][], headings: string[] = LEDGER_HEADINGS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('台账');
  sheet.addRow(headings);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
