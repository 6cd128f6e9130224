// ui.interactive.ms and ui.bundle.gzip (issue #15; DESIGN.md §7). The renderer's production
// build (vite build, as packaged) is served on 127.0.0.1 with the backend behind its loopback
// RPC, and loaded in Debian's Chromium with a fresh cache each time, signed in as a clerk:
// timed from navigation until the intake form takes typing. Baseline, in the same run and
// browser: an empty page from the same server. The bundle's gzipped JS and CSS, beside their raw size,
// and the part of it the first screen loads (what index.html names), beside the whole.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { createRpcMiddleware } from '../backend/web/rpcHttp';
import { tempDir, testBackend } from '../tests/support/backend';
import { msSince, quantile, report } from './report';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const EMPTY = '<!doctype html><html><head><meta charset="utf-8"><title>空白</title></head><body></body></html>';

async function buildRenderer(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-ui-'));
  await build({ configFile: path.resolve(import.meta.dirname, '../vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  return outDir;
}

function bundleBytes(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const allAssets = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.(js|css)$/.test(f.name))
    .map((f) => path.join(f.parentPath, f.name));

/** The scripts, preloads and stylesheets index.html names: what loads before the first screen. */
const firstScreenAssets = (dir: string) =>
  [...fs.readFileSync(path.join(dir, 'index.html'), 'utf8').matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => path.join(dir, m[1]!));

/** The built renderer and the backend's RPC on one loopback origin, as dev:web serves them. */
async function serve(dir: string, dispatch: Parameters<typeof createRpcMiddleware>[0]) {
  const token = randomBytes(16).toString('hex');
  let rpc: ReturnType<typeof createRpcMiddleware> | null = null;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/empty.html') return res.writeHead(200, { 'content-type': TYPES['.html']! }).end(EMPTY);
    void rpc!(req, res, () => {
      const file = path.join(dir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
      if (!file.startsWith(dir) || !fs.existsSync(file)) return res.writeHead(404).end();
      const body = fs.readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(file.endsWith('index.html') ? body.toString('utf8').replace('%RPC_TOKEN%', token) : body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rpc = createRpcMiddleware(dispatch, token, origin);
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function run({ quick }: { quick: boolean }): Promise<void> {
  const samples = quick ? 3 : 9;
  const dir = await buildRenderer();
  const bytes = bundleBytes(allAssets(dir));
  report({ figure: 'ui.bundle.gzip', value: bytes.gzip / 1024, unit: 'KB', baseline: bytes.raw / 1024, n: 1, at: 'production build, all JS and CSS' });
  const first = bundleBytes(firstScreenAssets(dir));
  report({ figure: 'ui.firstScreen.gzip', value: first.gzip / 1024, unit: 'KB', baseline: bytes.gzip / 1024, n: 1, at: 'production build, JS and CSS index.html loads, beside the whole bundle' });

  const backend = testBackend({ dataDir: tempDir('xf-bench-ui-data-'), role: 'clerk' });
  await backend.dispatch('session.get', {});
  const site = await serve(dir, backend.dispatch);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  type Page = import('playwright-core').Page;
  const time = async (load: (page: Page) => Promise<unknown>, check?: (page: Page) => Promise<void>): Promise<number> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const t0 = process.hrtime.bigint();
    await load(page);
    const ms = msSince(t0);
    await check?.(page);
    await context.close();
    return ms;
  };
  try {
    const interactive: number[] = [];
    const empty: number[] = [];
    // One load first, not counted: Chromium's own first start is not the app's.
    await time((p) => p.goto(`${site.origin}/empty.html`));
    for (let i = 0; i < samples; i++) {
      empty.push(await time((p) => p.goto(`${site.origin}/empty.html`)));
      interactive.push(
        await time(async (p) => {
          await p.goto(site.origin, { waitUntil: 'commit' });
          await p.getByLabel('诉求摘要').fill('秒', { timeout: 30_000 });
        }, async (p) => {
          // Not timed: the typing must still be there, not wiped by a late render of the form.
          if ((await p.getByLabel('诉求摘要').inputValue()) !== '秒') throw new Error('诉求摘要 lost what was typed');
        }),
      );
    }
    report({ figure: 'ui.interactive.ms', value: quantile(interactive, 0.5), unit: 'ms', baseline: quantile(empty, 0.5), n: samples, at: 'production build in Chromium, fresh cache, median' });
  } finally {
    await browser.close();
    await site.close();
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
