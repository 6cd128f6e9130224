// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, as sandboxed
// preloads must be) into build/electron, and the backend process with its two workers into
// build/backend. Native and Electron modules stay external.
import { build } from 'esbuild';
import { bundleBackend, deskCommon, requireShim } from './bundles.mjs';

await build({ ...deskCommon, entryPoints: ['electron/main/index.ts'], outfile: 'build/electron/main.mjs', format: 'esm', banner: { js: requireShim } });
await bundleBackend('build/backend');
await build({ ...deskCommon, entryPoints: ['electron/preload/index.ts'], outfile: 'build/electron/preload.cjs', format: 'cjs' });
