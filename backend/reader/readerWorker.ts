// The reader worker's thread (DESIGN.md §1): its own read-only connection to the store and its
// own copy of the reference data, so a year's figures or an export never holds up a
// registration on the backend's writing connection. It also checkpoints the WAL on a timer, on a
// connection of its own, so no registration's commit pays for copying pages into the store.
import { parentPort } from 'node:worker_threads';
import { openCheckpointer, openReadOnlyDb, type LocalDb } from '../../db/open';
import { err } from '../../domain/result';
import type { CallMessage } from '../host/calls';
import type { Operator } from '../../domain/staff/roles';
import type { ReadContext } from '../services/context';
import { createReferenceSource, type ReferenceSource } from '../services/reference';
import { isReaderMethod, isReaderTask, readerHandlers, readerTasks } from './handlers';
import { isStoreOp, storeOps } from './storeOps';

export interface ReaderInit {
  type: 'init';
  dbFile: string;
  /** The store's key: the worker opens its own connection, so it needs it too (same process). */
  key: string;
  resourcesDir: string;
}
/** Beside each call: the caller's clock (tests that fix the time fix it here too) and who asks. */
export interface ReaderCallContext {
  nowMs: number;
  actor: Operator | null;
}
export type ReaderMessage = ReaderInit | CallMessage | { type: 'reference-changed' };

/** How often the WAL is checkpointed: a second's registrations are a few dozen pages. */
const CHECKPOINT_EVERY_MS = 1000;

let db: LocalDb | null = null;
let reference: ReferenceSource | null = null;
const ops = storeOps(() => db!);

async function answer(m: CallMessage): Promise<unknown> {
  if (!db || !reference) return err('reader_not_ready', '查询服务尚未就绪，请稍后重试');
  if (isStoreOp(m.method)) {
    try {
      return (ops[m.method] as (i: unknown) => unknown)(m.input);
    } catch (e) {
      return err('store_copy_failed', `备份文件读写失败：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const handler = isReaderMethod(m.method) ? readerHandlers[m.method] : isReaderTask(m.method) ? readerTasks[m.method] : null;
  if (!handler) return err('unknown_method', `未知的操作：${m.method}`);
  const { nowMs, actor } = m.context as ReaderCallContext;
  const ctx: ReadContext = { db, reference: reference.get, now: () => new Date(nowMs), actor: () => actor };
  try {
    return await (handler as (c: ReadContext, i: unknown) => unknown)(ctx, m.input);
  } catch (e) {
    console.error('[reader] handler crashed', e);
    return err('internal', '程序内部错误，本次查询未完成，请重试或联系管理员');
  }
}

parentPort?.on('message', (m: ReaderMessage) => {
  if (m.type === 'init') {
    db = openReadOnlyDb(m.dbFile, m.key);
    reference = createReferenceSource(db, m.resourcesDir);
    const { checkpoint } = openCheckpointer(m.dbFile, m.key);
    setInterval(() => {
      try {
        checkpoint();
      } catch (e) {
        // The writer's own fallback checkpoint still bounds the WAL (db/open.ts).
        console.error('[reader] checkpoint failed', e);
      }
    }, CHECKPOINT_EVERY_MS).unref();
    parentPort?.postMessage({ type: 'ready' });
  } else if (m.type === 'reference-changed') {
    reference?.refresh();
  } else if (m.type === 'call') {
    void answer(m).then((result) => parentPort?.postMessage({ type: 'result', id: m.id, result }));
  }
});
