// `npm run server` as operators run it (DESIGN.md §5): refuses to start without
// CITY_ADMIN_TOKEN, and otherwise serves on the given port with PGlite under CITY_DATA_DIR, over
// HTTPS when given a certificate and its key.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
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
        const m = /Server listening at (https?:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
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

/** A self-signed certificate for 127.0.0.1 and its key, as PEM files in a temporary folder. */
function selfSigned(): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'city-tls-'));
  dirs.push(dir);
  const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert, key };
}

it('serves HTTPS with the certificate and key named in CITY_TLS_CERT and CITY_TLS_KEY', async () => {
  const { cert, key } = selfSigned();
  const dataDir = mkdtempSync(join(tmpdir(), 'city-data-'));
  dirs.push(dataDir);
  const s = startServer({ CITY_ADMIN_TOKEN: 'main-test', PORT: '0', CITY_DATA_DIR: dataDir, CITY_TLS_CERT: cert, CITY_TLS_KEY: key });
  const base = await s.listening();
  expect(base).toMatch(/^https:/);

  const body = await new Promise<string>((resolve, reject) => {
    // Trusting exactly this certificate: the connection is verified, not merely encrypted.
    request(`${base}/api/v1/health`, { ca: readFileSync(cert) }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve(text));
    })
      .on('error', reject)
      .end();
  });
  expect(JSON.parse(body)).toEqual({ ok: true });
  await expect(fetch(`${base.replace('https', 'http')}/api/v1/health`)).rejects.toThrow();
});

it('refuses to start with a certificate but no key, or a file it cannot read', async () => {
  const { cert } = selfSigned();
  const half = startServer({ CITY_ADMIN_TOKEN: 'main-test', PORT: '0', CITY_TLS_CERT: cert });
  expect(await half.exited).toBe(1);
  expect(half.output().stderr).toContain('CITY_TLS_KEY');
  const missing = startServer({ CITY_ADMIN_TOKEN: 'main-test', PORT: '0', CITY_TLS_CERT: cert, CITY_TLS_KEY: '/nonexistent/key.pem' });
  expect(await missing.exited).toBe(1);
  expect(missing.output().stderr).toContain('TLS');
});
