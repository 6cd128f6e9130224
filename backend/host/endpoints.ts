// Endpoints (calls.ts) over Node's own means: a child process forked with an IPC channel (the
// backend in dev:web and the tests) and a worker thread (the reader, document rendering). The
// Electron utility process is the third kind; its adapter lives with the Electron main code.
import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import type { Endpoint } from './calls';
import { BACKEND_EXEC_ARGV, WORKER_RESOURCE_LIMITS } from './heapLimits';

const STOP_GRACE_MS = 5000;

/**
 * A child process running `entry`. Its output goes to this process's, or, given `output`, to
 * that function (a test reads what the backend logs).
 */
export function childProcessEndpoint(entry: string, o: { env?: NodeJS.ProcessEnv; output?: (chunk: Buffer) => void } = {}): Endpoint & { pid: number } {
  // This process's own flags first: under tsx they are its loader, which the source entry needs.
  const execArgv = [...process.execArgv, ...BACKEND_EXEC_ARGV];
  const child = fork(entry, [], { env: o.env ?? process.env, execArgv, serialization: 'advanced', stdio: o.output ? 'pipe' : 'inherit' });
  if (o.output) {
    child.stdout?.on('data', o.output);
    child.stderr?.on('data', o.output);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid!,
    post: (m) => {
      if (child.connected) child.send(m as object);
    },
    onMessage: (l) => child.on('message', l),
    onExit: (l) => {
      child.once('exit', (code, signal) => l(signal ? `signal ${signal}` : `exit ${code}`));
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ type: 'stop' });
      const t = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(t);
    },
  };
}

/** A worker thread running `entry`; it does not keep the process alive while idle. */
export function workerEndpoint(entry: string): Endpoint {
  const w = new Worker(entry, { resourceLimits: WORKER_RESOURCE_LIMITS });
  let busy = 0;
  const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
  w.unref();
  return {
    post: (m) => {
      if ((m as { type?: string }).type === 'call' && busy++ === 0) w.ref();
      w.postMessage(m);
    },
    onMessage: (l) =>
      w.on('message', (m: { type?: string }) => {
        if (m.type === 'result' && --busy === 0) w.unref();
        l(m);
      }),
    onExit: (l) => {
      let why = '';
      w.once('error', (e) => (why = e.message));
      w.once('exit', (code) => l(why || `exit ${code}`));
    },
    async stop() {
      await w.terminate();
      await exited;
    },
  };
}
