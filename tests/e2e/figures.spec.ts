// 统计 in Chromium against dev:web: the period's visits and the published rates with their
// formulas, the same numbers the backend gives, a chart, and the Excel download read back.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { INDICATOR_FORMULAS, INDICATOR_LABELS } from '../../domain/figures/indicators';
import { checkCharacter } from '../../domain/identity/residentId';
import { rpc } from '../support/e2e/pageRpc';
import { openAs } from '../support/e2e/session';

const SHOTS = 'test-results/screenshots';
/** A statistic card's whole text: its title, the number and the unit. */
const shown = (title: string, n: number, unit: string) => new RegExp(`^${title}\\s*${n}\\s*${unit}$`);
fs.mkdirSync(SHOTS, { recursive: true });

test('统计 shows this year’s figures with their formulas, as a table, a chart and an Excel download', async ({ page }, info) => {
  await openAs(page, 'supervisor');
  const first17 = `41010219800101${String(Date.now() % 1000).padStart(3, '0')}`;
  await rpc(page, 'intake.register', { visitor: { credential: { type: 'resident', number: first17 + checkCharacter(first17) }, name: '统计来访人', mobile: '13800138000' }, headcount: 2, summary: '反映小区路灯损坏' });
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
  const expected = await rpc(page, 'figures.get', { from: `${today.slice(0, 4)}-01-01`, to: today });
  expect(expected.visits).toBeGreaterThan(0);

  await page.getByRole('menuitem', { name: '统计' }).click();
  const table = page.getByTestId('rates-table');
  for (const [key, label] of Object.entries(INDICATOR_LABELS)) {
    const row = table.getByRole('row', { name: new RegExp(label) });
    await expect(row).toContainText(INDICATOR_FORMULAS[key as keyof typeof INDICATOR_FORMULAS]);
    const r = expected.indicators[key as keyof typeof expected.indicators];
    await expect(row).toContainText(`${r.numerator} / ${r.denominator}`);
  }
  await expect(page.getByTestId('figure-visits')).toHaveText(shown('来访', expected.visits, '次'));
  await expect(page.getByTestId('figure-people')).toHaveText(shown('来访人次', expected.people, '人次'));
  await expect(page.getByTestId('rates-chart').locator('canvas')).toBeVisible();
  await expect(page.getByRole('button', { name: /导出Excel/ })).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/figures.png`, fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出Excel/ }).click()]);
  expect(download.suggestedFilename()).toBe(`信访统计_${today.slice(0, 4)}-01-01_${today}.xlsx`);
  const file = info.outputPath('figures.xlsx');
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows = book.getWorksheet('统计')!.getSheetValues().filter(Boolean) as unknown[][];
  expect(String(rows[1]?.[1])).toContain(`来访 ${expected.visits} 次`);
  expect(rows.find((r) => r[1] === '重复信访率')?.slice(3, 5)).toEqual([expected.repeatRate.numerator, expected.repeatRate.denominator]);

  // Another period through the picker's presets: the page asks again and shows that period's numbers.
  const lastYear = String(Number(today.slice(0, 4)) - 1);
  const before = await rpc(page, 'figures.get', { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` });
  await page.getByLabel('统计期').first().click();
  await page.getByText('上年', { exact: true }).click();
  await expect(page.locator('.ant-picker-input input').first()).toHaveValue(`${lastYear}-01-01`);
  await expect(page.getByTestId('figure-visits')).toHaveText(shown('来访', before.visits, '次'));
});
