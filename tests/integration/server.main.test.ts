// `npm run server` as operators run it (DESIGN.md §5): refuses to start without
// CITY_ADMIN_TOKEN, and otherwise serves on the given port with PGlite under CITY_DATA_DIR.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGTERM');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function startServer(env: Record<string, string>) {
  const { CITY_ADMIN_TOKEN: _t, DATABASE_URL: _d, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...inherited, ...env }, stdio: 'pipe' });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = () =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (m) resolve(m[1]!);
      };
      child.stdout!.on('data', check);
      child.on('exit', () => reject(new Error(`server exited: ${stderr}`)));
      check();
    });
  return { child, exited, listening, output: () => ({ stdout, stderr }) };
}

it('refuses to start without CITY_ADMIN_TOKEN, saying why', async () => {
  const s = startServer({ PORT: '0' });
  expect(await s.exited).toBe(1);
  expect(s.output().stderr).toContain('CITY_ADMIN_TOKEN');
});

it('serves on 127.0.0.1 with PGlite under CITY_DATA_DIR', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'city-data-'));
  dirs.push(dataDir);
  const s = startServer({ CITY_ADMIN_TOKEN: 'main-test', PORT: '0', CITY_DATA_DIR: dataDir });
  const base = await s.listening();

  const health = await fetch(`${base}/api/v1/health`);
  expect(await health.json()).toEqual({ ok: true });
  const created = await fetch(`${base}/api/v1/admin/devices`, {
    method: 'POST',
    headers: { authorization: 'Bearer main-test', 'content-type': 'application/json' },
    body: JSON.stringify({ countyCode: '410102', name: '窗口' }),
  });
  expect(created.status).toBe(201);

  s.child.kill('SIGTERM');
  expect(await s.exited).toBe(0);
});
