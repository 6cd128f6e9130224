// The backend process (DESIGN.md §1): an Electron utility process in the app, a Node child
// process in dev:web and the tests. It waits for its options, opens the store, starts syncing
// and answers calls until told to stop. Both hosts speak the same messages over one port.
import { err } from '../../domain/result';
import { createBackend, type Backend, type BackendOptions } from '../services/backend';
import type { CallMessage } from './calls';

/** What the host sends first: everything but the in-process hooks (clock, fetch, logger). */
export interface InitMessage {
  type: 'init';
  options: Omit<BackendOptions, 'now' | 'idleClock' | 'fetch' | 'log' | 'sync'> & { sync?: Omit<NonNullable<BackendOptions['sync']>, 'random'> };
}

interface Port {
  post(m: unknown): void;
  onMessage(l: (m: unknown) => void): void;
}

/** Electron's utility process has `process.parentPort`; a forked Node child has `process.send`. */
function parentPort(): Port {
  const electron = (process as { parentPort?: { on(e: 'message', l: (e: { data: unknown }) => void): void; postMessage(m: unknown): void } }).parentPort;
  if (electron) return { post: (m) => electron.postMessage(m), onMessage: (l) => electron.on('message', (e) => l(e.data)) };
  if (process.send) {
    // The host is gone (it crashed or was killed): nobody is left to answer to.
    process.on('disconnect', () => process.exit(0));
    return { post: (m) => process.send!(m as object), onMessage: (l) => process.on('message', l) };
  }
  throw new Error('backend/host/main.ts runs only as a child or utility process');
}

const port = parentPort();
let backend: Backend | null = null;

port.onMessage((m) => {
  const message = m as InitMessage | CallMessage | { type: 'stop' };
  if (message.type === 'init') {
    try {
      backend = createBackend(message.options);
      backend.sync.start();
      port.post({ type: 'ready' });
    } catch (e) {
      // The store cannot be opened (a wrong key, a damaged file): say so once and end.
      port.post({ type: 'fatal', error: err('backend_start_failed', `本机数据无法打开：${e instanceof Error ? e.message : String(e)}`) });
      process.exit(1);
    }
  } else if (message.type === 'call') {
    const b = backend;
    if (!b) return port.post({ type: 'result', id: message.id, result: err('backend_not_ready', '后台服务尚未就绪，请稍后重试') });
    void b.dispatch(message.method, message.input).then((result) => port.post({ type: 'result', id: message.id, result }));
  } else if (message.type === 'stop') {
    void (backend?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  }
});
