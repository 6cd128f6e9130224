// Signing in for end-to-end tests: straight through the RPC for tests about something else
// (the desk opens as that user after a reload), and through the sign-in form where the sign-in
// itself is under test. Accounts are made as a person would make them (tests/support/staff.ts).
import { expect, type Page } from '@playwright/test';
import { ROLE_LABELS, type Role } from '../../../domain/staff/roles';
import { PASSWORD, signIn, STAFF } from '../staff';
import { pageDispatch } from './pageRpc';

async function expectSignedInAs(page: Page, role: Role): Promise<void> {
  await expect(page.getByTestId('user-menu')).toHaveText(`${STAFF[role].name}（${ROLE_LABELS[role]}）`);
}

/** Opens the desk signed in as `role`. */
export async function openAs(page: Page, role: Role): Promise<void> {
  await page.goto('/');
  await signIn(pageDispatch(page), role);
  await page.reload();
  await expectSignedInAs(page, role);
}

/** Signs out through the user menu and in again as `role` with the sign-in form. */
export async function switchUser(page: Page, role: Role): Promise<void> {
  // The account exists, with its own password, before the form is used.
  await signIn(pageDispatch(page), role);
  await page.reload();
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByLabel('工号').fill(STAFF[role].userNo);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expectSignedInAs(page, role);
}
