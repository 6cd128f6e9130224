// The intake desk in Chromium, driven by the keyboard alone as a clerk with a card reader
// drives it: registration, group visits, the repeat-visit check, a terminated matter's
// warning, drafts across a reload, the receipt PDF and a refused ID number. Each test uses its
// own ID numbers, so the order of tests does not matter.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { badCheckId, countyId } from '../support/city';
import { configureNotices } from '../support/noticeSettings';
import { pageDispatch } from '../support/e2e/pageRpc';
import { openAs } from '../support/e2e/session';

const SHOTS = path.resolve('test-results/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

const ID = '#registration_visitor_credential_number';
const SUMMARY = 'registration_summary';

async function openDesk(page: Page) {
  await openAs(page, 'supervisor');
  // The form starts on the ID box, ready for a card.
  await expect(page.locator(ID)).toBeFocused();
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Enter until the box with this id has the focus (Enter walks the form in order). */
async function enterUntil(page: Page, id: string) {
  for (let i = 0; i < 30 && (await activeId(page)) !== id; i++) await page.keyboard.press('Enter');
  expect(await activeId(page)).toBe(id);
}

/** Presses Tab until a control whose text or label matches has the focus. */
async function tabTo(page: Page, name: string | RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  const matches = async () => {
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      // antd spaces out two-character button labels ("恢 复"): compare without spaces.
      return `${el?.getAttribute('aria-label') ?? ''}|${el?.textContent ?? ''}`.replace(/\s+/g, '');
    });
    return typeof name === 'string' ? label.includes(name) : name.test(label);
  };
  for (let i = 0; i < 150 && !(await matches()); i++) await page.keyboard.press(key);
  expect(await matches()).toBe(true);
}

/** A card reader in keyboard mode: the number, a space and the name, then Enter. */
async function swipe(page: Page, id: string, name?: string) {
  await page.keyboard.type(name ? `${id} ${name}` : id);
  await page.keyboard.press('Enter');
}

/** Registers one visitor by keyboard and returns the new matter's number. */
async function registerByKeyboard(page: Page, o: { id: string; name: string; summary: string; mobile?: string }) {
  await expect(page.locator(ID)).toBeFocused();
  await swipe(page, o.id, o.name);
  await expect(page.locator('#registration_visitor_mobile')).toBeFocused();
  if (o.mobile) await page.keyboard.type(o.mobile);
  await enterUntil(page, SUMMARY);
  await page.keyboard.type(o.summary);
  await page.keyboard.press('Control+Enter');
  const no = page.getByTestId('last-matter-no');
  await expect(no).toBeVisible();
  await expect(page.getByTestId('today-list')).toContainText(o.name);
  await expect(page.locator(ID)).toBeFocused();
  await expect(page.locator(ID)).toHaveValue('');
  return (await no.textContent())!.trim();
}

