// The desk follows the system's "reduce motion" setting: with it, antd's menus, lists and dialogs
// open without a fade or slide, and buttons without their ripple; without it they keep their motion. Each test watches every class
// the page gives an element while the user menu and a dialog open, so the test without the
// setting proves the watch would see the motion if it were there.
import { expect, test, type Page } from '@playwright/test';
import { openAs } from '../support/e2e/session';

/**
 * Every class of a running motion (antd's `…-appear-active`, `…-enter-active`, `…-leave-active`)
 * an element wore while `open` ran. Without motion a popup still passes through its `…-prepare`
 * step, where it is measured and placed, but never animates.
 */
async function motionClassesWhile(page: Page, open: () => Promise<void>): Promise<string[]> {
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { motionSeen: Set<string> }).motionSeen = seen;
    const note = (el: Element) => {
      for (const c of el.classList) if (/-(appear|enter|leave)-active$/.test(c)) seen.add(c);
    };
    new MutationObserver((records) => {
      for (const r of records) {
        note(r.target as Element);
        for (const added of r.addedNodes) {
          if (added instanceof Element) [added, ...added.querySelectorAll('*')].forEach(note);
        }
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'], childList: true });
  });
  await open();
  return page.evaluate(() => [...(window as unknown as { motionSeen: Set<string> }).motionSeen]);
}

async function openUserMenuAndPasswordDialog(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  await expect(page.getByRole('dialog', { name: '修改密码' })).toBeVisible();
}

test.describe('with the system set to reduce motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('menus and dialogs open without motion', async ({ page }) => {
    await openAs(page, 'clerk');
    expect(await motionClassesWhile(page, () => openUserMenuAndPasswordDialog(page))).toEqual([]);
  });
});

test.describe('with no preference', () => {
  test.use({ reducedMotion: 'no-preference' });
  test('menus and dialogs keep their motion', async ({ page }) => {
    await openAs(page, 'clerk');
    expect(await motionClassesWhile(page, () => openUserMenuAndPasswordDialog(page))).not.toEqual([]);
  });
});
