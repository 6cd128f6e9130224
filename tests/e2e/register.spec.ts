// The full register (台账) in Chromium against dev:web: filtered through its controls, the view
// kept in the address across a reload and a visit to a matter's file; a number and a chart bar on
// 统计 opening exactly their matters; and the view exported to Excel and read back.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { checkCharacter } from '../../domain/identity/residentId';
import { rpc } from '../support/e2e/pageRpc';
import { openAs } from '../support/e2e/session';

const SHOTS = 'test-results/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });
// Many steps, an export and a reload each: longer than the default on a busy 2-core machine.
test.describe.configure({ timeout: 300_000 });
// The first load compiles the app on a busy machine: wait for it before the sign-in's own wait.
test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#root *').first()).toBeVisible({ timeout: 120_000 });
});

// Distinct per call and per run, so no registration here is taken for another spec's visitor.
let serial = (Date.now() % 9000) + 500;
function nextId(): string {
  serial += 1;
  const first17 = `41010219${60 + (serial % 30)}0${1 + (serial % 9)}1${serial % 10}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** Registers a matter and gives it to `unit`, the run's own 责任单位, so the filter finds only this run's. */
async function registered(page: Page, unit: string, name: string, channel: 'visit' | 'letter') {
  const r = await rpc(page, 'intake.register', { visitor: { credential: { type: 'resident', number: nextId() }, name, mobile: '13800138000' }, channel, headcount: 1, categoryCode: '0101', summary: `${name}反映小区供暖问题` });
  await rpc(page, 'matters.command', { matterId: r.matterId, command: { type: 'classify', class: 'complaint', route: 'petition-procedure', body: unit, at: new Date().toISOString() } });
  return r.matterNo;
}

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByLabel(label, { exact: true }).fill(option);
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await page.keyboard.press('Escape');
}

const count = (page: Page) => page.getByTestId('register-count');

test('the register filters, keeps its view across a reload and a matter’s file, and exports it', async ({ page }, info) => {
  await openAs(page, 'supervisor');
  const unit = `台账测试单位${Date.now() % 100000}`;
  const letters = [await registered(page, unit, '台账来信甲', 'letter'), await registered(page, unit, '台账来信乙', 'letter')];
  const visit = await registered(page, unit, '台账来访丙', 'visit');

  await page.getByRole('menuitem', { name: '台账', exact: true }).click();
  await expect(page.getByTestId('register-table')).toBeVisible();
  await pick(page, '责任单位', unit);
  await expect(count(page)).toHaveText('共 3 件');
  await pick(page, '渠道', '来信');
  await expect(count(page)).toHaveText('共 2 件');
  const table = page.getByTestId('register-table');
  // The virtual table draws its rows as plain blocks, not table rows: found by their text.
  for (const no of letters) await expect(table.getByText(no, { exact: true })).toBeVisible();
  await expect(table.getByText(visit, { exact: true })).toHaveCount(0);
  expect(new URL(page.url()).searchParams.getAll('channels')).toEqual(['letter']);
  expect(new URL(page.url()).searchParams.getAll('units')).toEqual([unit]);
  await page.screenshot({ path: `${SHOTS}/register-filtered.png`, fullPage: true });

  // A reload opens the same view: the same filter in the controls, the same rows.
  await page.reload();
  await expect(count(page)).toHaveText('共 2 件');
  await expect(page.getByTestId('register-filters')).toContainText(unit);
  await expect(page.getByTestId('register-filters')).toContainText('来信');
  await expect(table.getByText(letters[0]!, { exact: true })).toBeVisible();

  // A row opens the matter's file; 返回台账 comes back to the same view.
  await table.getByText(letters[0]!, { exact: true }).click();
  await expect(page.getByTestId('matter-no')).toHaveText(letters[0]!);
  await page.getByRole('button', { name: '返回台账' }).click();
  await expect(count(page)).toHaveText('共 2 件');

  // The view to Excel, its progress shown, and the file read back.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出Excel/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^信访台账_\d{8}-\d{4}\.xlsx$/);
  const file = info.outputPath('register.xlsx');
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows = (book.getWorksheet('台账')!.getSheetValues().filter(Boolean) as unknown[][]).slice(1);
  expect(rows.map((r) => r[1]).sort()).toEqual([...letters].sort());
  expect(rows.every((r) => r[3] === '来信' && r[14] === unit)).toBe(true);
  const cover = (book.getWorksheet('说明')!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => String(r[1]));
  expect(cover).toContain(`责任单位：${unit}`);
});

test('a number and a chart bar on 统计 open exactly their matters in the register', async ({ page }) => {
  await openAs(page, 'supervisor');
  await registered(page, `统计钻取单位${Date.now() % 100000}`, '钻取来信', 'letter');
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
  const year = { from: `${today.slice(0, 4)}-01-01`, to: today };
  const figures = await rpc(page, 'figures.get', year);

  await page.getByRole('menuitem', { name: '统计' }).click();
  await page.getByRole('button', { name: '初访的事项' }).click();
  await expect(page.getByTestId('register-drill')).toContainText(`${year.from} 至 ${year.to} 有初访的事项`);
  await expect(count(page)).toHaveText(`共 ${figures.firstVisits} 件`);
  await page.screenshot({ path: `${SHOTS}/register-drilled.png`, fullPage: true });
  await page.getByRole('button', { name: '返回统计' }).click();

  // By channel: the tallest bar opens that channel's visited matters.
  const { rows } = await rpc(page, 'figures.breakdown', { ...year, by: 'channel' });
  const tallest = rows.reduce((best, r, i) => (r.visits > rows[best]!.visits ? i : best), 0);
  await page.getByRole('tab', { name: '按渠道' }).click();
  await expect(page.getByTestId('breakdown-table').getByRole('row', { name: new RegExp(`^${rows[tallest]!.label}`) })).toBeVisible();
  const chart = page.getByTestId('breakdown-chart');
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/figures-breakdown.png`, fullPage: true });
  const box = (await chart.boundingBox())!;
  // The grid leaves 48 px on the left, 56 on the right and 56 below (BreakdownChart.tsx).
  const slot = (box.width - 48 - 56) / rows.length;
  const drill = page.getByTestId('register-drill');
  // A click on the canvas can be lost while echarts is still laying the chart out (seen once in
  // 4 CI runs, never here); the bar is clicked again until the register opens, as a person would.
  await expect(async () => {
    if (!(await drill.isVisible())) await chart.click({ position: { x: 48 + slot * (tallest + 0.5), y: box.height - 56 - 3 }, timeout: 2_000 });
    await expect(drill).toContainText('有来访的事项', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  expect(new URL(page.url()).searchParams.getAll('channels')).toEqual([rows[tallest]!.key]);
  const listed = await rpc(page, 'register.page', { filter: { channels: [rows[tallest]!.key as 'visit'], from: year.from, to: year.to }, limit: 500 });
  expect(listed.next).toBeNull();
  // Every matter here was received this year, so those visited this year are those received —
  // but a voided registration (another spec voids one) is in no figure, though the 科长's register lists it.
  const counted = listed.rows.filter((r) => !r.voided).length;
  expect(counted).toBeGreaterThan(0);
  await expect(count(page)).toHaveText(`共 ${counted} 件`);
});
