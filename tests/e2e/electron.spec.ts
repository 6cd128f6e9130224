// Launches the real desktop app with Playwright's Electron driver where the Electron binary
// exists. On machines where it cannot be downloaded this test says so and skips.
import { execSync } from 'node:child_process';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../support/electronBinary';

const binary = electronBinary();
const SKIP_REASON = 'no Electron binary on this machine (its download is blocked here); the app is tested through dev:web in Chromium instead';

test('the desktop app opens one hardened window with the intake form', async () => {
  if (!binary) console.log(`electron launch test skipped: ${SKIP_REASON}`);
  test.skip(!binary, SKIP_REASON);
  execSync('node scripts/build-electron.mjs && npx vite build && npx electron-builder install-app-deps', { stdio: 'inherit' });
  const app = await electron.launch({ executablePath: binary!, args: ['.'] });
  try {
    const win = await app.firstWindow();
    await expect(win.getByText('来访登记').first()).toBeVisible();
    // No Node in the page, only the one bridge.
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof window.api?.invoke)).toBe('function');
    // window.open and navigation are denied.
    expect(await win.evaluate(() => window.open('https://example.com') === null)).toBe(true);
    await win.evaluate(() => (window.location.href = 'https://example.com'));
    await expect(win).toHaveURL(/index\.html/);
  } finally {
    await app.close();
    execSync('node scripts/native.mjs', { stdio: 'inherit' });
  }
});
