// End-to-end tests in Debian's Chromium against dev:web (never a downloaded browser). Each run
// gets a fresh data folder and its own ports.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 5273);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // Generous: a 2-core machine compiling the app on first load is slow, and a slow answer is not a wrong one.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'npm run dev:web',
    url: `http://127.0.0.1:${port}/`,
    env: { PORT: String(port), XF_DATA_DIR: dataDir, TZ: 'Asia/Shanghai' },
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
