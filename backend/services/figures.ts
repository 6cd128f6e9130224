// The window's figures page (统计): this window's visits over a period and the bureau's
// published rates, counted over each matter's stored figure facts (domain/figures/facts.ts,
// kept by figureFacts.ts) as the city counts them, on the holiday calendar the city sent.
import { factTallies, periodFacts, visitCounts } from '../../db/figures';
import type { CountedMatter } from '../../domain/figures/breakdowns';
import type { WindowFigures } from '../../domain/figures/rpc';
import { fromTallies, type Period, repeatRate } from '../../domain/figures/indicators';
import { channelSchema } from '../../domain/intake/registration';
import { matterRouteSchema } from '../../domain/matters/routes';
import { ok, type Result } from '../../domain/result';
import { localDay, type ReadContext } from './context';

/** Every matter with a due day in the period, with what a breakdown groups it by (and its rowid, for a drill-down). */
export function periodOutcomes(ctx: ReadContext, period: Period): (CountedMatter & { rowid: number })[] {
  return periodFacts(ctx.db, period).map((m) => ({ ...m, channel: channelSchema.parse(m.channel), route: matterRouteSchema.nullable().parse(m.route) }));
}

export function windowFigures(ctx: ReadContext, period: Period): Result<WindowFigures> {
  const today = localDay(ctx.now());
  const counts = visitCounts(ctx.db, period.from, period.to);
  return ok({
    ...period,
    today,
    ...counts,
    repeatRate: repeatRate(counts.repeatVisits, counts.visits),
    indicators: fromTallies(factTallies(ctx.db, period, today), ctx.reference().policy.figures),
  });
}
