// The backend as its host sees it (Electron's main process, dev:web): one `dispatch` that
// carries each RPC to the backend process and back. If that process dies while a call waits,
// the call is answered with a clear error at once and a new process is started.
import { err } from '../../domain/result';
import { createCaller, type Endpoint } from './calls';
import type { InitMessage, KeyMessage } from './main';
import type { KeyKeeper } from './storeKey';

export interface BackendHostOptions {
  start: () => Endpoint;
  options: Omit<InitMessage['options'], 'keys'>;
  /** Keeps the store's keys: the OS keystore in the app, a file in dev:web (storeKey.ts). */
  keys: KeyKeeper;
  log?: (msg: string) => void;
}

export const BACKEND_LOST_CODE = 'backend_restarted';

export function createBackendHost(o: BackendHostOptions) {
  const caller = createCaller({
    start: o.start,
    // Read at each start: a backend restarted after a re-key gets the new key.
    init: (): InitMessage => ({ type: 'init', options: { ...o.options, keys: o.keys.read() } }),
    onNotice: (m) => {
      if ((m as KeyMessage).type === 'key') o.keys.save((m as KeyMessage).key);
    },
    keepAlive: true,
    lost: (why) => err(BACKEND_LOST_CODE, `后台服务意外中断（${why}），已自动重新启动。刚才的操作可能没有完成，请核对后重试。`),
    down: err('backend_down', '后台服务反复中断，已停止重启。请关闭程序后重新打开；如仍不能使用，请联系管理员。'),
    onDeath: (why) => o.log?.(`backend process ended: ${why}`),
  });
  caller.warm();
  return {
    dispatch: (method: string, input: unknown) => caller.call(method, input),
    close: () => caller.close(),
  };
}
export type BackendHost = ReturnType<typeof createBackendHost>;
