// Every notice kind, issued through the UI in Chromium against dev:web and read back with
// pdftotext (DOMAIN.md §5): the 管理员 sets the bureau in 文书设置, the steps that produce notices
// are taken, the rest are issued from the file's 出具文书, and each PDF names bodies, routes and
// reasons in words with its article, its body, its deadline and its remedy. A 复查 or 复核 asked
// too late needs 30 days to pass, which the real clock here cannot: the UI shows the refusal to
// issue it while the window is open; its PDF is read back in tests/integration/notices.test.ts.
import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { checkCharacter } from '../../domain/identity/residentId';
import type { MethodInput } from '../../domain/rpc/contract';
import { pdfText } from '../support/pdfText';
import { TEST_BUREAU, TEST_ORGANISATIONS } from '../support/noticeSettings';
import { rpc } from '../support/e2e/pageRpc';
import { openAs } from '../support/e2e/session';

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

// --- the hearing and the agreement (听证, 调解/和解): taken in the file's dialogs, offered once taken

/** The bureau and the tree, set by the 管理员 through the RPCs the 文书设置 page calls. */
async function setNotices(page: Page) {
  await openAs(page, 'admin');
  await rpc(page, 'noticeSettings.setBureau', TEST_BUREAU);
  await rpc(page, 'noticeSettings.setOrganisations', { organisations: TEST_ORGANISATIONS });
}

