// The whole chain in a browser (issue #2): a clerk registers a visitor offline, sees it in
// today's list, enrols the window with a city server the test started, syncs, and the test reads
// the matter back through the city's side.
import { expect, test } from '@playwright/test';
import { countyId } from '../support/city';
import { startCityServer } from '../support/cityServer';
import { openAs, switchUser } from '../support/e2e/session';

test('a registration made offline reaches the city after enrolment and 立即同步', async ({ page }) => {
  const city = await startCityServer();
  try {
    await openAs(page, 'clerk');
    const idNumber = countyId(901, '19750315');
    const idField = page.getByLabel(/证件号码|身份证号码/).first();
    await idField.click();
    await page.keyboard.type(idNumber);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('姓名').first()).toBeFocused();
    await page.keyboard.type('赵同步');
    await page.getByLabel('诉求摘要').fill('反映村道硬化工程拖延，请求督促施工');
    await page.keyboard.press('Control+Enter');
    const matterNo = (await page.getByTestId('last-matter-no').innerText()).trim().match(/\d{6}-[A-Z0-9]+-\d{4}-\d{6}/)?.[0];
    expect(matterNo).toBeTruthy();
    const row = page.getByTestId('today-list').getByRole('row', { name: /赵同步/ });
    await expect(row).toContainText('待同步');
    await expect(page.getByTestId('status-bar')).toContainText('未注册到市级服务器');

    // Only the administrator enrols the window.
    await expect(page.getByTestId('status-bar')).toContainText('请管理员登录后注册本机');
    await switchUser(page, 'admin');
    const code = await city.enrollmentCode();
    await page.getByRole('button', { name: /同步设置/ }).click();
    await page.getByLabel('市级服务器地址').fill(city.url);
    await page.getByLabel('注册码').fill(code);
    await page.getByLabel('本机名称').fill('中原区一号窗口');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定|注\s*册|保\s*存/ }).click();
    await expect(page.getByTestId('sync-waiting')).toContainText('待同步 0 条', { timeout: 20_000 });
    await switchUser(page, 'clerk');
    await expect(row).toContainText('已同步', { timeout: 20_000 });
    await page.screenshot({ path: 'test-results/screenshots/sync-enrolled.png', fullPage: true });

    // The matter number the window issued before enrolment still identifies it at the city.
    const back = await city.admin('GET', `/api/v1/admin/matters?matterNo=${encodeURIComponent(matterNo!)}`);
    expect(back.status).toBe(200);
    expect(back.body.matters).toMatchObject([{ matterNo, countyCode: '410102', visitor: { name: '赵同步', documentNumber: idNumber } }]);
  } finally {
    await city.close();
  }
});
