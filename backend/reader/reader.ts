// The backend's side of the reader worker: long reads go there, each with the backend's clock;
// a worker that dies answers what it held with an error and the next read starts a new one.
import { err, type Result } from '../../domain/result';
import type { Operator } from '../../domain/staff/roles';
import type { MethodOutput, MethodParsedInput } from '../../domain/rpc/contract';
import { createCaller } from '../host/calls';
import { workerEndpoint } from '../host/endpoints';
import type { WorkerEntry } from '../documents/workerRenderer';
import type { ReaderMethod, ReaderTask, readerTasks } from './handlers';
import type { StoreOp, StoreOps } from './storeOps';
import type { ReaderCallContext, ReaderInit } from './readerWorker';

export function createReader(o: { entry: WorkerEntry; dbFile: string; key: () => string; resourcesDir: string; now: () => Date; actor: () => Operator | null }) {
  const caller = createCaller({
    start: () => workerEndpoint(o.entry.file),
    init: (): ReaderInit => ({ type: 'init', dbFile: o.dbFile, key: o.key(), resourcesDir: o.resourcesDir }),
    lost: (why) => err('reader_failed', `查询服务意外中断（${why}），请重试`),
    down: err('reader_down', '查询服务反复中断，请重新启动程序；如仍不能使用，请联系管理员'),
  });
  return {
    read<M extends ReaderMethod>(method: M, input: MethodParsedInput<M>): Promise<Result<MethodOutput<M>>> {
      const context: ReaderCallContext = { nowMs: o.now().getTime(), actor: o.actor() };
      return caller.call(method, input, context) as Promise<Result<MethodOutput<M>>>;
    },
    /** Work on a whole copy of the store, for backup and restore (storeOps.ts). */
    store<O extends StoreOp>(op: O, input: Parameters<StoreOps[O]>[0]): Promise<ReturnType<StoreOps[O]>> {
      return caller.call(op, input, { nowMs: o.now().getTime(), actor: null } satisfies ReaderCallContext) as Promise<ReturnType<StoreOps[O]>>;
    },
    /** Work the backend asks of the reader for itself (readerTasks). */
    task<T extends ReaderTask>(name: T, input: Parameters<(typeof readerTasks)[T]>[1]): ReturnType<(typeof readerTasks)[T]> {
      const context: ReaderCallContext = { nowMs: o.now().getTime(), actor: o.actor() };
      return caller.call(name, input, context) as ReturnType<(typeof readerTasks)[T]>;
    },
    /** The city sent new reference data: the worker re-reads its copy before the next read. */
    referenceChanged: () => caller.notify({ type: 'reference-changed' }),
    /** Starts the worker now: from then on it also checkpoints the WAL (readerWorker.ts). */
    warm: () => caller.warm(),
    /** Closes the worker's connection now; the next read opens a new one (say, under a new key). */
    recycle: () => caller.recycle(),
    close: () => caller.close(),
  };
}
export type Reader = ReturnType<typeof createReader>;
