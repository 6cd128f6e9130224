// Every notice kind, issued through the UI in Chromium against dev:web and read back with
// pdftotext (DOMAIN.md §5): the 管理员 sets the bureau in 文书设置, the steps that produce notices
// are taken, the rest are issued from the file's 出具文书, and each PDF names bodies, routes and
// reasons in words with its article, its body, its deadline and its remedy. A 复查 or 复核 asked
// too late needs 30 days to pass, which the real clock here cannot: the UI shows the refusal to
// issue it while the window is open; its PDF is read back in tests/integration/notices.test.ts.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { checkCharacter } from '../../domain/identity/residentId';
import type { MethodInput } from '../../domain/rpc/contract';
import { pdfText } from '../support/pdfText';
import { TEST_BUREAU, TEST_ORGANISATIONS } from '../support/noticeSettings';
import { rpc } from './pageRpc';
import { openAs } from './session';

const SHOTS = 'test-results/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });

const HANDLING = '郑州市中原区人力资源和社会保障局';
const COUNTY = '郑州市中原区人民政府';
const CITY = '郑州市人民政府';
const NO_CODES = /skip-level|pending-elsewhere|outside-powers|arbitration|petition-procedure|\{\{/;

let serial = (Date.now() % 9000) + 500;
function nextId(): string {
  serial += 1;
  const first17 = `41010219${String(40 + (serial % 50))}0302${String(serial % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

async function register(page: Page, summary: string) {
  return rpc(page, 'intake.register', { visitor: { credential: { type: 'resident', number: nextId() }, name: '王秀英', mobile: '13800138000' }, headcount: 1, summary });
}

// Steps one second apart, so that they come in time order.
let tick = Date.now();
async function command(page: Page, matterId: string, cmd: Record<string, unknown>) {
  tick = Math.max(tick + 1000, Date.now());
  const input = { at: new Date(tick).toISOString(), ...cmd } as MethodInput<'matters.command'>['command'];
  const r = await rpc(page, 'matters.command', { matterId, command: input });
  expect(r.warnings).toEqual([]);
}

/** Opens the matter's file from the title bar's search, by its number. */
async function openMatter(page: Page, matterNo: string) {
  await page.getByTestId('header-search').fill(matterNo);
  await expect(page.getByTestId('search-hit').first()).toContainText(matterNo, { timeout: 60_000 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('matter-no')).toHaveText(matterNo);
}

/** Issues a notice from the file's 出具文书. */
async function issue(page: Page, title: string) {
  const box = page.getByTestId('issue-notice');
  await box.getByLabel('文书种类').click();
  await page.getByRole('option', { name: title, exact: true }).click();
  await box.getByRole('button', { name: /出\s*具/ }).click();
}

/** Downloads the newest document of that title from the file and reads it back. */
async function readBack(page: Page, title: string): Promise<string> {
  const row = page.getByTestId('documents').getByRole('row', { name: new RegExp(title) }).last();
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /查\s*看/ }).click()]);
  const text = pdfText(fs.readFileSync(await download.path())).replace(/\s+/g, '');
  expect(text, title).toContain(title);
  expect(text, title).not.toMatch(NO_CODES);
  return text;
}

const FINDINGS = { basis: '《保障农民工工资支付条例》第三条', factsFound: '经调查核实，该公司拖欠工资9000元属实', reasons: '拖欠工资事实清楚' };

test('the 管理员 sets the bureau; every notice is issued in the UI and reads back in words with its article, body, deadline and remedy', async ({ page }) => {
  test.setTimeout(600_000);
  // 文书设置: the bureau through the form, the tree through the same RPC the page's table calls.
  await openAs(page, 'admin');
  await page.getByRole('menuitem', { name: '文书设置' }).click();
  await page.getByLabel('本局名称').fill(TEST_BUREAU.name);
  await page.getByLabel('本局地址').fill(TEST_BUREAU.address);
  await page.getByLabel('联系电话').fill(TEST_BUREAU.phone);
  await page.getByLabel('印章文字').fill(TEST_BUREAU.seal);
  await page.getByRole('button', { name: '保存本局信息' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await rpc(page, 'noticeSettings.setOrganisations', { organisations: TEST_ORGANISATIONS });
  await page.reload();
  await page.getByRole('menuitem', { name: '文书设置' }).click();
  await expect(page.getByTestId('organisations').getByRole('row')).toHaveCount(TEST_ORGANISATIONS.length + 1);
  await page.screenshot({ path: `${SHOTS}/notice-settings.png`, fullPage: true });

  await openAs(page, 'supervisor');
  // A matter through every stage to termination: 受理, 延期, 处理意见, 复查 (变更), 复核 (维持).
  const full = await register(page, '反映某公司拖欠工资三个月，请求督促支付');
  for (const cmd of [
    { type: 'classify', class: 'complaint', route: 'petition-procedure', body: HANDLING },
    { type: 'accept', documents: ['acceptance-notice'] },
    { type: 'startHandling' },
    { type: 'extend', days: 30, reason: '需要补充调查取证', approvedBy: '张局长', documents: ['extension-notice'] },
    { type: 'reply', opinion: 'support', text: '责令该公司30日内足额支付', ...FINDINGS, documents: ['handling-opinion'] },
    { type: 'deliver', method: 'in-person', to: '王秀英' },
    { type: 'requestReview' },
    { type: 'reviewOpinion', opinion: 'support', decision: 'modify', text: '支付期限改为15日', ...FINDINGS, documents: ['review-opinion'] },
    { type: 'deliver', method: 'in-person', to: '王秀英' },
    { type: 'requestReReview' },
    { type: 'reReviewOpinion', opinion: 'not-support', decision: 'uphold', text: '复查意见正确', ...FINDINGS, documents: ['re-review-opinion'] },
    { type: 'deliver', method: 'in-person', to: '王秀英' },
    { type: 'terminate' },
  ]) await command(page, full.matterId, cmd);
  const declined = await register(page, '越级到市里反映宅基地纠纷');
  await command(page, declined.matterId, { type: 'decline', ground: 'skip-level', toBody: '郑州市中原区住房和城乡建设局', reason: '经询问，未向区级机关提出', documents: ['non-acceptance-notice'] });
  const guided = await register(page, '要求公司支付加班费');
  await command(page, guided.matterId, { type: 'classify', class: 'complaint', route: 'arbitration', body: '郑州市中原区劳动人事争议仲裁委员会' });
  await command(page, guided.matterId, { type: 'guide', documents: ['legal-route-notice'] });
  const transferred = await register(page, '请求查处非法采砂');
  await command(page, transferred.matterId, { type: 'classify', class: 'complaint', route: 'duty-performance', body: '郑州市中原区水利局' });
  await command(page, transferred.matterId, { type: 'transfer', toBody: '郑州市中原区水利局', documents: ['transfer-notice'] });

  // The terminated matter raised again: the 不再受理告知书, issued from its file.
  await openMatter(page, full.matterNo);
  await issue(page, '信访事项不再受理告知书');
  await expect(page.getByTestId('documents')).toContainText('信访事项不再受理告知书');
  const t = {
    acceptance: await readBack(page, '信访事项受理告知书'),
    extension: await readBack(page, '信访事项延期办理告知书'),
    handling: await readBack(page, '信访事项处理意见书'),
    review: await readBack(page, '信访事项复查意见书'),
    reReview: await readBack(page, '信访事项复核意见书'),
    noFurther: await readBack(page, '信访事项不再受理告知书'),
  };
  await page.screenshot({ path: `${SHOTS}/notices-file.png`, fullPage: true });
  for (const words of [`该事项由${HANDLING}依法办理`, '《信访工作条例》第二十二条', TEST_BUREAU.phone, TEST_BUREAU.name]) expect(t.acceptance).toContain(words);
  for (const words of ['因需要补充调查取证', '办理期限延长至', '《信访工作条例》第三十四条']) expect(t.extension).toContain(words);
  for (const words of ['二、调查核实的事实：经调查核实，该公司拖欠工资9000元属实', '对你的信访请求予以支持', '《信访工作条例》第三十二条', `30日内，向${COUNTY}书面请求复查`]) {
    expect(t.handling).toContain(words);
  }
  for (const words of [`对你的复查请求予以支持，变更${HANDLING}于`, '《信访工作条例》第三十五条', `30日内，向${CITY}书面请求复核`]) expect(t.review).toContain(words);
  for (const words of [`对你的复核请求不予支持，维持${COUNTY}于`, '不再受理']) expect(t.reReview).toContain(words);
  for (const words of [`${CITY}已于`, '终结', '《信访工作条例》第三十六条', '不再受理', TEST_BUREAU.address]) expect(t.noFurther).toContain(words);

  // 不予受理 (越级), with the body to go to; and the visitor's receipt from the same file.
  await openMatter(page, declined.matterNo);
  await issue(page, '信访事项登记回执');
  await expect(page.getByTestId('documents')).toContainText('信访事项登记回执');
  const refused = await readBack(page, '信访事项不予受理告知书');
  for (const words of ['越级提出信访事项', '《信访工作条例》关于逐级走访的规定', '请你逐级走访，向郑州市中原区住房和城乡建设局提出', '决定不予受理']) expect(refused).toContain(words);
  expect(await readBack(page, '信访事项登记回执')).toContain(declined.matterNo);

  await openMatter(page, guided.matterNo);
  const guide = await readBack(page, '导入法定途径告知书');
  for (const words of ['属于应当通过仲裁程序解决的事项', '向郑州市中原区劳动人事争议仲裁委员会提出', '《信访工作条例》第三十一条']) expect(guide).toContain(words);

  await openMatter(page, transferred.matterNo);
  const transfer = await readBack(page, '信访事项转送（交办）告知书');
  for (const words of ['转送郑州市中原区水利局办理', '《信访工作条例》第二十一条', '15日内书面告知']) expect(transfer).toContain(words);
});

test('a 复查 still in time cannot be refused as late: the window says until when', async ({ page }) => {
  await openAs(page, 'supervisor');
  const m = await register(page, '反映小区供暖不达标');
  for (const cmd of [
    { type: 'classify', class: 'complaint', route: 'petition-procedure', body: HANDLING },
    { type: 'accept' },
    { type: 'startHandling' },
    { type: 'reply', opinion: 'explain', text: '供暖温度符合标准', ...FINDINGS },
    { type: 'deliver', method: 'in-person', to: '王秀英' },
  ]) await command(page, m.matterId, cmd);
  await openMatter(page, m.matterNo);
  await issue(page, '复查请求不予受理告知书');
  await expect(page.getByText(/请求复查的期限至.+尚未届满/)).toBeVisible();
  await expect(page.getByTestId('documents')).not.toContainText('复查请求不予受理告知书');
});
