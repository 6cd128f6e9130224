// When a sync runs (DESIGN.md §4): on start, after local writes (debounced), on a timer, when
// the network comes back and on 立即同步 — one run at a time. A failed run is retried with
// backoff, unless retrying cannot fix it; then only a person (立即同步, enrolment) starts one.
import { backoffDelay } from './backoff';
import type { Failure } from './cityClient';
import { FATAL_SYNC_ERRORS } from './messages';

export interface SchedulerOptions {
  /** One sync run; null when all went through, else why it stopped. */
  run: () => Promise<Failure | null>;
  onFailure: (f: Failure) => void;
  /**
   * An error stands that retrying cannot fix: timers, writes and the network coming back leave
   * it be (a revoked device would otherwise knock every few minutes for ever).
   */
  blocked: () => boolean;
  /** Asks the city whether it answers; true when it has just come back and records wait. */
  networkBack: () => Promise<boolean>;
  log: (msg: string, detail?: unknown) => void;
  random?: () => number;
  debounceMs?: number;
  timerMs?: number;
  healthEveryMs?: number;
}

export function createScheduler(o: SchedulerOptions) {
  const random = o.random ?? Math.random;
  let running: Promise<void> | null = null;
  let probing: Promise<void> | null = null;
  let attempt = 0;
  let stopped = true;
  let retryTimer: NodeJS.Timeout | null = null;
  let debounceTimer: NodeJS.Timeout | null = null;
  let periodic: NodeJS.Timeout | null = null;
  let health: NodeJS.Timeout | null = null;

  /** One run at a time: a second call joins the one already running. */
  function runNow(): Promise<void> {
    if (!running) {
      if (retryTimer) clearTimeout(retryTimer);
      running = o
        .run()
        .catch((e: unknown) => {
          o.log('sync crashed', e);
          return null;
        })
        .then((f) => {
          running = null;
          if (f) failed(f);
        });
    }
    return running;
  }

  function failed(f: Failure): void {
    o.onFailure(f);
    if (FATAL_SYNC_ERRORS.has(f.code)) return;
    schedule('retry', backoffDelay(attempt++, random, f.retryAfterMs));
  }

  function auto(): void {
    if (!stopped && !o.blocked()) void runNow();
  }

  /** Asks the city whether it answers; syncs when it is back, or in any case with `thenSync`. */
  function probe(thenSync: boolean): void {
    probing ??= o
      .networkBack()
      .then((back) => {
        if (back || thenSync) auto();
      })
      .catch((e: unknown) => o.log('health check crashed', e))
      .finally(() => (probing = null));
  }

  function schedule(kind: 'retry' | 'debounce', ms: number): void {
    if (stopped) return;
    const t = setTimeout(auto, ms);
    t.unref();
    if (kind === 'retry') {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = t;
    } else {
      if (debounceTimer) clearTimeout(debounceTimer);
      debounceTimer = t;
    }
  }

  return {
    runNow,
    get syncing(): boolean {
      return running !== null;
    },
    /** The city answered: the next failure backs off from the shortest delay again. */
    reached(): void {
      attempt = 0;
    },
    afterLocalWrite(): void {
      schedule('debounce', o.debounceMs ?? 2000);
    },
    start(): void {
      stopped = false;
      probe(true);
      periodic = setInterval(auto, o.timerMs ?? 5 * 60 * 1000);
      periodic.unref();
      health = setInterval(() => probe(false), o.healthEveryMs ?? 30_000);
      health.unref();
    },
    /** No timer fires after this; resolves once the run and health check under way have ended. */
    async stop(): Promise<void> {
      stopped = true;
      for (const t of [retryTimer, debounceTimer]) if (t) clearTimeout(t);
      for (const t of [periodic, health]) if (t) clearInterval(t);
      await Promise.all([running, probing]);
    },
  };
}
