// Every screen of the desk against axe-core's WCAG 2.1 A/AA rules, with real content on it: the
// intake form empty and with a person's earlier matters and field errors, the work queue, the
// figures, a matter's file, the register, the import's preview, the notice settings, backups and
// the search's results. Each screen is also photographed, to look at after a theme change. The
// dialogs are in accessibility-dialogs.spec.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { countyId } from '../support/city';
import { accessibilityViolations, AXE_CONTEXT } from '../support/e2e/axe';
import { pageDispatch, rpc } from '../support/e2e/pageRpc';
import { openAs } from '../support/e2e/session';
import { ledgerRow, ledgerXlsx } from '../support/ledger';
import { configureNotices, TEST_ORGANISATIONS } from '../support/noticeSettings';

test.use(AXE_CONTEXT);

const SHOTS = path.resolve('test-results/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `a11y-${name}.png`) });

async function registerSomeone(page: Page, seq: number) {
  return rpc(page, 'intake.register', {
    visitor: { credential: { type: 'resident', number: countyId(seq, '19700505') }, name: '无障碍测试', mobile: '13800138000' },
    headcount: 1,
    summary: '反映小区电梯长期停用',
  });
}

test('来访登记 passes axe empty, and with a registration made, earlier matters, representatives and field errors on it', async ({ page }) => {
  await openAs(page, 'supervisor');
  const id = countyId(801, '19700505');
  const idBox = page.locator('#registration_visitor_credential_number');
  await expect(idBox).toBeFocused();
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.keyboard.type(`${id} 无障碍测试`);
  await page.keyboard.press('Enter');
  await page.locator('#registration_summary').fill('反映小区电梯长期停用');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('registered')).toBeVisible();
  await expect(idBox).toBeFocused();

  // The same person again, as a group this time, registered before anything else is filled.
  await page.keyboard.type(id);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('prior-matters')).toContainText('反映小区电梯长期停用');
  await page.locator('#registration_headcount').fill('12');
  await expect(page.getByTestId('representatives')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#registration_summary_help')).toHaveText('请填写诉求摘要');
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, 'intake');
});

test('工作台 passes axe', async ({ page }) => {
  await openAs(page, 'supervisor');
  const { matterNo } = await registerSomeone(page, 802);
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('queue-table').getByRole('row', { name: new RegExp(matterNo) })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, 'queue');
});

test('统计 passes axe', async ({ page }) => {
  await openAs(page, 'supervisor');
  await page.getByRole('menuitem', { name: '统计' }).click();
  await expect(page.getByTestId('rates-table')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, 'figures');
});

test('事项详情 passes axe', async ({ page }) => {
  await openAs(page, 'supervisor');
  const { matterNo } = await registerSomeone(page, 803);
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await page.getByTestId('queue-table').getByRole('row', { name: new RegExp(matterNo) }).click();
  await expect(page.getByTestId('matter-no')).toHaveText(matterNo);
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, 'matter');
});

test('台账 passes axe with matters in it and a filter set', async ({ page }) => {
  await openAs(page, 'supervisor');
  const { matterNo } = await registerSomeone(page, 804);
  await page.getByRole('menuitem', { name: '台账', exact: true }).click();
  const table = page.getByTestId('register-table');
  await expect(table.getByText(matterNo, { exact: true })).toBeVisible();
  await page.getByLabel('渠道', { exact: true }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '来访' }).first().click();
  await page.keyboard.press('Escape');
  await expect(table.getByText(matterNo, { exact: true })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, 'register');
});

test('台账导入 passes axe with a ledger previewed: its mapping, its check and a refused row', async ({ page }) => {
  // The reader worker starts at the first preview: slow on a busy machine.
  test.setTimeout(300_000);
  const base = 10_000 + (Date.now() % 8_000);
  const bad = ledgerRow(base + 1);
  bad[4] = '2019年13月40日';
  const file = path.join(os.tmpdir(), `xf-a11y-台账-${base}.xlsx`);
  fs.writeFileSync(file, await ledgerXlsx([ledgerRow(base), bad]));
  await openAs(page, 'supervisor');
  await page.getByRole('menuitem', { name: '台账导入' }).click();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByTestId('import-page').locator('input[type=file]').setInputFiles(file);
  await expect(page.getByTestId('import-check')).toContainText('拒绝导入1');
  await expect(page.getByTestId('import-report')).toContainText('无法识别');
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, 'import');
});

test('文书设置 passes axe with the bureau and an organisation tree', async ({ page }) => {
  await openAs(page, 'admin');
  await configureNotices(pageDispatch(page), 'admin');
  await page.reload();
  await page.getByRole('menuitem', { name: '文书设置' }).click();
  await expect(page.getByTestId('organisations').getByRole('row')).toHaveCount(TEST_ORGANISATIONS.length + 1);
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, 'notice-settings');
});

test('备份与恢复 passes axe with a backup listed and the restore confirmation open', async ({ page }) => {
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-a11y-usb-'));
  await openAs(page, 'admin');
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel('文件夹或U盘').fill(usb);
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('备份设置已保存')).toBeVisible();
  await page.getByRole('button', { name: '立即备份' }).click();
  const row = page.getByRole('row', { name: /手动/ });
  await expect(row).toHaveCount(1);
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, 'backup');

  await row.getByRole('button', { name: /恢\s*复/ }).click();
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  await expect(dialog).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the search passes axe with its results open, and with its refusal of a fragment too short', async ({ page }) => {
  await openAs(page, 'supervisor');
  const { matterNo } = await registerSomeone(page, 805);
  const box = page.getByTestId('header-search');
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await box.pressSequentially('无障碍测试');
  // The first long read starts the reader worker: slow on a busy machine, and no wrong answer.
  await expect(page.getByTestId('search-hit').filter({ hasText: matterNo })).toBeVisible({ timeout: 60_000 });
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, 'search');

  await box.fill('无');
  await expect(page.getByTestId('search-message')).toHaveText('请至少输入两个字');
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, 'search-refusal');
});
