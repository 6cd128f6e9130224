// The city's console against a real `npm run server` and a desk in dev:web (issue #14): the first
// administrator is set up with the set-up token and signs in; a device made in the console enrols
// the desk, which syncs; the registration shows in the console; a 督办 issued there arrives at the
// desk; a holiday published there moves a deadline at the desk; a figure opens its matters; a
// 专项 campaign's 化解率 rises when the desk records 息诉罢访, which reaches the city on a USB file.
// Every console page on the way, and its dialogs, passes axe-core (WCAG 2.1 A/AA).
import fs from 'node:fs';
import os from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import { countyId } from '../support/city';
import { accessibilityViolations, AXE_CONTEXT } from '../support/e2e/axe';
import { rpc } from '../support/e2e/pageRpc';
import { openAs, switchUser } from '../support/e2e/session';

const CITY = process.env.XF_E2E_CITY_URL!;
// Read, not imported: Playwright's loader takes JSON only with an import attribute.
const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
const TOKEN = process.env.XF_E2E_CITY_TOKEN!;
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/console-${name}.png`, fullPage: true });
const passesAxe = async (page: Page) => expect(await accessibilityViolations(page)).toEqual([]);

async function syncDesk(desk: Page) {
  await desk.getByRole('button', { name: /立即同步/ }).click();
  await expect(desk.getByTestId('sync-waiting')).toContainText('待同步 0 条', { timeout: 30_000 });
}

async function openMatter(desk: Page, matterNo: string) {
  await desk.getByRole('menuitem', { name: '工作台' }).click();
  await desk.getByTestId('queue-table').getByRole('row', { name: new RegExp(matterNo) }).click();
  await expect(desk.getByTestId('matter-no')).toHaveText(matterNo);
}

test('the city sets up its console, enrols a desk, sees its registration, supervises it and moves its deadline', async ({ page: desk, browser }) => {
  const context = await browser.newContext({ baseURL: CITY, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 }, ...AXE_CONTEXT });
  const city = await context.newPage();
  // The desk's first load compiles the app in Vite: on a busy machine longer than a sign-in check waits.
  await desk.goto('/');
  await expect(desk.getByRole('button').first()).toBeVisible({ timeout: 180_000 });

  // First administrator, with the set-up token; then a sign-in through the form.
  await city.goto('/');
  await expect(city.getByText('首次设置：创建管理员')).toBeVisible();
  await passesAxe(city);
  await city.getByLabel('启动令牌').fill(TOKEN);
  await city.getByLabel('工号').fill('cityadmin');
  await city.getByLabel('姓名').fill('王市局');
  await city.getByLabel('密码', { exact: true }).fill('CityAdmin2026');
  await city.getByLabel('再次输入密码').fill('CityAdmin2026');
  await city.getByRole('button', { name: /创建管理员并登录/ }).click();
  await expect(city.getByText('王市局（管理员）')).toBeVisible();
  await city.getByRole('button', { name: /退出登录/ }).click();
  await passesAxe(city);
  await city.getByLabel('工号').fill('cityadmin');
  await city.getByLabel('密码').fill('CityAdmin2026');
  await city.getByRole('button', { name: /登\s*录/ }).click();
  await expect(city.getByText('王市局（管理员）')).toBeVisible();

  // A device for 中原区, its code shown once.
  await city.getByRole('menuitem', { name: '设备' }).click();
  await city.getByLabel('县区代码').fill('410102');
  await city.getByLabel('设备名称').fill('中原区信访局窗口1');
  await city.getByRole('button', { name: /生成注册码/ }).click();
  const code = (await city.getByTestId('enrollment-code').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  await expect(city.getByAltText('注册码二维码')).toBeVisible();
  await shot(city, 'enrolment-code');
  await passesAxe(city);
  await city.getByRole('button', { name: /我已记下/ }).click();

  // The desk registers a visitor, then its administrator enrols it with that code and it syncs.
  await openAs(desk, 'clerk');
  const idField = desk.getByLabel(/证件号码|身份证号码/).first();
  await idField.click();
  await desk.keyboard.type(countyId(931, '19700203'));
  await desk.keyboard.press('Enter');
  await expect(desk.getByLabel('姓名').first()).toBeFocused();
  await desk.keyboard.type('钱控制');
  await desk.getByLabel('诉求摘要').fill('反映小区电梯长期停运，请求督促维修');
  await desk.keyboard.press('Control+Enter');
  const matterNo = (await desk.getByTestId('last-matter-no').innerText()).trim().match(/\d{6}-[A-Z0-9]+-\d{4}-\d{6}/)![0];
  await switchUser(desk, 'admin');
  await desk.getByRole('button', { name: /同步设置/ }).click();
  await desk.getByLabel('市级服务器地址').fill(CITY);
  await desk.getByLabel('注册码').fill(code);
  await desk.getByLabel('本机名称').fill('中原区一号窗口');
  await desk.getByRole('dialog').getByRole('button', { name: /确\s*定|注\s*册|保\s*存/ }).click();
  await expect(desk.getByTestId('sync-waiting')).toContainText('待同步 0 条', { timeout: 30_000 });

  // The console shows the device's contact and the registration.
  await city.reload();
  await expect(city.getByRole('row', { name: /中原区信访局窗口1/ })).toContainText('已注册');
  // The desk said its version (package.json) when it synced.
  await expect(city.getByRole('row', { name: /中原区信访局窗口1/ })).toContainText(version);
  await passesAxe(city);
  await city.getByRole('menuitem', { name: '信访件' }).click();
  const row = city.getByRole('row', { name: new RegExp(matterNo) });
  await expect(row).toContainText('钱控制');
  await passesAxe(city);
  await row.click();
  await expect(city.getByRole('dialog')).toContainText('反映小区电梯长期停运');
  await shot(city, 'matter');
  await passesAxe(city);
  await city.keyboard.press('Escape');

  // A 督办 from the city arrives at the desk with the next sync.
  await city.getByRole('menuitem', { name: '督办' }).click();
  await city.getByLabel('信访件编号').fill(matterNo);
  await city.getByLabel('办结时限').fill('2030-12-31');
  await city.getByLabel('办结时限').press('Enter');
  await city.getByLabel('督办内容').fill('请于时限内办结并报送结果');
  await city.getByRole('button', { name: /下\s*发/ }).click();
  const noticeRow = city.getByRole('row', { name: new RegExp(matterNo) });
  await expect(noticeRow).toContainText('办理中');
  await passesAxe(city);
  const noticeNo = (await noticeRow.getByRole('cell').first().innerText()).trim();
  await switchUser(desk, 'clerk');
  await syncDesk(desk);
  await openMatter(desk, matterNo);
  await expect(desk.getByTestId('supervision')).toContainText(noticeNo);
  await expect(desk.getByTestId('supervision')).toContainText('请于时限内办结并报送结果');

  // A holiday the city publishes on the desk's deadline day moves that deadline.
  const before = (await desk.getByTestId('matter-deadline').innerText()).match(/\d{4}-\d{2}-\d{2}/)![0];
  await city.getByRole('menuitem', { name: '基础数据' }).click();
  await city.getByLabel('内容').fill(JSON.stringify({ restDays: [before], workingDays: [] }));
  await city.getByRole('button', { name: /发\s*布/ }).click();
  await expect(city.getByText('已发布第 1 版')).toBeVisible();
  await passesAxe(city);
  await syncDesk(desk);
  await desk.reload();
  await openMatter(desk, matterNo);
  const after = (await desk.getByTestId('matter-deadline').innerText()).match(/\d{4}-\d{2}-\d{2}/)![0];
  expect(after > before).toBe(true);

  // A figure opens the matters behind it.
  await city.getByRole('menuitem', { name: '统计' }).click();
  const county = city.getByRole('row', { name: /^410102/ });
  await expect(county).toBeVisible();
  await passesAxe(city);
  await county.getByRole('button').first().click();
  await expect(city.getByRole('dialog').getByRole('row', { name: new RegExp(matterNo) })).toBeVisible();
  await shot(city, 'figures-drill');
  await passesAxe(city);
  await city.keyboard.press('Escape');

  // A campaign for 中原区 with the matter attached: nothing resolved yet.
  await city.getByRole('menuitem', { name: '专项' }).click();
  await city.getByLabel('专项名称').fill('电梯问题专项治理');
  await city.getByPlaceholder('开始日期').fill('2026-01-01');
  await city.getByPlaceholder('结束日期').fill('2030-12-31');
  await city.getByPlaceholder('结束日期').press('Enter');
  await city.getByLabel('交办县区').fill('410102');
  await city.getByLabel('交办县区').press('Enter');
  await city.getByRole('button', { name: /建\s*立/ }).click();
  const campaign = city.getByRole('row', { name: /电梯问题专项治理/ });
  await expect(campaign).toContainText('—（0/0）');
  await campaign.getByRole('button', { name: '展开行' }).click();
  await city.getByLabel('交办信访件编号').fill(matterNo);
  await city.getByRole('button', { name: /交\s*办/ }).click();
  await expect(campaign).toContainText('0.0%（0/1）');
  await passesAxe(city);

  // The desk records 息诉罢访 and carries it to the city on a USB file.
  await switchUser(desk, 'supervisor');
  await openMatter(desk, matterNo);
  await desk.getByTestId('command-desist').click();
  await desk.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
  await expect(desk.getByRole('dialog')).toBeHidden();
  await switchUser(desk, 'admin');
  const exported = await rpc(desk, 'sync.exportFile', { folder: os.tmpdir() });
  await city.getByRole('menuitem', { name: 'U盘同步' }).click();
  await city.locator('input[type=file]').setInputFiles(exported.path);
  await expect(city.getByText('导入结果')).toBeVisible();
  await expect(city.getByText('已确认至序号')).toBeVisible();
  const answer = city.waitForEvent('download');
  await city.getByRole('button', { name: /下载回执文件/ }).click();
  expect((await answer).suggestedFilename()).toMatch(/^xinfang-to-device-410102-D001-\d{8}T\d{6}\.json$/);
  await shot(city, 'usb-import');
  await passesAxe(city);
  await city.getByRole('menuitem', { name: '专项' }).click();
  await expect(city.getByRole('row', { name: /电梯问题专项治理/ })).toContainText('100.0%（1/1）');
  await shot(city, 'campaigns');
  // The console's own pages the story did not need: each passes axe too.
  const shown = { 账号: city.getByRole('row', { name: /cityadmin/ }), 审计: city.getByRole('row', { name: /导入U盘同步文件/ }), 修改密码: city.getByLabel('当前密码') };
  for (const [page, content] of Object.entries(shown)) {
    await city.getByRole('menuitem', { name: page }).click();
    await expect(content).toBeVisible();
    await passesAxe(city);
  }
  await city.getByRole('menuitem', { name: '审计' }).click();
  // What the import recorded reads in words, not as the stored JSON.
  await expect(shown.审计).toContainText('本次接收：');
  await expect(shown.审计).not.toContainText('{"');
  await shot(city, 'audit');
  // The trail the desk sent, online and on the stick, holds line by line at the city.
  await city.getByRole('menuitem', { name: '设备' }).click();
  await city.getByRole('row', { name: /中原区信访局窗口1/ }).getByRole('button', { name: '核验审计' }).click();
  const verdict = city.getByRole('dialog', { name: '中原区信访局窗口1 的审计日志' });
  await expect(verdict).toContainText(/审计日志完整：共 \d+ 条记录，逐条核对无误/);
  await passesAxe(city);
  await shot(city, 'device-audit');
  await verdict.getByRole('button', { name: '知道了' }).click();
  await context.close();
});
