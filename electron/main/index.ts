// Electron main: the only code besides the preload that imports 'electron'. It opens one
// hardened window, hosts the backend in a utility process, and wires IPC, one handler per
// contract method, to it. No SQL and no services run here (DESIGN.md §1).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { METHODS } from '../../domain/rpc/contract';
import { createBackendHost, type BackendHost } from '../../backend/host/host';
import { utilityProcessEndpoint } from './backendProcess';
import { keystoreKeeper } from './keystore';
import { CONTENT_SECURITY_POLICY, isOwnPage, RPC_CHANNEL_PREFIX, webPreferences } from './security';

const appRoot = app.getAppPath();
const indexFile = path.join(appRoot, 'build/renderer/index.html');
const indexUrl = pathToFileURL(indexFile).href;
let backend: BackendHost | null = null;

function hardenSession(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: '信访窗口',
    show: false,
    webPreferences: webPreferences(path.join(appRoot, 'build/electron/preload.cjs')),
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.on('will-redirect', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  void win.loadFile(indexFile);
}

function wireIpc(b: BackendHost): void {
  for (const method of METHODS) {
    ipcMain.handle(`${RPC_CHANNEL_PREFIX}${method}`, (event, input: unknown) => {
      if (!event.senderFrame || !isOwnPage(event.senderFrame.url, indexUrl)) {
        return { ok: false, code: 'forbidden_sender', message: '拒绝来自非本程序页面的调用' };
      }
      return b.dispatch(method, input);
    });
  }
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

void app.whenReady().then(() => {
  hardenSession();
  // Outside the asar: a worker thread cannot load its code from inside the archive.
  const unpacked = appRoot.replace(/app\.asar$/, 'app.asar.unpacked');
  backend = createBackendHost({
    start: () => utilityProcessEndpoint(path.join(unpacked, 'build/backend/main.mjs')),
    options: {
      dataDir: app.getPath('userData'),
      migrationsDir: path.join(appRoot, 'db/migrations'),
      resourcesDir: path.join(appRoot, 'resources'),
      documentWorker: { file: path.join(unpacked, 'build/backend/renderWorker.mjs') },
      readerWorker: { file: path.join(unpacked, 'build/backend/readerWorker.mjs') },
    },
    keys: keystoreKeeper(app.getPath('userData')),
    log: (msg) => console.error(`[main] ${msg}`),
  });
  wireIpc(backend);
  createWindow();
});

app.on('window-all-closed', () => {
  void backend?.close().finally(() => app.quit());
});

