// The methods served by the reader worker: reads that can take long over a year of matters
// (figures, their Excel copy, the work queue over every open matter, later search and
// exports). They see the store through a read-only connection and never write.
import type { Method, MethodOutput, MethodParsedInput } from '../../domain/rpc/contract';
import type { Result } from '../../domain/result';
import type { ReadContext } from '../services/context';
import { windowFigures } from '../services/figures';
import { exportFigures } from '../services/figuresExcel';
import { workQueue } from '../services/matters/workQueue';

export const READER_METHODS = ['figures.get', 'figures.export', 'matters.queue'] as const satisfies readonly Method[];
export type ReaderMethod = (typeof READER_METHODS)[number];

type ReaderHandlers = {
  [M in ReaderMethod]: (ctx: ReadContext, input: MethodParsedInput<M>) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>;
};

export const readerHandlers: ReaderHandlers = {
  'figures.get': (ctx, period) => windowFigures(ctx, period),
  'figures.export': (ctx, period) => exportFigures(ctx, period),
  'matters.queue': (ctx, { scope, dueSoonDays }) => workQueue(ctx, scope, dueSoonDays),
};

export const isReaderMethod = (m: string): m is ReaderMethod => (READER_METHODS as readonly string[]).includes(m);
