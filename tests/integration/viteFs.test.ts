// dev:web's Vite server (vite.config.ts) serves the renderer and nothing else of the machine:
// not the repository's own files, not its git store, not a data folder; and inside the folders
// it does serve, not a secret Vite's defaults or ours deny (keys, env files, the store).
// The project's config on port 0, with no dependency scan and a cache of its own, so it starts
// fast and leaves the shared node_modules/.vite alone.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createServer, resolveConfig, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const marker = `SECRET-${randomBytes(8).toString('hex')}`;

describe('the dev server serves only the renderer', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-vitefs-'));
  // Inside renderer/, which is served: what is refused here is refused by the deny list.
  const probe = path.join(repo, 'renderer', `.fs-probe-${randomBytes(4).toString('hex')}`);
  const denied = ['.env', '.env.local', 'server.pem', 'device.key', 'id.p12', '.npmrc', '.git/config', 'xinfang.db', 'xinfang.db-wal', 'dev-db-key'];
  let server: ViteDevServer;
  let base: string;

  beforeAll(async () => {
    fs.writeFileSync(path.join(tmp, 'xinfang.db'), marker);
    for (const name of [...denied, 'allowed.txt']) {
      fs.mkdirSync(path.dirname(path.join(probe, name)), { recursive: true });
      fs.writeFileSync(path.join(probe, name), marker);
    }
    server = await createServer({
      configFile: path.join(repo, 'vite.config.ts'),
      cacheDir: path.join(tmp, 'vite-cache'),
      logLevel: 'silent',
      optimizeDeps: { noDiscovery: true, entries: [] },
      server: { port: 0, host: '127.0.0.1', watch: null },
    });
    await server.listen();
    base = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(probe, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const get = async (url: string) => {
    const res = await fetch(base + url);
    return { status: res.status, text: await res.text() };
  };

  /** Refused (403) or not found (404), and none of the file's content in the answer. */
  async function expectRefused(url: string, content: string): Promise<void> {
    const a = await get(url);
    expect({ url, refused: [403, 404].includes(a.status), leaked: a.text.includes(content) }).toEqual({ url, refused: true, leaked: false });
  }

  it('serves the renderer page', async () => {
    const a = await get('/');
    expect(a.status).toBe(200);
    expect(a.text).toContain('<title>信访窗口</title>');
  });

  it('refuses the repository outside the renderer, its git store and a data folder', async () => {
    await expectRefused(`/@fs${repo}/package.json`, '"name": "xinfang-desk"');
    const gitDir = path.resolve(repo, execFileSync('git', ['rev-parse', '--git-common-dir'], { cwd: repo, encoding: 'utf8' }).trim());
    await expectRefused(`/@fs${gitDir}/config`, '[core]');
    await expectRefused(`/@fs${tmp}/xinfang.db`, marker);
  });

  it('refuses what the deny list names, inside the served folder too', async () => {
    const rel = path.relative(path.join(repo, 'renderer'), probe);
    const allowed = await get(`/@fs${probe}/allowed.txt`);
    expect(allowed.text).toContain(marker);
    for (const name of denied) {
      await expectRefused(`/@fs${probe}/${name}`, marker);
      await expectRefused(`/${rel}/${name}`, marker);
    }
  });

  it("keeps every entry of Vite's own default deny list", async () => {
    const defaults = await resolveConfig({ configFile: false, root: tmp, logLevel: 'silent' }, 'serve');
    expect(server.config.server.fs.deny).toEqual(expect.arrayContaining(defaults.server.fs.deny));
  });
});
