// Builds the city server for production (issue #15): one ES module, build/server/main.mjs, run by
// plain Node (no TypeScript loader), with its migrations beside it where the store looks for
// them. Packages stay in node_modules (`npm ci --omit=dev` on the server).
import fs from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: ['server/main.ts'],
  outfile: 'build/server/main.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
fs.rmSync('build/server/migrations', { recursive: true, force: true });
fs.cpSync('server/store/migrations', 'build/server/migrations', { recursive: true });
