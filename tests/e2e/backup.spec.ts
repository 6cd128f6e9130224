// Backup and restore at the window (issue #15), as the administrator uses them: choose the
// folder (a USB drive), back up with one click and see it listed, then restore it — the backend
// process reopens the restored store and the window asks for a sign-in again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openAs } from '../support/e2e/session';

test('the administrator backs up to a chosen folder and restores that backup', async ({ page }) => {
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-e2e-usb-'));
  await openAs(page, 'admin');
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  await page.getByLabel('文件夹或U盘').fill(usb);
  await page.getByLabel('每天自动备份').click();
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('备份设置已保存')).toBeVisible();

  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/上次备份\/恢复成功/)).toBeVisible();
  const row = page.getByRole('row', { name: /手动/ });
  await expect(row).toHaveCount(1);
  expect(fs.readdirSync(usb).filter((n) => n.startsWith('xinfang-backup-'))).toHaveLength(1);
  await page.screenshot({ path: 'test-results/e2e/backup-page.png', fullPage: true });

  await row.getByRole('button', { name: /恢\s*复/ }).click();
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  await dialog.getByRole('button', { name: /恢\s*复/ }).click();
  await expect(page.getByRole('dialog', { name: '恢复完成' })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/backup-restored.png' });
  await page.getByRole('button', { name: /知道了|确\s*定|OK/ }).click();
  // The backend process started again on the restored store: nobody is signed in there.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('button', { name: /登\s*录/ })).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 60_000 });
});
