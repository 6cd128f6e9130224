// The window's figures page (统计): this window's visits over a period and the bureau's
// published rates from its matters' lifecycles, computed as the city computes them
// (domain/indicators.ts), on the holiday calendar the city sent.
import { matterHistories, visitCounts } from '../../db/figures';
import type { CountedMatter } from '../../domain/figures/breakdowns';
import type { WindowFigures } from '../../domain/figures/rpc';
import { countsSince, indicators, type Period, repeatRate } from '../../domain/figures/indicators';
import { channelSchema } from '../../domain/intake/registration';
import { ok, type Result } from '../../domain/result';
import { localDay, type ReadContext } from './context';
import { lifecycleOf } from './storedLifecycle';

/** Every matter that can count in the period, with what a breakdown groups it by (and its rowid, for a drill-down). */
export function periodOutcomes(ctx: ReadContext, period: Period): (CountedMatter & { rowid: number })[] {
  return matterHistories(ctx.db, period.to, countsSince(period.from, ctx.reference().policy.figures)).map((m) => ({
    id: m.id,
    rowid: m.rowid,
    categoryCode: m.categoryCode,
    placeRegion: m.placeRegion,
    channel: channelSchema.parse(m.channel),
    lifecycle: lifecycleOf(m.lifecycle),
    repeatVisitDays: m.repeatVisitDays,
  }));
}

export function windowFigures(ctx: ReadContext, period: Period): Result<WindowFigures> {
  const today = localDay(ctx.now());
  const counts = visitCounts(ctx.db, period.from, period.to);
  const { deadlines, policy } = ctx.reference();
  return ok({
    ...period,
    today,
    ...counts,
    repeatRate: repeatRate(counts.repeatVisits, counts.visits),
    indicators: indicators(periodOutcomes(ctx, period), period, today, deadlines, policy.figures),
  });
}
