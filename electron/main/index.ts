// Electron main: the only code besides the preload that imports 'electron'. It opens one
// hardened window on the app's own scheme, one instance at a time, hosts the backend in a
// utility process, and wires IPC, one handler per contract method, to it. No SQL and no
// services run here (DESIGN.md §1).
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { METHODS } from '../../domain/rpc/contract';
import { createBackendHost, type BackendHost } from '../../backend/host/host';
import { utilityProcessEndpoint } from './backendProcess';
import { keystoreKeeper } from './keystore';
import { startUpdates } from './updates';
import { APP_INDEX_URL, APP_SCHEME, appResponseHeaders, fileForAppUrl } from './appProtocol';
import { CONTENT_SECURITY_POLICY, isOwnPage, RPC_CHANNEL_PREFIX, webPreferences } from './security';

const appRoot = app.getAppPath();
const rendererRoot = path.join(appRoot, 'build/renderer');
let backend: BackendHost | null = null;
let mainWindow: BrowserWindow | null = null;

// Before ready: the scheme is standard (relative URLs, origins) and secure (like https).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function serveAppScheme(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = fileForAppUrl(request.url, rendererRoot);
    if (!file || !fs.existsSync(file)) return new Response('not found', { status: 404 });
    return new Response(await fs.promises.readFile(file), { headers: appResponseHeaders(file) });
  });
}

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
  void win.loadURL(APP_INDEX_URL);
  mainWindow = win;
}

function wireIpc(b: BackendHost): void {
  for (const method of METHODS) {
    ipcMain.handle(`${RPC_CHANNEL_PREFIX}${method}`, (event, input: unknown) => {
      if (!event.senderFrame || !isOwnPage(event.senderFrame.url, APP_INDEX_URL)) {
        return { ok: false, code: 'forbidden_sender', message: '拒绝来自非本程序页面的调用' };
      }
      return b.dispatch(method, input);
    });
  }
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

// One instance at a time: a second start brings the first window forward instead of opening the
// same store twice.
const firstInstance = app.requestSingleInstanceLock();
if (firstInstance) {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
} else {
  // Exit at once: quit() would still let the ready handler below start a second backend on the store.
  app.exit(0);
}

void app.whenReady().then(() => {
  if (!firstInstance) return;
  hardenSession();
  serveAppScheme();
  // Outside the asar: a worker thread cannot load its code from inside the archive.
  const unpacked = appRoot.replace(/app\.asar$/, 'app.asar.unpacked');
  backend = createBackendHost({
    start: () => utilityProcessEndpoint(path.join(unpacked, 'build/backend/main.mjs')),
    options: {
      dataDir: app.getPath('userData'),
      migrationsDir: path.join(appRoot, 'db/migrations'),
      resourcesDir: path.join(appRoot, 'resources'),
      appVersion: app.getVersion(),
      documentWorker: { file: path.join(unpacked, 'build/backend/renderWorker.mjs') },
      readerWorker: { file: path.join(unpacked, 'build/backend/readerWorker.mjs') },
    },
    keys: keystoreKeeper(app.getPath('userData')),
    log: (msg) => console.error(`[main] ${msg}`),
  });
  wireIpc(backend);
  createWindow();
  startUpdates(appRoot);
});

app.on('window-all-closed', () => {
  void backend?.close().finally(() => app.quit());
});

