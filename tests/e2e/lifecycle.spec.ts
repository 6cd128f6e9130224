// A matter's life by law, driven through the UI in Chromium against dev:web: the queue, the
// classification wizard and every step from registration to termination, each PDF read back
// with pdftotext; the queue's counts and order against the backend's own answer. Each test
// registers its own matters through the RPC, so no test depends on another or on other spec
// files. The 检举控告 reporter's masking is in whistleblower.spec.ts.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { MethodInput } from '../../domain/rpc/contract';
import { answer, choose, okButton, openFromQueue, passPrescreen, pick, register, shoot, step, submit } from '../support/e2e/matterUi';
import { pageDispatch, rpc } from '../support/e2e/pageRpc';
import { configureNotices } from '../support/noticeSettings';
import { openAs } from '../support/e2e/session';
import { pdfText } from '../support/pdfText';

/** A lifecycle step straight through the RPC, for matters this test only needs in some state. */
async function command(page: Page, matterId: string, cmd: Record<string, unknown>) {
  const input = { at: new Date().toISOString(), ...cmd } as MethodInput<'matters.command'>['command'];
  return rpc(page, 'matters.command', { matterId, command: input });
}

/** China's wall-clock time, as the page (Asia/Shanghai) reads a typed date. */
const chinaTime = (ms: number) => new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' });

const squash = (s: string) => s.replace(/\s+/g, '');

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
