// Driving a matter's file in the desk's UI, for the lifecycle and whistle-blower specs: visitors
// with distinct ID numbers registered through the RPC, the file opened from the queue, a step's
// dialog filled and submitted, the classification's pre-screen and wizard answered, and the whole
// page photographed.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { checkCharacter } from '../../../domain/identity/residentId';
import { rpc } from './pageRpc';

const SHOTS = 'test-results/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });

const residentId = (first17: string) => first17 + checkCharacter(first17);

// Distinct per call and per run, so no registration here is taken for another spec's visitor.
let serial = Date.now() % 10_000;
export function nextId(): string {
  serial += 1;
  const year = 1950 + (serial % 50);
  const month = String(1 + (serial % 12)).padStart(2, '0');
  const day = String(1 + (serial % 28)).padStart(2, '0');
  return residentId(`110105${year}${month}${day}${String(serial % 1000).padStart(3, '0')}`);
}

export async function register(page: Page, name: string, summary: string) {
  return rpc(page, 'intake.register', { visitor: { credential: { type: 'resident', number: nextId() }, name, mobile: '13800138000' }, headcount: 1, summary });
}

export async function openFromQueue(page: Page, matterNo: string) {
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await page.getByTestId('queue-table').getByRole('row', { name: new RegExp(matterNo) }).click();
  await expect(page.getByTestId('matter-no')).toHaveText(matterNo);
}

export const okButton = (dialog: Locator) => dialog.getByRole('button', { name: /确\s*定/ });

/** Submits the open dialog and waits for it to close; a refusal in the dialog fails with its text. */
export async function submit(page: Page) {
  const dialog = page.getByRole('dialog');
  await okButton(dialog).click();
  const refusal = dialog.getByTestId('command-refusal');
  await expect(async () => {
    if (await refusal.isVisible()) throw new Error(`refused: ${await refusal.innerText()}`);
    await expect(dialog).toBeHidden({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
}

/** Opens a command's dialog from the file, fills it and submits; then the status must read `status`. */
export async function step(page: Page, type: string, status: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.getByTestId(`command-${type}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await submit(page);
  await expect(page.getByTestId('matter-status')).toHaveText(status);
}

/** Chooses a button-style radio by its text until it is checked (its input is covered by the button). */
export async function choose(scope: Locator, label: string) {
  const radio = scope.getByRole('radio', { name: label, exact: true });
  await expect(async () => {
    await scope.getByText(label, { exact: true }).click();
    await expect(radio).toBeChecked({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
}

/** Answers the pre-screen (受理前审查): nothing keeps the body from accepting the matter. */
export async function passPrescreen(dialog: Locator) {
  await choose(dialog.getByTestId('prescreen-terminated'), '否');
  await choose(dialog.getByTestId('prescreen-pending'), '否');
  await choose(dialog.getByTestId('prescreen-organ'), '不属于');
}

/** Answers the wizard's questions in turn: [question id, option text]. */
export async function answer(dialog: Locator, answers: [string, string][]) {
  // Each answer moves the wizard on (its buttons never stay checked), which the next question's wait proves.
  for (const [id, option] of answers) await dialog.getByTestId(`question-${id}`).getByText(option, { exact: true }).click();
}

/**
 * Chooses a radio option and waits until it is chosen: a click that lands while the dialog is
 * still animating in is lost, which a plain click would not notice.
 */
export async function pick(scope: Locator, label: string) {
  // check() says so when its click changed nothing; then the click is tried again.
  await expect(() => scope.getByRole('radio', { name: label, exact: true }).check({ timeout: 2_000 })).toPass({ timeout: 15_000 });
}

/**
 * A screenshot of the whole page: the shell scrolls inside its content area, so fullPage alone
 * would cut the file off; the window is made tall enough for the content (or `minHeight`).
 */
export async function shoot(page: Page, name: string, minHeight = 0) {
  const viewport = page.viewportSize()!;
  const content = await page.locator('.ant-layout-content').evaluate((el) => el.scrollHeight - el.clientHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height + content, minHeight) });
  await page.screenshot({ path: path.join(SHOTS, name) });
  await page.setViewportSize(viewport);
}
