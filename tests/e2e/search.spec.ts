// Search from every screen (issue #12) in Chromium against dev:web: Ctrl+K and "/" put the cursor
// in the title bar's box; a two-character name and the last four digits of an ID number find the
// matter; the arrow keys and Enter open its file.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { checkCharacter } from '../../domain/identity/residentId';
import { rpc } from '../support/e2e/pageRpc';
import { openAs } from '../support/e2e/session';

const SHOTS = 'test-results/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });

// Distinct per run, so another spec's visitor is never this one.
const serial = Date.now() % 1000;
const first17 = `41010519${String(50 + (serial % 40))}0615${String(serial).padStart(3, '0')}`;
const ID = first17 + checkCharacter(first17);

async function register(page: Page, name: string, summary: string) {
  return rpc(page, 'intake.register', { visitor: { credential: { type: 'resident', number: ID }, name, mobile: '13700001111' }, headcount: 1, summary });
}

const box = (page: Page) => page.getByTestId('header-search');
// Only the list on screen: a closed list stays in the page, hidden, with the last query's hits.
const hits = (page: Page) => page.getByTestId('search-hit').filter({ visible: true });

test('a two-character name and the last four digits of an ID number find the matter; Enter opens its file', async ({ page }) => {
  await openAs(page, 'clerk');
  const older = await register(page, '柳青', '反映村道年久失修，雨天无法通行');
  const newer = await register(page, '柳青', '反映邻居违章搭建影响采光');

  // Ctrl+K from inside the registration form.
  await page.getByLabel('姓名').first().click();
  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeFocused();
  await box(page).pressSequentially('柳青');
  // The first long read starts the reader worker: slow on a busy machine, and no wrong answer.
  await expect(hits(page)).toHaveCount(2, { timeout: 60_000 });
  await expect(hits(page).first()).toContainText(newer.matterNo);
  await expect(hits(page).first()).toContainText(`4101**********${ID.slice(-4)}`);
  await page.screenshot({ path: `${SHOTS}/search-results.png` });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('matter-no')).toHaveText(newer.matterNo);
  await expect(box(page)).toHaveValue('');

  // "/" outside any field, then the last four digits; the arrow key goes to the older matter.
  await page.getByTestId('matter-no').click();
  await page.keyboard.press('/');
  await expect(box(page)).toBeFocused();
  await box(page).pressSequentially(ID.slice(-4));
  await expect(hits(page).nth(1)).toContainText(older.matterNo);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('matter-no')).toHaveText(older.matterNo);
});

test('a fragment too short is refused in words, before anything is searched', async ({ page }) => {
  await openAs(page, 'clerk');
  await page.keyboard.press('Control+k');
  await box(page).pressSequentially('柳');
  await expect(page.getByTestId('search-message')).toHaveText('请至少输入两个字');
  await box(page).fill('12');
  await expect(page.getByTestId('search-message')).toContainText('至少输入4位');
});
