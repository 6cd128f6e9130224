// The desk's backend as its own process, as the app hosts it (backend/host/main.ts behind the
// child-process endpoint), run from a bundle of it (scripts/bundles.mjs) so a restart takes
// seconds, not the TypeScript loader's compile. One DeskProcess is one life of the process: the
// harness kills it with SIGKILL and starts the next.
import path from 'node:path';
import { createCaller } from '../../../backend/host/calls';
import { childProcessEndpoint } from '../../../backend/host/endpoints';
import type { InitMessage } from '../../../backend/host/main';
import { sourceTreeOptions } from '../../../backend/host/sourceTree';
import { err, type Err, type Ok } from '../../../domain/result';

export const LOST = 'lost';

export interface DeskProcessOptions {
  /** The folder holding the bundled main.mjs, readerWorker.mjs and renderWorker.mjs. */
  bundleDir: string;
  dataDir: string;
  key: string;
  scryptCost: number;
  sync: InitMessage['options']['sync'];
}

export interface DeskProcess {
  pid: number;
  call(method: string, input: unknown): Promise<Ok<unknown> | Err>;
  /** Resolves when the process has ended, however. */
  ended: Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export function startDeskProcess(o: DeskProcessOptions): DeskProcess {
  let pid = 0;
  let endedResolve: () => void = () => {};
  const ended = new Promise<void>((resolve) => (endedResolve = resolve));
  let started = false;
  const caller = createCaller({
    start: () => {
      // One life only: a second start would be a restart the harness did not ask for.
      if (started) throw new Error('desk process already used');
      started = true;
      const e = childProcessEndpoint(path.join(o.bundleDir, 'main.mjs'), { output: () => {} });
      pid = e.pid;
      e.onExit(() => endedResolve());
      return e;
    },
    init: (): InitMessage => ({
      type: 'init',
      options: {
        ...sourceTreeOptions(o.dataDir),
        documentWorker: { file: path.join(o.bundleDir, 'renderWorker.mjs') },
        readerWorker: { file: path.join(o.bundleDir, 'readerWorker.mjs') },
        keys: [o.key],
        scryptCost: o.scryptCost,
        sync: o.sync,
      },
    }),
    lost: (why) => err(LOST, why),
    down: err('down', 'down'),
  });
  caller.warm();
  return {
    get pid() {
      return pid;
    },
    call: (method, input) => caller.call(method, input),
    ended,
    async kill() {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await ended;
    },
    stop: () => caller.close(),
  };
}
