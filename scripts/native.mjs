// The SQLite modules are native, built for one ABI at a time: Node's for tests and dev:web,
// Electron's for the app. Rebuild only the one on disk that does not load in this runtime.
// better-sqlite3-multiple-ciphers is the store's driver; plain better-sqlite3 is loaded by
// drizzle's driver module and must load too.
import { execSync, spawnSync } from 'node:child_process';

const MODULES = ['better-sqlite3-multiple-ciphers', 'better-sqlite3'];

export function ensureNodeBuild() {
  for (const name of MODULES) {
    const r = spawnSync(process.execPath, ['-e', `const D=require('${name}'); new D(':memory:').close()`], { encoding: 'utf8' });
    if (r.status === 0) continue;
    if (!/NODE_MODULE_VERSION|was compiled against/.test(r.stderr)) throw new Error(`${name} does not load: ${r.stderr}`);
    console.log(`${name} was built for another runtime (Electron); rebuilding it for Node…`);
    execSync(`npm rebuild ${name}`, { stdio: 'inherit' });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureNodeBuild();
