// The city server in production runs as built JavaScript (issue #15, docs/city-server.md): the
// bundle starts under plain Node with its migrations beside it, answers, and logs JSON lines
// that carry neither the admin token nor a request's body.
import { execSync, spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '../support/backend';

const ROOT = path.resolve(import.meta.dirname, '../..');

it('the built server starts under plain Node, answers, and logs JSON without secrets or bodies', async () => {
  execSync('node scripts/build-server.mjs', { cwd: ROOT, stdio: 'inherit' });
  const port = 5491;
  const token = 'build-test-admin-token-0123456789';
  const server = spawn(process.execPath, ['build/server/main.mjs'], { cwd: ROOT, env: { ...process.env, CITY_ADMIN_TOKEN: token, PORT: String(port), CITY_DATA_DIR: tempDir('xf-city-built-'), DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (c) => (log += String(c)));
  server.stderr.on('data', (c) => (log += String(c)));
  try {
    const base = `http://127.0.0.1:${port}`;
    let health: Response | null = null;
    // A first start makes the PGlite cluster (initdb), which takes seconds on a busy machine.
    for (let i = 0; i < 480 && !health; i++) {
      health = await fetch(`${base}/api/v1/health`).catch(() => null);
      if (!health) await new Promise((r) => setTimeout(r, 250));
    }
    expect(await health!.json()).toEqual({ ok: true });
    const created = await fetch(`${base}/api/v1/admin/devices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ countyCode: '410102', name: '张三的窗口' }),
    });
    expect(created.status).toBe(201);
  } finally {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  const lines = log.trim().split('\n');
  for (const l of lines) expect(() => JSON.parse(l), l).not.toThrow();
  expect(log).not.toContain(token);
  expect(log).not.toContain('张三的窗口');
}, 180_000);
