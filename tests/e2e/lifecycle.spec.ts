// A matter's life by law, driven through the UI in Chromium against dev:web: the queue, the
// classification wizard and every step from registration to termination, each PDF read back
// with pdftotext; the queue's counts and order against the backend's own answer; and the
// 检举控告 reporter masked for a handler and shown to a supervisor. Each test registers its
// own matters through the RPC, so no test depends on another or on other spec files.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { checkCharacter } from '../../domain/identity/residentId';
import type { MethodInput } from '../../domain/rpc/contract';
import { pageDispatch, rpc } from '../support/e2e/pageRpc';
import { configureNotices } from '../support/noticeSettings';
import { openAs, switchUser } from '../support/e2e/session';
import { pdfText } from '../support/pdfText';

const SHOTS = 'test-results/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });

// --- identities and the backend

const residentId = (first17: string) => first17 + checkCharacter(first17);

// Distinct per call and per run, so no registration here is taken for another spec's visitor.
let serial = Date.now() % 10_000;
function nextId(): string {
  serial += 1;
  const year = 1950 + (serial % 50);
  const month = String(1 + (serial % 12)).padStart(2, '0');
  const day = String(1 + (serial % 28)).padStart(2, '0');
  return residentId(`110105${year}${month}${day}${String(serial % 1000).padStart(3, '0')}`);
}

async function register(page: Page, name: string, summary: string) {
  return rpc(page, 'intake.register', { visitor: { credential: { type: 'resident', number: nextId() }, name, mobile: '13800138000' }, headcount: 1, summary });
}

/** A lifecycle step straight through the RPC, for matters this test only needs in some state. */
async function command(page: Page, matterId: string, cmd: Record<string, unknown>) {
  const input = { at: new Date().toISOString(), ...cmd } as MethodInput<'matters.command'>['command'];
  return rpc(page, 'matters.command', { matterId, command: input });
}

// --- the UI

async function openFromQueue(page: Page, matterNo: string) {
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await page.getByTestId('queue-table').getByRole('row', { name: new RegExp(matterNo) }).click();
  await expect(page.getByTestId('matter-no')).toHaveText(matterNo);
}

const okButton = (dialog: Locator) => dialog.getByRole('button', { name: /确\s*定/ });

