// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, as sandboxed
// preloads must be) into build/electron, and the backend process with its two workers into
// build/backend. Native and Electron modules stay external.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', external: ['electron', 'electron-updater', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pdfkit', 'exceljs'] };

// CommonJS dependencies bundled into ESM still call require() for Node built-ins.
const requireShim = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";
await build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'build/electron/main.mjs', format: 'esm', banner: { js: requireShim } });
for (const [entry, out] of [
  ['backend/host/main.ts', 'build/backend/main.mjs'],
  ['backend/reader/readerWorker.ts', 'build/backend/readerWorker.mjs'],
  ['backend/documents/renderWorker.ts', 'build/backend/renderWorker.mjs'],
]) {
  await build({ ...common, entryPoints: [entry], outfile: out, format: 'esm', banner: { js: requireShim } });
}
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'build/electron/preload.cjs', format: 'cjs' });
