// npm start — builds and runs the desktop app in Electron, or says in one sentence why it
// cannot here and what to run instead.
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The electron package records its downloaded binary in path.txt; no file, no binary.
const electronDir = path.resolve('node_modules/electron');
const pathFile = path.join(electronDir, 'path.txt');
const binary = fs.existsSync(pathFile) ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim()) : null;
if (!binary || !fs.existsSync(binary)) {
  console.error('本机没有 Electron 程序文件（此环境无法下载 Electron），请改用 npm run dev:web 在浏览器中打开信访窗口。');
  process.exit(1);
}

execSync('node scripts/build-electron.mjs && npx vite build', { stdio: 'inherit' });
// Electron needs better-sqlite3 compiled for its own ABI; npm test switches it back for Node.
execSync('npx electron-builder install-app-deps', { stdio: 'inherit' });
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
