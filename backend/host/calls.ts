// Calls to code that lives on the other side of a port and may die there: the backend in its
// own process (seen from Electron's main process or dev:web) and the reader worker (seen from
// the backend). Every call gets its answer or, if the other side dies first, a clear error at
// once — never a hang — and the next call starts a fresh one. A side that keeps dying is not
// restarted for ever: past a few deaths a minute every call says the service is down.
import { err, type Err, type Ok } from '../../domain/result';

export type Answer = Ok<unknown> | Err;

/** What the caller sends; `context` is whatever the other side needs beside the input. */
export interface CallMessage {
  type: 'call';
  id: number;
  method: string;
  input: unknown;
  context?: unknown;
}
/** What comes back: the answer to one call, readiness, why it cannot serve at all, or a notice. */
export type ReplyMessage = { type: 'result'; id: number; result: Answer } | { type: 'ready' } | { type: 'fatal'; error: Err };

/** One live peer: a child process, a utility process or a worker thread. */
export interface Endpoint {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the peer is gone, whatever the reason. */
  onExit(listener: (why: string) => void): void;
  /** Asks the peer to finish and waits for it; kills it if it does not go in time. */
  stop(): Promise<void>;
}

export interface CallerOptions {
  start: () => Endpoint;
  /** Sent first to every new peer (where the data is, the key, the clock…). */
  init: () => unknown;
  /** The answer to a call its peer died holding. */
  lost: (why: string) => Err;
  /** The answer to every call once the peer has died too often. */
  down: Err;
  /** Start a new peer as soon as one dies (the backend, which syncs on its own), not at the next call. */
  keepAlive?: boolean;
  maxDeathsPerMinute?: number;
  now?: () => number;
  onDeath?: (why: string) => void;
  /** Messages the peer sends of its own accord (not answers): the backend's new key, say. */
  onNotice?: (message: unknown) => void;
}

/** Any message with a type: a reply (ReplyMessage) or a notice of the peer's own. */
const isReply = (m: unknown): m is ReplyMessage => typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';

export function createCaller(o: CallerOptions) {
  const now = o.now ?? Date.now;
  const maxDeaths = o.maxDeathsPerMinute ?? 5;
  let peer: Endpoint | null = null;
  let fatal: Err | null = null;
  let closed = false;
  let nextId = 1;
  let deaths: number[] = [];
  const pending = new Map<number, (a: Answer) => void>();

  function start(): Endpoint {
    const p = o.start();
    p.onMessage((m) => {
      if (!isReply(m)) return;
      if (m.type === 'result') {
        pending.get(m.id)?.(m.result);
        pending.delete(m.id);
      } else if (m.type === 'fatal') fatal = m.error;
      else if (m.type === 'ready') return;
      else o.onNotice?.(m);
    });
    p.onExit((why) => {
      if (peer === p) peer = null;
      const answer = fatal ?? o.lost(why);
      for (const resolve of pending.values()) resolve(answer);
      pending.clear();
      if (closed) return;
      deaths = [...deaths.filter((t) => now() - t < 60_000), now()];
      o.onDeath?.(why);
      // A peer that said it cannot serve (a wrong key, say) is tried again only when asked to.
      if (o.keepAlive && !fatal && !peer && deaths.length < maxDeaths) peer = start();
    });
    p.post(o.init());
    return p;
  }

  return {
    call(method: string, input: unknown, context?: unknown): Promise<Answer> {
      if (closed) return Promise.resolve(err('backend_closed', '程序正在关闭，本次操作未执行'));
      deaths = deaths.filter((t) => now() - t < 60_000);
      if (deaths.length >= maxDeaths) return Promise.resolve(o.down);
      if (!peer) {
        fatal = null;
        peer = start();
      }
      const id = nextId++;
      const message: CallMessage = { type: 'call', id, method, input, context };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        peer!.post(message);
      });
    },
    /** Starts the peer now rather than on the first call (the backend syncs from its start). */
    warm(): void {
      if (!peer && !closed) peer = start();
    },
    /** Passes a message that needs no answer (say, "reference data changed"). */
    notify(message: unknown): void {
      peer?.post(message);
    },
    /** Ends the current peer; the next call starts a new one (with a fresh init). */
    async recycle(): Promise<void> {
      const p = peer;
      peer = null;
      await p?.stop();
    },
    async close(): Promise<void> {
      closed = true;
      await peer?.stop();
      peer = null;
    },
  };
}
export type Caller = ReturnType<typeof createCaller>;