/** Submits the open dialog and waits for it to close; a refusal in the dialog fails with its text. */
async function submit(page: Page) {
  const dialog = page.getByRole('dialog');
  await okButton(dialog).click();
  const refusal = dialog.getByTestId('command-refusal');
  await expect(async () => {
    if (await refusal.isVisible()) throw new Error(`refused: ${await refusal.innerText()}`);
    await expect(dialog).toBeHidden({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
}

/** Opens a command's dialog from the file, fills it and submits; then the status must read `status`. */
async function step(page: Page, type: string, status: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.getByTestId(`command-${type}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await submit(page);
  await expect(page.getByTestId('matter-status')).toHaveText(status);
}

/** Chooses a button-style radio by its text until it is checked (its input is covered by the button). */
async function choose(scope: Locator, label: string) {
  const radio = scope.getByRole('radio', { name: label, exact: true });
  await expect(async () => {
    await scope.getByText(label, { exact: true }).click();
    await expect(radio).toBeChecked({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
}

/** Answers the pre-screen (受理前审查): nothing keeps the body from accepting the matter. */
async function passPrescreen(dialog: Locator) {
  await choose(dialog.getByTestId('prescreen-terminated'), '否');
  await choose(dialog.getByTestId('prescreen-pending'), '否');
  await choose(dialog.getByTestId('prescreen-organ'), '不属于');
}

/** Answers the wizard's questions in turn: [question id, option text]. */
async function answer(dialog: Locator, answers: [string, string][]) {
  // Each answer moves the wizard on (its buttons never stay checked), which the next question's wait proves.
  for (const [id, option] of answers) await dialog.getByTestId(`question-${id}`).getByText(option, { exact: true }).click();
}

/**
 * Chooses a radio option and waits until it is chosen: a click that lands while the dialog is
 * still animating in is lost, which a plain click would not notice.
 */
async function pick(scope: Locator, label: string) {
  // check() says so when its click changed nothing; then the click is tried again.
  await expect(() => scope.getByRole('radio', { name: label, exact: true }).check({ timeout: 2_000 })).toPass({ timeout: 15_000 });
}

/** China's wall-clock time, as the page (Asia/Shanghai) reads a typed date. */
const chinaTime = (ms: number) => new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' });

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * A screenshot of the whole page: the shell scrolls inside its content area, so fullPage alone
 * would cut the file off; the window is made tall enough for the content (or `minHeight`).
 */
async function shoot(page: Page, name: string, minHeight = 0) {
  const viewport = page.viewportSize()!;
  const content = await page.locator('.ant-layout-content').evaluate((el) => el.scrollHeight - el.clientHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height + content, minHeight) });
  await page.screenshot({ path: path.join(SHOTS, name) });
  await page.setViewportSize(viewport);
}

test('a matter goes from registration through the classification wizard, handling, review and re-review to termination', async ({ page }) => {
  // Some twenty dialogs and every document read back: the longest walk of the suite.
  test.slow();
  await openAs(page, 'supervisor');
  await configureNotices(pageDispatch(page), 'supervisor').then(() => page.reload()); // who issues notices, which bodies review
  const { matterId, matterNo } = await register(page, '张三', '反映某公司拖欠工资三个月');

  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('queue-table').getByRole('row', { name: new RegExp(matterNo) })).toBeVisible();
  await shoot(page, 'queue.png');
  await openFromQueue(page, matterNo);
  await expect(page.getByTestId('matter-status')).toHaveText('已登记');
  await expect(page.getByTestId('matter-deadline')).toContainText('受理告知期限');

  // 分类: 申诉求决, none of art. 31 items 1–5 applies -> 信访程序.
  await step(page, 'classify', '已分类', async (dialog) => {
    await passPrescreen(dialog);
    await answer(dialog, [
      ['class', '申诉求决类'],
      ['litigation', '不属于'],
      ['arbitration', '否'],
      ['partyAppeal', '否'],
      ['administrative', '不属于'],
      ['dutyPerformance', '否'],
    ]);
    const result = dialog.getByTestId('classification-result');
    await expect(result).toContainText('信访程序');
    await expect(result).toContainText('有权处理的机关、单位');
    await expect(result).toContainText('出具信访处理意见书');
    await dialog.getByLabel(/责任单位名称/).fill('郑州市中原区人力资源和社会保障局');
    await shoot(page, 'wizard.png', 1250);
  });
  await expect(page.getByTestId('matter-basics')).toContainText('申诉求决类');

  // 受理 produces the acceptance notice, preselected.
  await step(page, 'accept', '已受理', async (dialog) => {
    await expect(dialog.getByLabel('信访事项受理告知书')).toBeChecked();
  });

  // A step dated before the matter was received is refused, and the refusal shows in the dialog.
  await page.getByTestId('command-startHandling').click();
  const dialog = page.getByRole('dialog');
  const at = dialog.getByLabel('日期时间');
  await at.fill(chinaTime(Date.now() - 3 * 86_400_000));
  await at.press('Enter');
  await okButton(dialog).click();
  await expect(dialog.getByTestId('command-refusal')).toContainText('早于收到信访事项的日期');
  await expect(dialog.getByTestId('command-refusal')).toContainText('time_out_of_order');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();

  await step(page, 'startHandling', '办理中');
  await step(page, 'extend', '延期办理中', async (d) => {
    await d.getByLabel('延长天数').fill('30');
    await d.getByLabel('批准人').fill('王局长');
    await d.getByLabel(/延期理由/).fill('案情复杂，需进一步调查核实');
  });
  await expect(page.getByTestId('matter-deadline')).toContainText('延期办理期限');
  await step(page, 'reply', '已答复', async (d) => {
    await pick(d, '予以支持');
    await d.getByLabel('调查核实的事实').fill('经调查核实，该公司拖欠张三2026年1月至3月工资共计9,000元。');
    await d.getByLabel('处理理由').fill('拖欠工资事实清楚，应当依法足额支付。');
    await d.getByLabel('法律法规依据').fill('《保障农民工工资支付条例》第三条');
    await d.getByLabel('处理意见', { exact: true }).fill('经调查核实，该公司确有拖欠工资情形，已责令限期足额支付。');
  });
  // The reply is handed over with a 送达回证, preselected.
  await step(page, 'deliver', '已送达', async (d) => {
    await expect(d.getByTestId('handed-over')).toHaveText('信访事项处理意见书');
    await expect(d.getByLabel('受送达人')).toHaveValue('张三');
    await expect(d.getByLabel('送达回证')).toBeChecked();
  });
  await step(page, 'rate', '已评价', async (d) => {
    await pick(d, '基本满意');
  });
  await step(page, 'requestReview', '复查中');
  await step(page, 'reviewOpinion', '已出具复查意见', async (d) => {
    await pick(d, '不予支持');
    await pick(d, '维持');
    await d.getByLabel('调查核实的事实').fill('复查查明，原处理意见认定的欠薪事实属实。');
    await d.getByLabel('复查理由').fill('原处理意见认定事实清楚，适用依据正确。');
    await d.getByLabel('法律法规依据').fill('《保障农民工工资支付条例》第三条');
    await d.getByLabel('复查意见', { exact: true }).fill('原处理意见认定事实清楚，适用依据正确，予以维持。');
  });
  // Delivering the review opinion keeps the state; the step then leaves the allowed list.
  await step(page, 'deliver', '已出具复查意见', async (d) => {
    await expect(d.getByTestId('handed-over')).toHaveText('信访事项复查意见书');
  });
  await expect(page.getByTestId('command-deliver')).toHaveCount(0);
  await step(page, 'requestReReview', '复核中');
  await step(page, 'reReviewOpinion', '已出具复核意见', async (d) => {
    await pick(d, '不予支持');
    await pick(d, '维持');
    await d.getByLabel('调查核实的事实').fill('复核查明，复查意见认定的事实属实。');
    await d.getByLabel('复核理由').fill('复查意见正确。');
    await d.getByLabel('法律法规依据').fill('《保障农民工工资支付条例》第三条');
    await d.getByLabel('复核意见', { exact: true }).fill('复查意见正确，予以维持。本复核意见为最终意见。');
  });
  // 终结 only once the 复核 opinion is delivered (DOMAIN.md §4).
  await expect(page.getByTestId('command-terminate')).toHaveCount(0);
  await step(page, 'deliver', '已出具复核意见');
  await step(page, 'terminate', '已终结');
  // Only 息诉罢访 can still be recorded on a terminated matter.
  await expect(page.getByTestId('commands').getByRole('button')).toHaveCount(1);
  await expect(page.getByTestId('command-desist')).toBeVisible();
  await expect(page.getByTestId('timeline').locator('.ant-steps-item, .ant-timeline-item')).toHaveCount(14);

  // The acceptance notice delivered through the documents list gets its own 送达回证.
  const documents = page.getByTestId('documents');
  const acceptance = documents.getByRole('row', { name: /信访事项受理告知书/ });
  await acceptance.getByRole('button', { name: /送\s*达/ }).click();
  await expect(page.getByRole('dialog').getByLabel('受送达人')).toHaveValue('张三');
  await submit(page);
  await expect(acceptance).toContainText('直接送达');

  // Every document is downloaded and read back: its title, the matter number and its wording.
  const KEY_PHRASES: Record<string, string> = {
    信访事项受理告知书: '特此告知',
    信访事项延期办理告知书: '负责人批准',
    信访事项处理意见书: '请求复查',
    信访事项复查意见书: '请求复核',
    信访事项复核意见书: '不再受理',
    送达回证: '受送达人签名或盖章',
  };
  const detail = await rpc(page, 'matters.get', { matterId });
  const produced = detail.documents.map((d) => d.title);
  for (const title of Object.keys(KEY_PHRASES)) expect(produced).toContain(title);
  expect(produced.filter((t) => t === '送达回证')).toHaveLength(4);
  const rows = documents.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(detail.documents.length);
  for (let i = 0; i < detail.documents.length; i++) {
    const row = rows.nth(i);
    const title = (await row.locator('td').first().innerText()).trim();
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /查\s*看/ }).click()]);
    expect(download.suggestedFilename()).toBe(`${matterNo}-${title}.pdf`);
    const text = squash(pdfText(fs.readFileSync(await download.path())));
    expect(text, title).toContain(matterNo);
    expect(text, title).toContain(title);
    if (KEY_PHRASES[title]) expect(text, title).toContain(KEY_PHRASES[title]);
  }
  await shoot(page, 'matter-file.png');
});

test('the queue lists the nearest deadlines first and its counts are the backend’s', async ({ page }) => {
  await openAs(page, 'supervisor');
  // Three deadlines: acceptance notice (15 days), the receiving body's notice after a transfer (15 days), handling (60 days).
  const waiting = await register(page, '陈一', '反映小区噪音扰民');
  const transferred = await register(page, '陈二', '请求查处非法采砂');
  const accepted = await register(page, '陈三', '反映征地补偿款未到位');
  await command(page, transferred.matterId, { type: 'classify', class: 'complaint', route: 'duty-performance', body: '某县水利局' });
  await command(page, transferred.matterId, { type: 'transfer', toBody: '某县水利局' });
  await command(page, accepted.matterId, { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '某县自然资源局' });
  await command(page, accepted.matterId, { type: 'accept' });

  await page.getByRole('menuitem', { name: '工作台' }).click();
  const table = page.getByTestId('queue-table');
  await expect(table.getByRole('row', { name: new RegExp(waiting.matterNo) })).toBeVisible();
  const queue = await rpc(page, 'matters.queue', { scope: 'all', dueSoonDays: 3 });

  // The cards say what the backend counts.
  await expect(page.getByTestId('count-overdue')).toContainText(String(queue.counts.overdue));
  await expect(page.getByTestId('count-due-soon')).toContainText(String(queue.counts.dueSoon));
  await expect(page.getByTestId('count-open')).toContainText(String(queue.counts.open));

  // Overdue first, then fewest days left; the page shows the backend's order.
  const rank = (i: (typeof queue.items)[number]) => (i.nextDeadline ? (i.nextDeadline.overdue ? -1e6 : 0) + i.nextDeadline.daysLeft : 1e9);
  const ranks = queue.items.map(rank);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  const order = queue.items.map((i) => i.matterNo);
  expect(order.indexOf(transferred.matterNo)).toBeLessThan(order.indexOf(accepted.matterNo));
  expect(order.indexOf(waiting.matterNo)).toBeLessThan(order.indexOf(accepted.matterNo));
  const shown = await table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
  expect(shown).toEqual(order.slice(0, shown.length));
  const row = table.getByRole('row', { name: new RegExp(transferred.matterNo) });
  // The objection is the receiving body's option, never the deadline that runs (DOMAIN.md §4).
  await expect(row).toContainText('收到转送后告知期限');
  const item = queue.items.find((i) => i.matterNo === transferred.matterNo)!;
  await expect(row).toContainText(`剩${item.nextDeadline!.daysLeft}天`);

  // The tabs list what the backend gives for each scope.
  for (const [tab, scope] of [['逾期', 'overdue'], ['临期', 'due-soon']] as const) {
    await page.getByRole('tab', { name: tab }).click();
    const scoped = await rpc(page, 'matters.queue', { scope, dueSoonDays: 3 });
    await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(scoped.items.length);
  }
  await page.getByRole('tab', { name: '全部' }).click();

  // A campaign of two matters, neither resolved yet: 0 of 2.
  const campaigns = page.getByTestId('campaigns');
  await campaigns.getByRole('button', { name: '新建专项' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('专项名称').fill('征地拆迁信访积案化解专项');
  await dialog.getByLabel('交办单位').fill('市信访局');
  await dialog.getByLabel(/交办事项编号/).fill(`${waiting.matterNo}\n${accepted.matterNo}\n`);
  await okButton(dialog).click();
  await expect(dialog).toBeHidden();
  const campaign = campaigns.getByRole('row', { name: /征地拆迁信访积案化解专项/ }).first();
  await expect(campaign).toContainText('市信访局');
  await expect(campaign).toContainText('0.0%');
  await campaign.getByText('0.0%').hover();
  await expect(page.getByRole('tooltip')).toContainText('息诉罢访的件数 ÷ 交办件数');
  await shoot(page, 'queue-campaign.png');
});

test('a 检举控告 reporter is masked for a handler and shown to a supervisor, who supervises the matter', async ({ page }) => {
  await openAs(page, 'handler');
  await configureNotices(pageDispatch(page), 'handler').then(() => page.reload()); // the receipt needs the bureau
  const { matterNo, matterId } = await register(page, '王五', '检举某局干部违规收受礼金');
  // Printed before anyone knew it was an accusation: the receipt names the reporter.
  await rpc(page, 'documents.generate', { matterId, kind: 'registration-receipt' });
  await openFromQueue(page, matterNo);
  await step(page, 'classify', '已分类', async (dialog) => {
    await passPrescreen(dialog);
    await answer(dialog, [
      ['class', '检举控告类'],
      ['accusedIsPublicOfficial', '是'],
    ]);
    await expect(dialog.getByTestId('classification-result')).toContainText('纪检监察机关');
    await expect(dialog.getByTestId('classification-result')).toContainText('检举人保护');
    await dialog.getByLabel(/责任单位名称/).fill('某县纪委监委');
  });

  // The handler sees the reporter masked, with the note saying why.
  await expect(page.getByTestId('reporter-protected')).toContainText('已按检举人保护要求隐去身份');
  await expect(page.getByTestId('reporter-protected').getByRole('img', { name: 'lock' })).toBeVisible();
  await expect(page.getByTestId('visitor-name')).toHaveText('王*');
  await expect(page.getByTestId('matter-basics')).not.toContainText('13800138000');
  // The receipt is listed but neither opened nor delivered by the handler.
  const receipt = page.getByTestId('documents').getByRole('row', { name: /信访事项登记回执/ });
  await expect(receipt).toContainText('仅科长/督办可查看');
  await expect(receipt.getByRole('button')).toHaveCount(0);
  await shoot(page, 'accusation-masked.png');

  // The supervisor, signed in with the sign-in form, sees who reported, and issues and closes a
  // supervision notice.
  await switchUser(page, 'supervisor');
  await openFromQueue(page, matterNo);
  await expect(page.getByTestId('visitor-name')).toHaveText('王五');
  await expect(page.getByTestId('reporter-protected')).toHaveCount(0);
  await expect(receipt.getByRole('button')).toHaveText([/查\s*看/, /送\s*达/]);

  await page.getByRole('button', { name: '签发督办' }).click();
  await page.getByRole('dialog').getByLabel('督办内容').fill('请于时限内查明情况并报送办理结果。');
  await submit(page);
  const notice = page.getByTestId('supervision').getByRole('row', { name: /督〔\d{4}〕\d+号/ });
  await expect(notice).toContainText('赵科长');
  await notice.getByRole('button', { name: /办\s*结/ }).click();
  await expect(notice).toContainText('已办结');

  await page.getByRole('button', { name: '指定包案领导' }).click();
  const lc = page.getByRole('dialog');
  await lc.getByLabel('包案领导').fill('刘副县长');
  await lc.getByLabel('责任人员').fill('县纪委监委 孙某；县信访局 周某');
  await lc.getByLabel('化解方案').fill('查明事实，依规依纪处理，及时反馈检举人。');
  await submit(page);
  await expect(page.getByTestId('leader-case')).toContainText('刘副县长');

  await page.getByRole('button', { name: '登记参与人员' }).click();
  const pd = page.getByRole('dialog');
  await pick(pd, '律师');
  await pd.getByLabel('姓名').fill('钱律师');
  await pd.getByLabel(/单位/).fill('某律师事务所');
  await submit(page);
  await expect(page.getByTestId('participants')).toContainText('钱律师');
  await shoot(page, 'accusation-supervisor.png');
});

test('the pre-screen refuses a matter pending elsewhere before any class is given, with its notice', async ({ page }) => {
  await openAs(page, 'handler');
  await configureNotices(pageDispatch(page), 'handler').then(() => page.reload()); // its notice needs the bureau
  const { matterId, matterNo } = await register(page, '李四', '反映宅基地纠纷');
  await openFromQueue(page, matterNo);
  await page.getByTestId('command-classify').click();
  const dialog = page.getByRole('dialog');
  await choose(dialog.getByTestId('prescreen-terminated'), '否');
  await choose(dialog.getByTestId('prescreen-pending'), '是');
  await dialog.getByTestId('prescreen-pending-at').fill('某镇人民政府');
  await choose(dialog.getByTestId('prescreen-organ'), '不属于');
  await expect(dialog.getByTestId('prescreen-outcome')).toContainText('正在某镇人民政府办理中');
  await expect(dialog.getByTestId('classification-wizard')).toHaveCount(0);
  await shoot(page, 'prescreen.png', 900);
  await dialog.getByRole('button', { name: /不予受理/ }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('matter-status')).toHaveText('不予受理');
  const detail = await rpc(page, 'matters.get', { matterId });
  expect(detail.transitions.at(-1)).toMatchObject({ command: 'decline', from: 'registered', to: 'not-accepted' });
  expect(detail.documents.map((d) => d.title)).toContain('信访事项不予受理告知书');
});
