// The backend process (DESIGN.md §1): an Electron utility process in the app, a Node child
// process in dev:web and the tests. It waits for its options, opens the store with the key its
// host keeps (or makes the first one), starts syncing and answers calls until told to stop. A
// store this machine's keys do not open waits for the county recovery code instead. Both hosts
// speak the same messages over one port.
import fs from 'node:fs';
import path from 'node:path';
import { WrongKeyError } from '../../db/open';
import { err, errFromZod, ok, type Err, type Ok } from '../../domain/result';
import { makeContract } from '../../domain/rpc/contract';
import { DEFAULT_IDLE_MINUTES } from '../../domain/staff/accounts';
import { createBackend, DB_FILE, type Backend, type BackendOptions } from '../services/backend';
import { localDay } from '../services/context';
import { recoverKey } from '../services/recovery';
import type { CallMessage } from './calls';
import { newStoreKey } from './storeKey';

type HostOptions = Omit<BackendOptions, 'now' | 'idleClock' | 'fetch' | 'log' | 'sync' | 'key' | 'onKeyChanged'>;

/** What the host sends first: where things are, and the keys it keeps (newest first). */
export interface InitMessage {
  type: 'init';
  options: HostOptions & { keys: string[]; sync?: Omit<NonNullable<BackendOptions['sync']>, 'random'> };
}
/** What the host must keep: the store's key, new or changed. */
export interface KeyMessage {
  type: 'key';
  key: string;
}

interface Port {
  /** Resolves once the message has left (a forked child's IPC send is asynchronous). */
  post(m: unknown): Promise<void>;
  onMessage(l: (m: unknown) => void): void;
}

/** Electron's utility process has `process.parentPort`; a forked Node child has `process.send`. */
function parentPort(): Port {
  const electron = (process as { parentPort?: { on(e: 'message', l: (e: { data: unknown }) => void): void; postMessage(m: unknown): void } }).parentPort;
  if (electron) return { post: async (m) => electron.postMessage(m), onMessage: (l) => electron.on('message', (e) => l(e.data)) };
  if (process.send) {
    // The host is gone (it crashed or was killed): nobody is left to answer to.
    process.on('disconnect', () => process.exit(0));
    return { post: (m) => new Promise((resolve) => process.send!(m as object, () => resolve())), onMessage: (l) => process.on('message', l) };
  }
  throw new Error('backend/host/main.ts runs only as a child or utility process');
}

// Everything this process writes (the store, its WAL, sealed files) is for this user only.
process.umask(0o077);
const port = parentPort();
const keep = (key: string) => void port.post({ type: 'key', key } satisfies KeyMessage);
let options: InitMessage['options'] | null = null;
let backend: Backend | null = null;

function open(key: string): Backend {
  const { keys: _keys, ...rest } = options!;
  return createBackend({ ...rest, key, onKeyChanged: keep });
}

/** The store opened with the first key that fits, a new one for a new store, or null. */
function openStore(keys: string[]): Backend | null {
  const file = path.join(options!.dataDir, DB_FILE);
  if (keys.length === 0 && !(fs.existsSync(file) && fs.statSync(file).size > 0)) {
    const key = newStoreKey();
    keep(key);
    return open(key);
  }
  for (const key of keys) {
    try {
      const b = open(key);
      // The key before last opened it (a re-key was cut short): it is the key again.
      if (key !== keys[0]) keep(key);
      return b;
    } catch (e) {
      if (!(e instanceof WrongKeyError)) throw e;
    }
  }
  return null;
}

/** While the store waits for its recovery code, the window can ask only this. */
async function answerLocked(method: string, input: unknown): Promise<Ok<unknown> | Err> {
  if (method === 'session.get') return ok({ setupNeeded: false, user: null, locked: false, idleMinutes: DEFAULT_IDLE_MINUTES, recoveryNeeded: true });
  if (method !== 'store.recover') return err('store_locked', '本机数据尚未打开：请输入打印的恢复密钥');
  const parsed = makeContract(() => localDay(new Date()))['store.recover'].input.safeParse(input);
  if (!parsed.success) return errFromZod(parsed.error);
  const key = await recoverKey(options!.dataDir, parsed.data.code);
  if (!key.ok) return key;
  const b = openStore([key.value]);
  if (!b) return err('recovery_code_wrong', '恢复密钥与本机数据不符', 'code');
  keep(key.value);
  start(b);
  return b.dispatch('session.get', {});
}

function start(b: Backend): void {
  backend = b;
  b.sync.start();
}

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  const b = backend;
  void (b?.close() ?? Promise.resolve()).finally(() => process.exit(0));
}

port.onMessage((m) => {
  const message = m as InitMessage | CallMessage | { type: 'stop' };
  if (message.type === 'init') {
    options = message.options;
    try {
      const b = openStore(message.options.keys);
      if (b) start(b);
      void port.post({ type: 'ready' });
    } catch (e) {
      // The store cannot be opened at all (a damaged file, a full disk): say so once and end.
      void port.post({ type: 'fatal', error: err('backend_start_failed', `本机数据无法打开：${e instanceof Error ? e.message : String(e)}`) }).finally(() => process.exit(1));
    }
  } else if (message.type === 'call') {
    const answer = stopping
      ? Promise.resolve(err('backend_restarting', '后台服务正在重新启动，请稍候重试'))
      : backend
        ? backend.dispatch(message.method, message.input)
        : answerLocked(message.method, message.input);
    void answer.then(async (result) => {
      await port.post({ type: 'result', id: message.id, result });
      // A restore was prepared (backend/backup/restore.ts): end, and the host starts a backend
      // that opens the restored store.
      if (backend?.restartWanted() && !stopping) stop();
    });
  } else if (message.type === 'stop') {
    stop();
  }
});