/** Calls the backend as the page does (loopback transport, the page's token). */
function rpc(page: Page, method: string, input: unknown) {
  return page.evaluate(
    async ([m, i]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="rpc-token"]')!.content;
      const res = await fetch(`/rpc/${m}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(i) });
      return (await res.json()) as { ok: boolean; value?: unknown; message?: string; field?: string };
    },
    [method, input] as const,
  );
}

test('a single visitor is registered with the keyboard alone and appears in today\'s list', async ({ page }) => {
  await openDesk(page);
  const id = countyId(101, '19800101');
  // A number typed by hand: Enter moves to 姓名, and the number fills gender and birth date.
  await page.keyboard.type(id);
  await page.keyboard.press('Enter');
  await expect(page.locator('#registration_visitor_name')).toBeFocused();
  await expect(page.locator('#registration_visitor_birthDate')).toHaveValue('1980-01-01');
  await expect(page.locator('#registration_visitor_birthDate')).toBeDisabled();
  await page.keyboard.type('王建国');
  await page.keyboard.press('Enter');
  await expect(page.locator('#registration_visitor_mobile')).toBeFocused();
  await page.keyboard.type('13812345678');
  await enterUntil(page, SUMMARY);
  await page.keyboard.type('反映小区供暖不达标，要求物业整改');
  await shot(page, 'a-single-visitor-filled');
  await page.keyboard.press('Control+Enter');

  const no = page.getByTestId('last-matter-no');
  await expect(no).toBeVisible();
  const row = page.getByTestId('today-list').locator('tr', { hasText: '王建国' });
  await expect(row).toContainText((await no.textContent())!.trim());
  await expect(row).toContainText('初访');
  await expect(row).toContainText('4101**********');
  // Ready for the next visitor.
  await expect(page.locator(ID)).toBeFocused();
  await shot(page, 'a-single-visitor-registered');
});

test('a group visit of 12 registers 5 representatives and refuses a sixth', async ({ page }) => {
  await openDesk(page);
  await swipe(page, countyId(201), '李大民');
  await expect(page.locator('#registration_visitor_mobile')).toBeFocused();
  await enterUntil(page, 'registration_headcount');
  await page.keyboard.type('12');
  // Twelve people are a group: the representatives list opens with its first row.
  await page.keyboard.press('Enter');
  for (let i = 0; i < 5; i++) {
    await expect(page.locator(`#registration_representatives_${i}_credential_number`)).toBeFocused();
    await swipe(page, countyId(211 + i), `代表${'一二三四五'[i]}`);
    await expect(page.locator(`#registration_representatives_${i}_mobile`)).toBeFocused();
    await page.keyboard.type(`1390000000${i}`);
    await page.keyboard.press('Enter');
  }
  // After the fifth, Enter goes on to the next field instead of opening a sixth row.
  await expect(page.locator('#registration_respondent')).toBeFocused();
  await expect(page.locator('#registration_representatives_5_credential_number')).toHaveCount(0);
  const reps = page.getByTestId('representatives');
  await expect(reps).toContainText('集体访代表最多5人（《信访工作条例》第十八条）');
  await expect(reps.getByRole('button', { name: /添加代表/ })).toBeDisabled();
  await page.keyboard.type('某某建筑公司');
  await page.keyboard.press('Enter');
  await expect(page.locator(`#${SUMMARY}`)).toBeFocused();
  await page.keyboard.type('12名农民工反映某某建筑公司拖欠工资');
  await shot(page, 'b-group-visit-five-representatives');
  await page.keyboard.press('Control+Enter');
  const row = page.getByTestId('today-list').locator('tr', { hasText: '李大民' });
  await expect(row).toContainText('12');

  // The backend refuses a sixth representative too, with the same rule.
  const six = Array.from({ length: 6 }, (_, i) => ({ credential: { type: 'resident', number: countyId(221 + i) }, name: `代表${i}`, mobile: '' }));
  const refused = await rpc(page, 'intake.register', { visitor: { credential: { type: 'resident', number: countyId(202) }, name: '赵六' }, headcount: 12, representatives: six, summary: '同上' });
  expect(refused).toMatchObject({ ok: false, message: '集体访代表最多5人（《信访工作条例》第十八条）', field: 'representatives' });
});

test('a repeat visit is found from the ID number and linked to the earlier matter', async ({ page }) => {
  await openDesk(page);
  const id = countyId(301, '19720315');
  const matterNo = await registerByKeyboard(page, { id, name: '陈秀英', summary: '反映宅基地被邻居侵占' });

  // The same person comes back: the number alone finds the earlier matter.
  await swipe(page, id, '陈秀英');
  const prior = page.getByTestId('prior-matters');
  await expect(prior).toContainText(matterNo);
  await expect(prior).toContainText('本机记录（待市级核对）');
  await expect(prior).toContainText('反映宅基地被邻居侵占');
  await expect(page.getByTestId('link-tag')).toHaveText('初访');
  await enterUntil(page, SUMMARY);
  await page.keyboard.type('再次反映宅基地问题，询问办理进度');
  await tabTo(page, '关联此事项（重复访）');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('link-tag')).toContainText(`重复访 · 关联 ${matterNo}`);
  await shot(page, 'c-repeat-visit-linked');
  await page.keyboard.press('Control+Enter');

  await expect(page.getByTestId('registered')).toContainText('重复访');
  const rows = page.getByTestId('today-list').locator('tr', { hasText: '陈秀英' });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '重复访' })).toContainText(matterNo);
  await shot(page, 'c-repeat-visit-registered');
});

