// Packaging (issue #15), checked without downloading anything: electron-builder validates the
// whole configuration (Windows' NSIS section included) and packages the Linux app as a folder
// around a stub Electron that carries the fuse wire, so the fuses it flips can be read back.
// The bundled backend (build/backend) is then run as the app runs it: the process, its reader
// worker and its document worker, from the built files. Native modules are not rebuilt for
// Electron here (no headers can be fetched); that step is npmRebuild at real packaging time.
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProcessEndpoint } from '../../backend/host/endpoints';
import { createBackendHost, type BackendHost } from '../../backend/host/host';
import { devKeyKeeper } from '../../backend/host/storeKey';
import { tempDir, TEST_SCRYPT_COST, validVisit } from '../support/backend';
import { signIn } from '../support/staff';
import { configureNotices } from '../support/noticeSettings';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const electronVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string;

/** An "Electron" that is a shell script carrying Electron's fuse wire as shipped (version 1, 8 fuses). */
function stubElectron(): string {
  const dir = tempDir('xf-electron-stub-');
  const shipped = '10110001';
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(shipped)]), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'LICENSE'), '');
  fs.writeFileSync(path.join(dir, 'version'), electronVersion);
  return dir;
}

let out = '';
beforeAll(() => {
  execSync('node scripts/build-electron.mjs && npx vite build --logLevel error', { cwd: ROOT, stdio: 'inherit' });
  out = tempDir('xf-dist-');
  execFileSync(
    'npx',
    ['electron-builder', '--dir', '--linux', '--config', 'electron-builder.yml', `-c.electronDist=${stubElectron()}`, '-c.npmRebuild=false', `-c.electronVersion=${electronVersion}`, `-c.directories.output=${out}`],
    { cwd: ROOT, stdio: 'pipe' },
  );
}, 240_000);

describe('the packaged app', () => {
  const app = () => path.join(out, 'linux-unpacked');

  it('holds the windows, the backend and its workers, the renderer, the migrations and the data', () => {
    const inAsar = listPackage(path.join(app(), 'resources/app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    for (const f of ['/build/electron/main.mjs', '/build/electron/preload.cjs', '/build/renderer/index.html', '/db/migrations/0000_init.sql', '/db/migrations/0001_staff_and_audit.sql', '/package.json']) {
      expect(inAsar, f).toContain(f);
    }
    expect(inAsar.some((f) => f.endsWith('.map'))).toBe(false);
    // Outside the archive: what a worker thread, a utility process or a native module must load from disk.
    const unpacked = path.join(app(), 'resources/app.asar.unpacked');
    for (const f of ['build/backend/main.mjs', 'build/backend/readerWorker.mjs', 'build/backend/renderWorker.mjs', 'resources/regions.json']) {
      expect(fs.existsSync(path.join(unpacked, f)), f).toBe(true);
    }
    expect(fs.readdirSync(path.join(unpacked, 'node_modules/better-sqlite3-multiple-ciphers/build/Release')).some((f) => f.endsWith('.node'))).toBe(true);
  });

  it('has its fuses flipped: no RunAsNode, no NODE_OPTIONS or inspector, asar integrity, only the asar, no file:// privileges', async () => {
    const wire = await getCurrentFuseWire(path.join(app(), 'xinfang-desk'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });
});

describe('the bundled backend', () => {
  let host: BackendHost;
  afterAll(() => host?.close());

  it('runs from build/backend as the app runs it: registers, reads on its reader worker, prints a document', async () => {
    const dataDir = tempDir('xf-bundled-');
    host = createBackendHost({
      start: () => childProcessEndpoint(path.join(ROOT, 'build/backend/main.mjs')),
      options: {
        dataDir,
        migrationsDir: path.join(ROOT, 'db/migrations'),
        resourcesDir: path.join(ROOT, 'resources'),
        appVersion: '0.0.0-test',
        documentWorker: { file: path.join(ROOT, 'build/backend/renderWorker.mjs') },
        readerWorker: { file: path.join(ROOT, 'build/backend/readerWorker.mjs') },
        scryptCost: TEST_SCRYPT_COST,
      },
      keys: devKeyKeeper(dataDir),
    });
    await signIn(host.dispatch, 'supervisor');
    const reg = await host.dispatch('intake.register', validVisit);
    expect(reg.ok).toBe(true);
    const { matterId } = (reg as { value: { matterId: string } }).value;
    expect(await host.dispatch('matters.queue', {})).toMatchObject({ ok: true, value: { counts: { open: 1 } } });
    await configureNotices(host.dispatch, 'supervisor');
    expect(await host.dispatch('documents.generate', { matterId, kind: 'registration-receipt' })).toMatchObject({ ok: true });
  });
});
