// 统计's breakdowns: the period's visits and rates per month, category, township, channel or
// route, on the reader worker (a year of matters is a long read), each group named in words.
import { visitCountsBy } from '../../db/figures';
import { type BreakdownDimension, breakdown, type CountedMatter, groupOf, type VisitTally } from '../../domain/figures/breakdowns';
import type { Period } from '../../domain/figures/indicators';
import { CHANNEL_LABELS, type Channel } from '../../domain/intake/registration';
import { ROUTE_LABELS, type MatterRoute } from '../../domain/matters/routes';
import { findCategory } from '../../domain/reference/categories';
import { NONE } from '../../domain/register/filter';
import { ok } from '../../domain/result';
import { localDay, type ReadContext } from './context';
import { periodOutcomes } from './figures';
import type { Reference } from './reference';
import { placeName } from './register/registerView';

/** A group's name at the window: 2026年3月, 城乡建设, a township, 来访, 信访程序, or 未分类/未填写. */
export function groupLabel(by: BreakdownDimension, key: string, reference: Reference): string {
  if (by === 'month') return `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`;
  if (key === NONE) return by === 'route' ? '尚未分类' : '未填写';
  switch (by) {
    case 'category':
      return findCategory(reference.categories, key)?.name ?? key;
    case 'township':
      return placeName(reference.regions, key);
    case 'channel':
      return CHANNEL_LABELS[key as Channel] ?? key;
    case 'route':
      return ROUTE_LABELS[key as MatterRoute] ?? key;
  }
}

/** The period's visits under each group's key (the same keys domain's groupOf gives matters). */
function visitsByGroup(ctx: ReadContext, period: Period, by: BreakdownDimension): Map<string, VisitTally> {
  const out = new Map<string, VisitTally>();
  for (const { key, ...t } of visitCountsBy(ctx.db, period.from, period.to, by)) {
    const group = by === 'month' ? key! : groupOf(by, { categoryCode: key ?? '', placeRegion: key ?? '', channel: key ?? '', route: key });
    const sum = out.get(group);
    out.set(group, sum ? { visits: sum.visits + t.visits, firstVisits: sum.firstVisits + t.firstVisits, repeatVisits: sum.repeatVisits + t.repeatVisits, people: sum.people + t.people } : t);
  }
  return out;
}

/** One breakdown's rows, each named; `outcomes` are the period's matters, read once for several breakdowns. */
export function labelledBreakdown(ctx: ReadContext, period: Period, by: BreakdownDimension, outcomes: readonly CountedMatter[]) {
  const reference = ctx.reference();
  const rows = breakdown(by, outcomes, visitsByGroup(ctx, period, by), period, localDay(ctx.now()), reference.policy.figures);
  return rows.map((r) => ({ ...r, label: groupLabel(by, r.key, reference) }));
}

export function figuresBreakdown(ctx: ReadContext, input: Period & { by: BreakdownDimension }) {
  const { by, ...period } = input;
  return ok({ by, today: localDay(ctx.now()), rows: labelledBreakdown(ctx, period, by, periodOutcomes(ctx, period)) });
}