test('a terminated matter is shown in red with the guidance', async ({ page }) => {
  await openDesk(page);
  const id = countyId(402, '19650720');
  const matterNo = await registerByKeyboard(page, { id, name: '刘桂兰', summary: '要求提高征地补偿标准' });

  // Take the matter through handling, review and re-review to termination, as a handler would.
  const found = await rpc(page, 'intake.lookupPerson', { credential: { type: 'resident', number: id } });
  const matterId = (found.value as { matters: { matterId: string }[] }).matters[0]!.matterId;
  const steps: Record<string, unknown>[] = [
    { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '县自然资源局' },
    { type: 'accept' },
    { type: 'startHandling' },
    { type: 'reply', opinion: 'explain', basis: '《土地管理法》第四十八条', text: '补偿标准符合规定，予以解释。', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。' },
    { type: 'deliver', method: 'in-person', to: '刘桂兰' },
    { type: 'requestReview' },
    { type: 'reviewOpinion', opinion: 'not-support', decision: 'uphold', basis: '《土地管理法》第四十八条', text: '维持原处理意见。', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。' },
    { type: 'deliver', method: 'post', to: '刘桂兰' },
    { type: 'requestReReview' },
    { type: 'reReviewOpinion', opinion: 'not-support', decision: 'uphold', basis: '《土地管理法》第四十八条', text: '维持复查意见。', factsFound: '经调查核实，情况属实。', reasons: '事实清楚，依据充分。' },
    // 终结 once the 复核 opinion is delivered (DOMAIN.md §4).
    { type: 'deliver', method: 'post', to: '刘桂兰' },
    { type: 'terminate' },
  ];
  const start = Date.now() + 1000;
  for (const [i, step] of steps.entries()) {
    const r = await rpc(page, 'matters.command', { matterId, command: { at: new Date(start + i * 1000).toISOString(), ...step } });
    expect(r, `${String(step.type)}: ${r.message}`).toMatchObject({ ok: true });
  }

  await swipe(page, id, '刘桂兰');
  const item = page.getByTestId('prior-matter').filter({ hasText: matterNo });
  await expect(item).toContainText('终结');
  await expect(item.getByTestId('terminated-warning')).toHaveText('该事项已终结，同一事实和理由不再受理；请登记本次来访并做好解释');
  await expect(item).toHaveCSS('background-color', 'rgb(255, 241, 240)');
  await shot(page, 'd-terminated-matter-warned');

  // The visit is still registered, linked, and the warning stays on the result.
  await enterUntil(page, SUMMARY);
  await page.keyboard.type('再次要求提高补偿');
  await tabTo(page, '关联此事项（重复访）');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('registered')).toContainText('该事项已终结');
});

test('a draft survives a reload and is restored', async ({ page }) => {
  await openDesk(page);
  const id = countyId(502, '19900209');
  await swipe(page, id, '周晓燕');
  await enterUntil(page, SUMMARY);
  await page.keyboard.type('反映学校乱收费');
  // Nothing typed more than a second before a reload is lost.
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.locator(ID)).toBeFocused();
  const drafts = page.getByTestId('drafts');
  await expect(drafts).toContainText('周晓燕');
  await shot(page, 'e-draft-after-reload');

  const draft = drafts.getByTestId('draft').filter({ hasText: '周晓燕' });
  await expect(draft).toHaveCount(1);
  // Drafts are listed newest first; this test's is the newest.
  await expect(drafts.getByTestId('draft').first()).toContainText('周晓燕');
  await tabTo(page, '恢复');
  await page.keyboard.press('Enter');
  await expect(page.locator(ID)).toHaveValue(id);
  await expect(page.locator('#registration_visitor_name')).toHaveValue('周晓燕');
  await expect(page.locator(`#${SUMMARY}`)).toHaveValue('反映学校乱收费');
  await expect(page.getByTestId('drafts').getByTestId('draft').filter({ hasText: '周晓燕' })).toHaveCount(0);
  await shot(page, 'e-draft-restored');

  // Registering the restored form removes its draft for good.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('today-list')).toContainText('周晓燕');
  const left = await rpc(page, 'drafts.list', {});
  expect((left.value as { title: string }[]).map((d) => d.title)).not.toContain('周晓燕');
});

test('the registration receipt downloads as a PDF naming the matter, and materials attach', async ({ page }, info) => {
  await openAs(page, 'supervisor');
  // The receipt is signed by the bureau the 管理员 set.
  await configureNotices(pageDispatch(page), 'supervisor');
  await openDesk(page);
  const matterNo = await registerByKeyboard(page, { id: countyId(603, '19851111'), name: '孙立平', summary: '反映村道损毁无人维修', mobile: '13700001111' });

  await tabTo(page, '打印回执');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = info.outputPath('receipt.pdf');
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain(matterNo);

  // A photo of the visitor's material, as the drop zone's file chooser would give it.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  await page.getByTestId('attachments').locator('input[type=file]').setInputFiles({ name: '村道照片.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('attachments')).toContainText('村道照片.png');
  await shot(page, 'f-receipt-and-attachment');
});

test('an invalid ID number is refused beside the field and nothing is registered', async ({ page }) => {
  await openDesk(page);
  const registeredToday = async () => ((await rpc(page, 'intake.listToday', {})).value as unknown[]).length;
  const before = await registeredToday();
  await page.keyboard.type(badCheckId(701));
  await page.keyboard.press('Enter');
  // The misread stays in the box, selected for the next swipe, with the reason beside it.
  await expect(page.locator(ID)).toBeFocused();
  const help = page.locator(`${ID}_help`);
  await expect(help).toHaveText('身份证号码校验位不正确，请核对');
  await page.keyboard.press('Control+Enter');
  await expect(help).toHaveText('身份证号码校验位不正确，请核对');
  // The other mistakes are shown at once, each under its own box.
  await expect(page.locator('#registration_visitor_name_help')).toHaveText('请填写姓名');
  await expect(page.locator('#registration_summary_help')).toHaveText('请填写诉求摘要');
  await expect(page.getByTestId('last-matter-no')).toHaveCount(0);
  expect(await registeredToday()).toBe(before);
  await shot(page, 'g-invalid-id-refused');
});
