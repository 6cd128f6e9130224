// Corrections that keep history, through the UI in Chromium against dev:web: a mistyped name
// corrected on the matter's file with a reason, and the timeline showing old → new; a wrong step
// taken back by the 科长 (struck through, kept), and a mistaken registration voided.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { checkCharacter } from '../../domain/identity/residentId';
import { rpc } from '../support/e2e/pageRpc';
import { openAs } from '../support/e2e/session';

const SHOTS = 'test-results/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });

// Distinct per run, so no registration here is taken for another spec's visitor.
let serial = Date.now() % 10_000;
function nextId(): string {
  serial += 1;
  const first17 = `410102199${serial % 10}${String(1 + (serial % 12)).padStart(2, '0')}${String(1 + (serial % 28)).padStart(2, '0')}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

async function openFile(page: Page, name: string) {
  const reg = await rpc(page, 'intake.register', { visitor: { credential: { type: 'resident', number: nextId() }, name, mobile: '13800138000' }, headcount: 1, summary: '反映小区供暖不达标' });
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await page.getByTestId('queue-table').getByRole('row', { name: new RegExp(reg.matterNo) }).click();
  await expect(page.getByTestId('matter-no')).toHaveText(reg.matterNo);
  return reg;
}

async function submitDialog(page: Page) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
}

test('a mistyped name is corrected with a reason, and the history shows old and new', async ({ page }) => {
  await openAs(page, 'clerk');
  await openFile(page, '王晓明');
  // The window corrects what it typed; voiding and taking a step back are the 科长's.
  await expect(page.getByTestId('action-void')).toHaveCount(0);
  await expect(page.getByTestId('action-withdraw')).toHaveCount(0);
  await page.getByTestId('action-correct').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('信访人姓名').fill('王小明');
  await dialog.getByLabel('更正理由').fill('登记时姓名录错，经核对身份证更正');
  await page.screenshot({ path: `${SHOTS}/corrections-a-dialog.png` });
  await submitDialog(page);

  await expect(page.getByTestId('section-basics')).toContainText('王小明');
  const entry = page.getByTestId('timeline').getByTestId('correction-correct');
  await expect(entry.getByTestId('correction-change')).toHaveText('信访人姓名：王晓明 → 王小明');
  await expect(entry).toContainText('理由：登记时姓名录错，经核对身份证更正');
  await expect(entry).toContainText('王登记');
  await page.screenshot({ path: `${SHOTS}/corrections-b-history.png`, fullPage: true });
});

test('the 科长 takes a wrong step back and voids a mistaken registration; both stay in the history', async ({ page }) => {
  await openAs(page, 'supervisor');
  const reg = await openFile(page, '李桂芝');
  await rpc(page, 'matters.command', { matterId: reg.matterId, command: { at: new Date().toISOString(), type: 'classify', class: 'complaint', route: 'petition-procedure', body: '县人社局' } });
  await page.getByRole('button', { name: /刷\s*新/ }).click();
  await expect(page.getByTestId('matter-status')).toHaveText('已分类');

  await page.getByTestId('action-withdraw').click();
  await page.getByRole('dialog').getByLabel('撤回理由').fill('分类有误，应为建议意见类');
  await submitDialog(page);
  await expect(page.getByTestId('matter-status')).toHaveText('已登记');
  await expect(page.getByTestId('step-withdrawn')).toContainText('已撤回');
  await expect(page.getByTestId('correction-withdraw')).toContainText('撤回「分类」：已分类 → 已登记');

  await expect(page.getByRole('button', { name: '签发督办' })).toBeVisible();
  await page.getByTestId('action-void').click();
  await page.getByRole('dialog').getByLabel('作废理由').fill('同一来访重复登记');
  await submitDialog(page);
  await expect(page.getByTestId('matter-voided')).toContainText('同一来访重复登记');
  await expect(page.getByTestId('correction-actions')).toHaveCount(0);
  // A voided registration is no one's work: nothing offers to supervise it.
  await expect(page.getByRole('button', { name: '签发督办' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /指定包案领导|调整包案/ })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/corrections-c-withdrawn-and-voided.png`, fullPage: true });
});