/** Opens a step's dialog from the file, fills it and submits; a refusal fails with its words. */
async function takeStep(page: Page, type: string, fill: (dialog: Locator) => Promise<void>) {
  // The dialog dates the step now: after the steps sent above, which may run a second ahead.
  await page.waitForTimeout(Math.max(0, tick - Date.now() + 1000));
  await page.getByTestId(`command-${type}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog.getByTestId('command-refusal')).toHaveCount(0);
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

/** Whether the file's 出具文书 offers a notice of that title. */
async function expectOffered(page: Page, title: string, offered: boolean) {
  await page.getByTestId('issue-notice').getByLabel('文书种类').click();
  // The list is open: a notice always offered shows, so a missing one is truly not offered.
  const always = page.getByRole('option', { name: '信访事项受理告知书', exact: true });
  await expect(always).toBeVisible();
  const option = page.getByRole('option', { name: title, exact: true });
  if (offered) await expect(option).toBeVisible();
  else await expect(option).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(always).toBeHidden();
}

/** A day `days` from now in China, as the form takes it and as a notice prints it. */
function chinaDay(days: number): { iso: string; words: string } {
  const iso = new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const [y, m, d] = iso.split('-').map(Number);
  return { iso, words: `${y}年${m}月${d}日` };
}

test('the hearing notice and record, the 调解协议书 and the 和解协议书: taken in the file, offered once taken, read back with the article, the body and the time', async ({ page }) => {
  test.setTimeout(600_000);
  await setNotices(page);
  await openAs(page, 'supervisor');
  const hearingDay = chinaDay(3);
  const m = await register(page, '反映某建筑公司拖欠工资，请求督促支付');
  for (const cmd of [{ type: 'classify', class: 'complaint', route: 'petition-procedure', body: HANDLING }, { type: 'accept' }, { type: 'startHandling' }]) await command(page, m.matterId, cmd);
  await openMatter(page, m.matterNo);
  await expectOffered(page, '信访事项听证通知书', false);

  await takeStep(page, 'noticeHearing', async (d) => {
    await d.getByLabel('听证日期').fill(hearingDay.iso);
    await d.getByLabel('听证日期').press('Enter');
    await d.getByLabel('听证时间').fill('09:30');
    await d.getByLabel('听证时间').press('Enter');
    await d.getByLabel('听证地点').fill('郑州市中原区信访局听证室');
    await expect(d.getByLabel('信访事项听证通知书')).toBeChecked();
  });
  await expectOffered(page, '信访事项听证通知书', true);
  const notice = await readBack(page, '信访事项听证通知书');
  for (const words of [`${HANDLING}决定就该事项举行听证`, '《信访工作条例》第三十一条第六项', `听证时间：${hearingDay.words}9时30分`, '听证地点：郑州市中原区信访局听证室', '申请回避', TEST_BUREAU.name, TEST_BUREAU.phone]) {
    expect(notice).toContain(words);
  }

  await takeStep(page, 'pauseForHearing', async (d) => {
    await d.getByLabel('听证天数').fill('1');
    await d.getByLabel('听证参加人', { exact: true }).fill('主持人李明；信访人王秀英；某建筑公司代表刘伟');
    await d.getByLabel('听证经过').fill('双方陈述，听证员询问');
    await d.getByLabel('听证参加人的陈述').fill('王秀英称被拖欠工资9000元；刘伟称已付6000元');
    await d.getByLabel('听证查明的事实').fill('公司尚欠王秀英工资3000元');
    await expect(d.getByLabel('信访事项听证笔录')).toBeChecked();
  });
  const record = await readBack(page, '信访事项听证笔录');
  for (const words of [`听证机关${HANDLING}`, `听证时间${hearingDay.words}9时30分`, '主持人李明；信访人王秀英', '三、听证查明的事实：公司尚欠王秀英工资3000元', '《信访工作条例》第三十一条第六项']) {
    expect(record).toContain(words);
  }

  await takeStep(page, 'settle', async (d) => {
    await d.getByRole('radio', { name: '调解', exact: true }).check();
    // 调解 makes a 调解协议书, never a 和解协议书.
    await expect(d.getByLabel('调解协议书')).toBeChecked();
    await expect(d.getByLabel('和解协议书')).toHaveCount(0);
    await d.getByLabel('对方当事人').fill('郑州某建筑有限公司');
    await d.getByLabel('协议内容').fill('郑州某建筑有限公司于十五日内支付工资3000元');
  });
  await expect(page.getByTestId('matter-status')).toHaveText('已达成调解（和解）协议');
  await expectOffered(page, '和解协议书', false);
  await expectOffered(page, '调解协议书', true);
  await page.screenshot({ path: `${SHOTS}/notices-hearing-agreement.png`, fullPage: true });
  const agreement = await readBack(page, '调解协议书');
  for (const words of ['当事人（信访人）王秀英', '对方当事人郑州某建筑有限公司', '经双方当事人同意进行调解', '《信访工作条例》第三十三条', '一、双方当事人约定：郑州某建筑有限公司于十五日内支付工资3000元', '签名或者盖章之日起生效', TEST_BUREAU.phone]) {
    expect(agreement).toContain(words);
  }

  // 和解: the parties settle themselves, the handling body guiding; its own paper, never the 调解协议书.
  const settled = await register(page, '反映某物业公司多收取暖费');
  for (const cmd of [
    { type: 'classify', class: 'complaint', route: 'petition-procedure', body: HANDLING },
    { type: 'accept' },
    { type: 'startHandling' },
    { type: 'settle', kind: 'reconciliation', otherParty: '郑州某物业服务有限公司', agreement: '郑州某物业服务有限公司退还多收取暖费600元', documents: ['reconciliation-agreement'] },
  ]) await command(page, settled.matterId, cmd);
  await openMatter(page, settled.matterNo);
  await expectOffered(page, '调解协议书', false);
  const reconciled = await readBack(page, '和解协议书');
  for (const words of [`引导和解的机关${HANDLING}`, '对方当事人郑州某物业服务有限公司', '《信访工作条例》第三十三条', '退还多收取暖费600元', TEST_BUREAU.phone]) expect(reconciled).toContain(words);

  // A hearing in the 复核 is held by the body above the reviewer and its days are not counted (art. 36).
  const reReview = await register(page, '反映某公司拖欠加班费');
  for (const cmd of [
    { type: 'classify', class: 'complaint', route: 'petition-procedure', body: HANDLING },
    { type: 'accept' },
    { type: 'startHandling' },
    { type: 'reply', opinion: 'not-support', text: '加班费已结清', ...FINDINGS },
    { type: 'deliver', method: 'in-person', to: '王秀英' },
    { type: 'requestReview' },
    { type: 'reviewOpinion', opinion: 'not-support', decision: 'uphold', text: '维持', ...FINDINGS },
    { type: 'deliver', method: 'in-person', to: '王秀英' },
    { type: 'requestReReview' },
    { type: 'noticeHearing', hearingOn: hearingDay.iso, hearingTime: '14:00', place: '郑州市信访局听证室', documents: ['hearing-notice'] },
  ]) await command(page, reReview.matterId, cmd);
  await openMatter(page, reReview.matterNo);
  const heard = await readBack(page, '信访事项听证通知书');
  for (const words of [`${CITY}决定就该事项举行听证`, '《信访工作条例》第三十六条', `听证时间：${hearingDay.words}14时`, '听证所需时间不计算在复核期限内']) expect(heard).toContain(words);
});
