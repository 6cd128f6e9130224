// npm start — runs the desktop app. Where the Electron binary is missing (the install ran with
// ELECTRON_SKIP_BINARY_DOWNLOAD) it fetches it first; where it cannot be fetched (no access to
// its download site, as on these build machines) it opens the same app in the browser on
// loopback instead, and says so. BROWSER=none starts it without opening a browser.
import { execSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const electronDir = path.resolve('node_modules/electron');

// The electron package records its downloaded binary in path.txt; no file, no binary.
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const binary = fs.existsSync(pathFile) ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim()) : null;
  return binary && fs.existsSync(binary) ? binary : null;
}

function fetchElectron() {
  console.log('正在下载 Electron 程序文件…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { env, stdio: 'inherit', timeout: 10 * 60_000 });
  return electronBinary();
}

function openInBrowser(url) {
  if (process.env.BROWSER === 'none') return;
  const opener = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  const child = spawn(opener[0], opener[1], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`请在浏览器中打开 ${url}`));
  child.unref();
}

const binary = electronBinary() ?? fetchElectron();
if (binary) {
  execSync('node scripts/build-electron.mjs && npx vite build', { stdio: 'inherit' });
  // Electron needs the SQLite modules compiled for its own ABI; npm test switches them back for Node.
  execSync('npx electron-builder install-app-deps', { stdio: 'inherit' });
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const port = Number(process.env.PORT ?? 5173);
  const url = `http://127.0.0.1:${port}/`;
  console.log(`无法下载 Electron 程序文件，改为在浏览器中打开同一个信访窗口：${url}（仅本机可访问）`);
  console.log(`The Electron binary could not be fetched; the same app opens in the browser on loopback instead: ${url}`);
  const web = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev-web.ts'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PORT: String(port) } });
  web.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (String(chunk).includes(url)) openInBrowser(url);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
  web.on('exit', (code) => process.exit(code ?? 0));
}
