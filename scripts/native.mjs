// better-sqlite3 is a native module built for one ABI at a time: Node's for tests and dev:web,
// Electron's for the app. Rebuild only when the one on disk does not load in this runtime.
import { execSync, spawnSync } from 'node:child_process';

const probe = "const D=require('better-sqlite3'); new D(':memory:').close()";

export function ensureNodeBuild() {
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  if (r.status === 0) return;
  if (!/NODE_MODULE_VERSION|was compiled against/.test(r.stderr)) {
    throw new Error(`better-sqlite3 does not load: ${r.stderr}`);
  }
  console.log('better-sqlite3 was built for another runtime (Electron); rebuilding it for Node…');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureNodeBuild();
