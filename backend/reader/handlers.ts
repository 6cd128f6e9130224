// The methods served by the reader worker: reads that can take long over a year of matters
// (figures and their breakdowns, their Excel copy, the work queue over every open matter, search,
// the full register and its export, the audit chain walked whole). They see the store through a
// read-only connection and never write.
import type { Method, MethodOutput, MethodParsedInput } from '../../domain/rpc/contract';
import type { Result } from '../../domain/result';
import type { ReadContext } from '../services/context';
import { windowFigures } from '../services/figures';
import { exportFigures } from '../services/figuresExcel';
import { workQueue } from '../services/matters/workQueue';
// The full register (台账), its export and 统计's breakdowns.
import { figuresBreakdown } from '../services/figuresBreakdown';
import { registerExportProgress, startRegisterExport, takeRegisterExport } from '../services/register/registerExport';
import { registerCountOf, registerFilterOptions, registerView } from '../services/register/registerView';
// search from every screen (issue #12)
import { searchMatters } from '../services/search';
// Excel in (历史台账)
import { checkLedger, type CheckedLedger } from '../services/records/checkLedger';
import type { ImportInput } from '../../domain/records/rpc';
import { verifyAuditChain } from '../../db/audit';

export const READER_METHODS = [
  'figures.get',
  'figures.export',
  'matters.queue',
  // The full register (台账), its export and 统计's breakdowns.
  'register.page',
  'register.count',
  'register.options',
  'register.exportStart',
  'register.exportProgress',
  'register.exportTake',
  'figures.breakdown',
  // search from every screen (issue #12)
  'search.matters',
  // Excel in (历史台账)
  'records.importPreview',
  // The audit chain, walked whole.
  'audit.verify',
] as const satisfies readonly Method[];
export type ReaderMethod = (typeof READER_METHODS)[number];

type ReaderHandlers = {
  [M in ReaderMethod]: (ctx: ReadContext, input: MethodParsedInput<M>) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>;
};

export const readerHandlers: ReaderHandlers = {
  'figures.get': (ctx, period) => windowFigures(ctx, period),
  'figures.export': (ctx, period) => exportFigures(ctx, period),
  'matters.queue': (ctx, input) => workQueue(ctx, input),
  // The full register (台账), its export and 统计's breakdowns.
  'register.page': (ctx, input) => registerView(ctx, input),
  'register.count': (ctx, { filter }) => registerCountOf(ctx, filter),
  'register.options': (ctx) => registerFilterOptions(ctx),
  'register.exportStart': (ctx, input) => startRegisterExport(ctx, input),
  'register.exportProgress': (ctx, { id }) => registerExportProgress(ctx, id),
  'register.exportTake': (ctx, { id }) => takeRegisterExport(ctx, id),
  'figures.breakdown': (ctx, input) => figuresBreakdown(ctx, input),
  // search from every screen (issue #12)
  'search.matters': (ctx, { query }) => searchMatters(ctx, query),
  // Excel in (历史台账).
  'records.importPreview': async (ctx, input) => {
    const r = await checkLedger(ctx, input);
    return r.ok ? { ok: true, value: r.value.preview } : r;
  },
  // The audit chain, walked whole.
  'audit.verify': (ctx) => ({ ok: true, value: verifyAuditChain(ctx.db) }),
};

/**
 * Work the backend itself asks of the reader, not an RPC of its own. Excel in: the file read and
 * every row checked off the writing thread; the backend then writes what passed.
 */
export const readerTasks = {
  'records.checkImport': (ctx: ReadContext, input: ImportInput): Promise<Result<CheckedLedger>> => checkLedger(ctx, input),
};
export type ReaderTask = keyof typeof readerTasks;
export const isReaderTask = (m: string): m is ReaderTask => Object.hasOwn(readerTasks, m);

export const isReaderMethod = (m: string): m is ReaderMethod => (READER_METHODS as readonly string[]).includes(m);
