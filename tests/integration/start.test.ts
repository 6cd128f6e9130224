// The README's run command for a real user (issue #15): where the Electron binary cannot be
// fetched, `npm start` opens the same app in the browser on loopback, and says so. The download
// is pointed at a closed local port, so the test does not depend on this machine's network.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../support/backend';

const ROOT = path.resolve(import.meta.dirname, '../..');
let child: ChildProcess | null = null;
afterEach(async () => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child!.once('exit', r));
  child.kill('SIGTERM');
  await exited;
});

it('without an Electron binary, npm start serves the same app on loopback and says so', async () => {
  const port = 5485;
  child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), XF_DATA_DIR: tempDir('xf-start-'), BROWSER: 'none', ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: tempDir('xf-ecache-') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += String(c)));
  child.stderr!.on('data', () => {});
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 240 && !out.includes('数据目录'); i++) await new Promise((r) => setTimeout(r, 250));
  expect(out).toContain(`改为在浏览器中打开同一个信访窗口：${url}`);
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('信访窗口');
}, 90_000);
