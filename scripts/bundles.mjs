// The esbuild bundles of the programs that run as their own processes: the desk's backend with
// its two workers (as the packaged app forks them) and the city server (as production runs it).
// The build scripts write them to build/; the crash harness builds its own copy elsewhere, so a
// test run never races a build. The folder must lie inside the project: the bundles find their
// external packages in its node_modules.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** Native and Electron modules stay outside the desk's bundles. */
export const DESK_EXTERNALS = ['electron', 'electron-updater', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pdfkit', 'exceljs'];
export const deskCommon = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', external: DESK_EXTERNALS };
// CommonJS dependencies bundled into ESM still call require() for Node built-ins.
export const requireShim = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** build/backend: main.mjs (backend/host/main.ts), readerWorker.mjs and renderWorker.mjs in `outdir`. */
export async function bundleBackend(outdir) {
  for (const [entry, out] of [
    ['backend/host/main.ts', 'main.mjs'],
    ['backend/reader/readerWorker.ts', 'readerWorker.mjs'],
    ['backend/documents/renderWorker.ts', 'renderWorker.mjs'],
  ]) {
    await build({ ...deskCommon, entryPoints: [entry], outfile: path.join(outdir, out), format: 'esm', banner: { js: requireShim } });
  }
}

/** The city server as one ES module, `outdir`/main.mjs, with its migrations beside it where the store looks for them. */
export async function bundleServer(outdir) {
  await build({
    entryPoints: ['server/main.ts'],
    outfile: path.join(outdir, 'main.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  fs.rmSync(path.join(outdir, 'migrations'), { recursive: true, force: true });
  fs.cpSync('server/store/migrations', path.join(outdir, 'migrations'), { recursive: true });
}
