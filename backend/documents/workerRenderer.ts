// Renders documents in a worker thread, started on first use and kept for the next ones. The
// host says where the worker's code is: the TypeScript source under tsx in development and
// tests, the bundled file in the packaged app.
import { Worker } from 'node:worker_threads';
import type { DocumentKind } from '../../domain/documents/kinds';
import { err, ok, type Result } from '../../domain/result';
import { WORKER_RESOURCE_LIMITS } from '../host/heapLimits';
import type { RenderOptions } from './render';
import type { RenderRequest } from './renderWorker';

export interface WorkerEntry {
  /** renderWorker.dev.mjs (the TypeScript source through tsx) or the bundled renderWorker.mjs. */
  file: string;
}

export type DocumentRenderer = (kind: DocumentKind, fields: Record<string, string | undefined>, options: RenderOptions) => Promise<Result<Buffer>>;

export function createWorkerRenderer(entry: WorkerEntry): { render: DocumentRenderer; close: () => Promise<void> } {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, (r: Result<Uint8Array>) => void>();

  function start(): Worker {
    const w = new Worker(entry.file, { resourceLimits: WORKER_RESOURCE_LIMITS });
    w.on('message', (m: { id: number; result: Result<Uint8Array> }) => {
      pending.get(m.id)?.(m.result);
      pending.delete(m.id);
      // An idle worker must not keep the process alive; a busy one must.
      if (pending.size === 0) w.unref();
    });
    // A crashed worker fails what it held; the next request starts a new one.
    const failAll = (why: string) => {
      for (const resolve of pending.values()) resolve(err('pdf_render_failed', `文书生成进程异常：${why}`));
      pending.clear();
      worker = null;
    };
    w.on('error', (e) => failAll(e.message));
    w.on('exit', (code) => code !== 0 && failAll(`exit ${code}`));
    w.unref();
    return w;
  }

  return {
    render(kind, fields, options) {
      worker ??= start();
      const id = nextId++;
      const req: RenderRequest = { id, kind, fields, options };
      return new Promise((resolve) => {
        pending.set(id, (r) => resolve(r.ok ? ok(Buffer.from(r.value)) : r));
        worker!.ref();
        worker!.postMessage(req);
      });
    },
    async close() {
      await worker?.terminate();
      worker = null;
    },
  };
}
