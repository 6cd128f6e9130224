// Every screen of the desk against axe-core's WCAG 2.1 A/AA rules, with real content on it: the
// intake form empty and with a person's earlier matters and field errors, the work queue, the
// figures, and a matter's file. Each screen is also photographed, to look at after a theme change.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { countyId } from '../support/city';
import { accessibilityViolations } from '../support/e2e/axe';
import { rpc } from '../support/e2e/pageRpc';
import { openAs } from '../support/e2e/session';

// The page's CSP forbids injected scripts; axe is injected, so this context bypasses it.
test.use({ bypassCSP: true });

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
