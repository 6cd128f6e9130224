// The methods served by the reader worker: reads that can take long over a year of matters
// (figures, their Excel copy, the work queue over every open matter, search, later
// exports). They see the store through a read-only connection and never write.
import type { Method, MethodOutput, MethodParsedInput } from '../../domain/rpc/contract';
import type { Result } from '../../domain/result';
import type { ReadContext } from '../services/context';
import { windowFigures } from '../services/figures';
import { exportFigures } from '../services/figuresExcel';
import { workQueue } from '../services/matters/workQueue';
// search from every screen (issue #12)
import { searchMatters } from '../services/search';

export const READER_METHODS = [
  'figures.get',
  'figures.export',
  'matters.queue',
  // search from every screen (issue #12)
  'search.matters',
] as const satisfies readonly Method[];
export type ReaderMethod = (typeof READER_METHODS)[number];

type ReaderHandlers = {
  [M in ReaderMethod]: (ctx: ReadContext, input: MethodParsedInput<M>) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>;
};

export const readerHandlers: ReaderHandlers = {
  'figures.get': (ctx, period) => windowFigures(ctx, period),
  'figures.export': (ctx, period) => exportFigures(ctx, period),
  'matters.queue': (ctx, { scope, dueSoonDays }) => workQueue(ctx, scope, dueSoonDays),
  // search from every screen (issue #12)
  'search.matters': (ctx, { query }) => searchMatters(ctx, query),
};

export const isReaderMethod = (m: string): m is ReaderMethod => (READER_METHODS as readonly string[]).includes(m);
