// End-to-end tests of the city's console (issue #14) in Debian's Chromium: a real `npm run server`
// (PGlite in a fresh folder, the console built by it) beside a desk in `dev:web`, so a test can
// enrol the desk from the console and follow records both ways. Ports: E2E_PORT for the desk,
// the next one for the city.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import desk from './playwright.config';

const cityPort = Number(process.env.E2E_PORT ?? 5273) + 1;
const cityData = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-e2e-city-'));
// The tests read these (workers inherit the environment of the process that loads this file).
process.env.XF_E2E_CITY_URL = `http://127.0.0.1:${cityPort}`;
process.env.XF_E2E_CITY_TOKEN = 'console-e2e-setup-token';

const deskServer = desk.webServer;
if (!deskServer || Array.isArray(deskServer)) throw new Error('playwright.config.ts should start one dev:web server');

export default defineConfig({
  ...desk,
  testDir: 'tests/console-e2e',
  outputDir: 'test-results/console-e2e',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-console.json' }]],
  // One long story across two servers on a shared 2-core machine.
  timeout: 600_000,
  webServer: [
    deskServer,
    {
      command: 'npm run server',
      url: `${process.env.XF_E2E_CITY_URL}/api/v1/health`,
      env: { PORT: String(cityPort), CITY_ADMIN_TOKEN: process.env.XF_E2E_CITY_TOKEN, CITY_DATA_DIR: cityData, DATABASE_URL: '', TZ: 'Asia/Shanghai' },
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
