// The backend in an Electron utility process (DESIGN.md §1): the Endpoint (backend/host/calls.ts)
// over `utilityProcess.fork`, so the main thread never runs SQL and a crash there is one
// process restarting, not the window freezing. This adapter is the only part of the backend's
// hosting that cannot run on machines without an Electron binary; dev:web and the tests use
// the Node child process adapter with the same messages.
import { utilityProcess } from 'electron';
import type { Endpoint } from '../../backend/host/calls';
import { BACKEND_EXEC_ARGV } from '../../backend/host/heapLimits';

const STOP_GRACE_MS = 5000;

export function utilityProcessEndpoint(entry: string): Endpoint {
  const child = utilityProcess.fork(entry, [], { serviceName: 'xinfang-backend', stdio: 'inherit', execArgv: [...BACKEND_EXEC_ARGV] });
  let alive = true;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      alive = false;
      resolve();
    }),
  );
  return {
    post: (m) => {
      if (alive) child.postMessage(m);
    },
    onMessage: (l) => child.on('message', l),
    onExit: (l) => {
      child.once('exit', (code) => l(`exit ${code}`));
    },
    async stop() {
      if (!alive) return;
      child.postMessage({ type: 'stop' });
      const t = setTimeout(() => child.kill(), STOP_GRACE_MS);
      await exited;
      clearTimeout(t);
    },
  };
}
