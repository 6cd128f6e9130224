// Builds the city's console (console/, issue #14) with Vite into build/console, which the city
// server serves at `/`. With --if-stale it builds only when a source the console uses (console/,
// domain/, renderer/src/common/) is newer than the last build, so `npm run server` starts at once
// when nothing changed.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const OUT = 'build/console/.vite/manifest.json';
const SOURCES = ['console', 'domain', 'renderer/src/common'];

function newest(dir) {
  if (!fs.existsSync(dir)) return 0;
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const built = fs.existsSync(OUT) ? fs.statSync(OUT).mtimeMs : 0;
if (process.argv.includes('--if-stale') && built > Math.max(...SOURCES.map(newest))) process.exit(0);
await build({ configFile: 'console/vite.config.ts', logLevel: 'warn' });
