// npm run dev:web — the whole app in a normal browser: the backend in its own child process
// (as in the app, where it is a utility process), its router on /rpc of the Vite dev server
// (same origin), the token injected into the page.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createServer, type Plugin } from 'vite';
import { childProcessEndpoint } from '../backend/host/endpoints';
import { createBackendHost } from '../backend/host/host';
import { SOURCE_BACKEND_ENTRY, sourceTreeOptions } from '../backend/host/sourceTree';
import { devKeyKeeper } from '../backend/host/storeKey';
import { createRpcMiddleware } from '../backend/web/rpcHttp';

const root = path.resolve(import.meta.dirname, '..');
// Outside the repository: Vite serves files under the project, and the data is no file of it.
const dataDir = path.resolve(process.env.XF_DATA_DIR ?? path.join(os.homedir(), '.xinfang-dev-data'));
const port = Number(process.env.PORT ?? 5173);
const token = randomBytes(24).toString('base64url');

const backend = createBackendHost({
  start: () => childProcessEndpoint(SOURCE_BACKEND_ENTRY),
  // Development only: a city started with `npm run server` listens on plain http://127.0.0.1.
  options: { ...sourceTreeOptions(dataDir), sync: { allowInsecure: true } },
  // Development only: the key in a file in the data folder, or XF_DB_KEY (storeKey.ts).
  keys: devKeyKeeper(dataDir),
  log: (msg) => console.error(`[dev:web] ${msg}`),
});

const rpc: Plugin = {
  name: 'xinfang-rpc',
  configureServer(server) {
    const mw = createRpcMiddleware(backend.dispatch, token, `http://127.0.0.1:${port}`);
    server.middlewares.use((req, res, next) => void mw(req, res, next));
  },
  transformIndexHtml: (html) => html.replace('%RPC_TOKEN%', token),
};

const server = await createServer({
  configFile: path.join(root, 'vite.config.ts'),
  plugins: [rpc],
  server: { port, strictPort: true, host: '127.0.0.1' },
});
await server.listen();
console.log(`信访窗口（浏览器开发模式）: http://127.0.0.1:${port}/   数据目录: ${dataDir}`);

const shutdown = async () => {
  await server.close();
  await backend.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
