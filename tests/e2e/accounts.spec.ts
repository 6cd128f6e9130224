// Accounts at the window, as people use them: the administrator checks the audit trail and makes
// an account; its owner signs in with the first password and must change it; a locked window
// keeps the half-typed form and opens only with the password; a re-key shows the new recovery
// code once. Each of these screens and dialogs passes axe-core too: the accounts page with the
// check's finding, 新建账号 with its field errors, the sign-in screen with its refusal, the first
// password's change, the lock with its refusal, the recovery code's notice, the first run's
// set-up and the recovery screen.
import { expect, test } from '@playwright/test';
import { ROLE_LABELS } from '../../domain/staff/roles';
import { accessibilityViolations, AXE_CONTEXT } from '../support/e2e/axe';
import { openAs } from '../support/e2e/session';
import { pageDispatch } from '../support/e2e/pageRpc';
import { PASSWORD } from '../support/staff';

test.use(AXE_CONTEXT);

test('an account made by the administrator signs in, must change its first password, each screen and dialog on the way passing axe', async ({ page }) => {
  await openAs(page, 'admin');
  await page.getByRole('menuitem', { name: '账号管理' }).click();
  await page.getByRole('button', { name: '核验审计日志' }).click();
  await expect(page.getByText(/^审计日志完整：共 \d+ 条记录，逐条核对无误/)).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  const userNo = `C${Date.now() % 100_000}`;
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(dialog.getByText('请填写工号')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await dialog.getByLabel('工号').fill(userNo);
  await dialog.getByLabel('姓名').fill('孙登记');
  await dialog.getByLabel('初始密码').fill('Chushi2026');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page.getByRole('row', { name: new RegExp(userNo) })).toContainText('待本人改密码');

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: /登\s*录/ })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel('工号').fill(userNo);
  await page.getByLabel('密码').fill('wrong-password1');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('alert')).toContainText('工号或密码不正确');
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel('密码').fill('Chushi2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();

  await expect(page.getByText('首次登录，请修改初始密码')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel('当前密码').fill('Chushi2026');
  await page.getByLabel('新密码', { exact: true }).fill('Xinmima2026');
  await page.getByLabel('再次输入新密码').fill('Xinmima2026');
  await page.getByRole('button', { name: /修改密码/ }).click();
  await expect(page.getByTestId('user-menu')).toHaveText(`孙登记（${ROLE_LABELS.clerk}）`);
  // A 登记员 sees the desk's pages, not the administrator's.
  await expect(page.getByRole('menuitem', { name: '来访登记' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '账号管理' })).toHaveCount(0);
});

test('a locked window keeps the half-typed registration, opens only with the password and passes axe', async ({ page }) => {
  await openAs(page, 'clerk');
  await page.getByLabel('诉求摘要').fill('锁屏前录入一半的诉求');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '锁定窗口' }).click();
  const lock = page.getByRole('dialog', { name: '窗口已锁定' });
  await expect(lock).toBeVisible();
  // Behind the lock the backend answers nothing but the unlock.
  expect(await pageDispatch(page)('intake.listToday', {})).toMatchObject({ ok: false, code: 'session_locked' });
  await lock.getByLabel('密码').fill('not-my-password1');
  await lock.getByRole('button', { name: /解\s*锁/ }).click();
  await expect(lock.getByRole('alert')).toContainText('密码不正确');
  expect(await accessibilityViolations(page)).toEqual([]);
  await lock.getByLabel('密码').fill(PASSWORD);
  await lock.getByRole('button', { name: /解\s*锁/ }).click();
  await expect(lock).toHaveCount(0);
  await expect(page.getByLabel('诉求摘要')).toHaveValue('锁屏前录入一半的诉求');
});

test('a re-key shows the new recovery code once, to be kept, in a notice that passes axe', async ({ page }) => {
  await openAs(page, 'admin');
  await page.getByRole('menuitem', { name: '账号管理' }).click();
  await page.getByRole('button', { name: '更换数据密钥' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
  const notice = page.getByRole('dialog', { name: '请打印并妥善保管恢复密钥' });
  await expect(notice.getByTestId('recovery-code')).toHaveText(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);
  await expect(notice.getByRole('button', { name: '我已保存，继续' })).toBeDisabled();
  expect(await accessibilityViolations(page)).toEqual([]);
  await notice.getByRole('checkbox').check();
  await notice.getByRole('button', { name: '我已保存，继续' }).click();
  await expect(notice).toHaveCount(0);
});

/**
 * The first run and the recovery screen show only while a store has no account, or does not open
 * with this machine's key. This data folder has both behind it, so `session.get` is answered as
 * such a store answers it; everything else, `store.recover`'s refusal included, is the backend's.
 */
test('the first run’s set-up and the recovery screen pass axe, with their field errors and a refusal', async ({ page }) => {
  await openAs(page, 'admin');
  const closed = { user: null, locked: false, idleMinutes: 15 };
  let answer = { ...closed, setupNeeded: true, recoveryNeeded: false };
  await page.route('**/rpc/session.get', (route) => route.fulfill({ json: { ok: true, value: answer } }));

  await page.reload();
  await expect(page.getByText('首次使用：请设置本机的管理员账号')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await expect(page.getByText('请填写姓名')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  answer = { ...closed, setupNeeded: false, recoveryNeeded: true };
  await page.reload();
  await expect(page.getByText('需要恢复密钥')).toBeVisible();
  await page.getByRole('button', { name: '打开数据' }).click();
  await expect(page.getByText('请填写恢复密钥')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel('恢复密钥').fill('ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789');
  await page.getByRole('button', { name: '打开数据' }).click();
  await expect(page.getByText('本机数据已正常打开，无需恢复')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});
