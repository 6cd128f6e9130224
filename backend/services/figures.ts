// The window's figures page (统计): this window's visits over a period and the bureau's
// published rates from its matters' lifecycles, computed as the city computes them
// (domain/indicators.ts), on the holiday calendar the city sent.
import { matterHistories, visitCounts } from '../../db/figures';
import type { WindowFigures } from '../../domain/figures/rpc';
import { countsSince, indicators, repeatRate } from '../../domain/figures/indicators';
import { ok, type Result } from '../../domain/result';
import { localDay, type ReadContext } from './context';
import { lifecycleOf } from './storedLifecycle';

export function windowFigures(ctx: ReadContext, period: { from: string; to: string }): Result<WindowFigures> {
  const today = localDay(ctx.now());
  const counts = visitCounts(ctx.db, period.from, period.to);
  const { deadlines, policy } = ctx.reference();
  const outcomes = matterHistories(ctx.db, period.to, countsSince(period.from, policy.figures)).map((m) => ({ lifecycle: lifecycleOf(m.lifecycle), repeatVisitDays: m.repeatVisitDays }));
  return ok({
    ...period,
    today,
    ...counts,
    repeatRate: repeatRate(counts.repeatVisits, counts.visits),
    indicators: indicators(outcomes, period, today, deadlines, policy.figures),
  });
}
