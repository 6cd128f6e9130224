// Excel in (历史台账) through the UI in Chromium against dev:web: a sample ledger with good and bad
// rows chosen on 台账导入, the proposed mapping and every row's check, the refused rows with
// their reasons, the import; then, at the next registration, the terminated person flagged.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openAs } from '../support/e2e/session';
import { ledgerId, ledgerRow, ledgerXlsx } from '../support/ledger';

const SHOTS = 'test-results/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });
const ID = '#registration_visitor_credential_number';

test('a sample ledger with good and bad rows is imported, and a terminated person is flagged at the next registration', async ({ page }) => {
  // The reader worker starts at the first preview: slow on a busy machine.
  test.setTimeout(300_000);
  // People of this run only: the data folder is shared with other specs and earlier runs.
  const base = 20_000 + (Date.now() % 8_000);
  const closed = ledgerRow(base);
  const terminated = ledgerRow(base + 1, '终结');
  const badId = ledgerRow(base + 2);
  badId[2] = `${String(badId[2]).slice(0, 17)}${String(badId[2]).endsWith('0') ? '1' : '0'}`;
  const badDate = ledgerRow(base + 3);
  badDate[4] = '2019年13月40日';
  const file = path.join('test-results', `台账-${base}.xlsx`);
  fs.writeFileSync(file, await ledgerXlsx([closed, terminated, badId, badDate]));

  await openAs(page, 'supervisor');
  await page.getByRole('menuitem', { name: '台账导入' }).click();
  await page.getByTestId('import-page').locator('input[type=file]').setInputFiles(file);
  const check = page.getByTestId('import-check');
  await expect(check).toContainText('可以导入2');
  await expect(check).toContainText('拒绝导入2');
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('校验');
  await expect(report).toContainText('登记日期“2019年13月40日”无法识别');
  await expect(page.getByLabel('证件号码')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/import-a-preview.png`, fullPage: true });

  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-done')).toContainText('已导入 2 条记录（其中已终结 1 条）；拒绝 2 行。');
  await page.screenshot({ path: `${SHOTS}/import-b-done.png`, fullPage: true });

  // The terminated person comes to the window: the number alone finds the imported matter, in red.
  await page.getByRole('menuitem', { name: '来访登记' }).click();
  await page.locator(ID).click();
  await page.keyboard.type(`${ledgerId(base + 1)} 历史${base + 1}`);
  await page.keyboard.press('Enter');
  const item = page.getByTestId('prior-matter').filter({ hasText: '已终结' });
  await expect(item.getByTestId('terminated-warning')).toBeVisible();
  await expect(item).toContainText(`反映第${base + 1}号小区供暖问题`);
  await page.screenshot({ path: `${SHOTS}/import-c-terminated-flagged.png`, fullPage: true });
});
