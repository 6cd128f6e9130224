// The desk's dialogs against axe-core's WCAG 2.1 A/AA rules, each open with real content on it: a
// matter's 分类 (the pre-screen, the wizard and its result), a step with its own fields, documents
// and field errors (答复), the 送达 of a document from the file's list, and 同步设置 with its field
// errors. Each dialog is also photographed. The screens are in accessibility.spec.ts.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { MethodInput } from '../../domain/rpc/contract';
import { countyId } from '../support/city';
import { accessibilityViolations, AXE_CONTEXT } from '../support/e2e/axe';
import { pageDispatch, rpc } from '../support/e2e/pageRpc';
import { openAs } from '../support/e2e/session';
import { configureNotices } from '../support/noticeSettings';

test.use(AXE_CONTEXT);

const SHOTS = path.resolve('test-results/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

async function registerAndOpen(page: Page, seq: number, steps: Record<string, unknown>[] = []) {
  const r = await rpc(page, 'intake.register', {
    visitor: { credential: { type: 'resident', number: countyId(seq, '19720808') }, name: '对话框测试', mobile: '13800138000' },
    headcount: 1,
    summary: '反映某公司拖欠工资三个月',
  });
  for (const step of steps) {
    const command = { at: new Date().toISOString(), ...step } as MethodInput<'matters.command'>['command'];
    await rpc(page, 'matters.command', { matterId: r.matterId, command });
  }
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await page.getByTestId('queue-table').getByRole('row', { name: new RegExp(r.matterNo) }).click();
  await expect(page.getByTestId('matter-no')).toHaveText(r.matterNo);
}

/** The open dialog, checked and photographed. */
async function expectDialogPasses(page: Page, name: string): Promise<Locator> {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await dialog.screenshot({ path: path.join(SHOTS, `a11y-dialog-${name}.png`) });
  return dialog;
}

/** Chooses a button-style radio by its text until it is checked: a click while the dialog animates in is lost. */
async function choose(scope: Locator, label: string) {
  await expect(async () => {
    await scope.getByText(label, { exact: true }).click();
    await expect(scope.getByRole('radio', { name: label, exact: true })).toBeChecked({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
}

test('分类 passes axe at the pre-screen and with the wizard answered and its result shown', async ({ page }) => {
  await openAs(page, 'supervisor');
  await registerAndOpen(page, 811);
  await page.getByTestId('command-classify').click();
  const dialog = await expectDialogPasses(page, 'prescreen');

  await choose(dialog.getByTestId('prescreen-terminated'), '否');
  await choose(dialog.getByTestId('prescreen-pending'), '否');
  await choose(dialog.getByTestId('prescreen-organ'), '不属于');
  const answers = [['class', '申诉求决类'], ['litigation', '不属于'], ['arbitration', '否'], ['partyAppeal', '否'], ['administrative', '不属于'], ['dutyPerformance', '否']];
  for (const [id, option] of answers) await dialog.getByTestId(`question-${id}`).getByText(option!, { exact: true }).click();
  await expect(dialog.getByTestId('classification-result')).toContainText('信访程序');
  await expect(dialog.getByLabel(/责任单位名称/)).toBeVisible();
  await expectDialogPasses(page, 'classify');
});

test('答复 with its field errors, and 送达 of a document from the file, pass axe', async ({ page }) => {
  await openAs(page, 'supervisor');
  await configureNotices(pageDispatch(page), 'supervisor').then(() => page.reload());
  await registerAndOpen(page, 812, [
    { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '郑州市中原区人力资源和社会保障局' },
    { type: 'accept', documents: ['acceptance-notice'] },
    { type: 'startHandling' },
  ]);

  await page.getByTestId('command-reply').click();
  let dialog = await expectDialogPasses(page, 'reply');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog.locator('.ant-form-item-explain-error').first()).toBeVisible();
  await expectDialogPasses(page, 'reply-errors');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('documents').getByRole('row', { name: /信访事项受理告知书/ }).getByRole('button', { name: /送\s*达/ }).click();
  dialog = await expectDialogPasses(page, 'delivery');
  await expect(dialog.getByLabel('受送达人')).toHaveValue('对话框测试');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();
});

test('同步设置 passes axe empty and with its field errors', async ({ page }) => {
  await openAs(page, 'admin');
  await page.getByRole('button', { name: /同步设置/ }).click();
  const dialog = await expectDialogPasses(page, 'enrol');
  await dialog.getByRole('button', { name: /注\s*册/ }).click();
  await expect(dialog.locator('.ant-form-item-explain-error').first()).toBeVisible();
  await expectDialogPasses(page, 'enrol-errors');
});
