// The bureau's rates broken down by month, category, township, channel and route, and the test a
// drill-down from 统计 puts to each matter. Both count each matter's figure facts by facts.ts
// `counts`, as indicators() does, one group (or one matter) at a time, so a breakdown's rows add
// up to the period's figure and the matters a number opens are exactly the ones it counted.
import dayjs from 'dayjs';
import { z } from 'zod';
import type { IsoDate } from '../calendar/deadlines';
import { type Channel } from '../intake/registration';
import { type Drill, NONE, type RegisterFilterInput } from '../register/filter';
import type { MatterRoute } from '../matters/routes';
import { counts, type FigureFacts, type Period } from './facts';
import { indicatorsSchema, tallyFacts } from './indicators';
import { DEFAULT_FIGURE_OPTIONS, type FigureOptions } from './options';

export const breakdownDimensionSchema = z.enum(['month', 'category', 'township', 'channel', 'route']);
export type BreakdownDimension = z.infer<typeof breakdownDimensionSchema>;
export const BREAKDOWN_LABELS: Readonly<Record<BreakdownDimension, string>> = {
  month: '按月',
  category: '按问题分类',
  township: '按属地',
  channel: '按渠道',
  route: '按处理途径',
};

/** A matter as a breakdown counts it: what it is grouped by (the columns of its row) and its figure facts. */
export interface CountedMatter {
  id: string;
  categoryCode: string;
  placeRegion: string;
  channel: Channel;
  route: MatterRoute | null;
  facts: FigureFacts;
}

/** Visits over the period in one group (visit rows grouped by the same keys as the matters). */
export interface VisitTally {
  visits: number;
  firstVisits: number;
  repeatVisits: number;
  people: number;
}
export const noVisits = (): VisitTally => ({ visits: 0, firstVisits: 0, repeatVisits: 0, people: 0 });

/**
 * A matter's group for a dimension other than the month: the first-level category (its code's
 * first two digits), the place as recorded (a township, or the county when no township was
 * given), the channel, the route once classified. NONE when the matter has no value yet.
 */
export function groupOf(by: Exclude<BreakdownDimension, 'month'>, m: { categoryCode: string; placeRegion: string; channel: string; route: string | null }): string {
  switch (by) {
    case 'category':
      return m.categoryCode.slice(0, 2) || NONE;
    case 'township':
      return m.placeRegion || NONE;
    case 'channel':
      return m.channel;
    case 'route':
      return m.route ?? NONE;
  }
}

/** The calendar months a period touches, each cut to the period: 2026-03-15..2026-05-10 gives three. */
export function monthsOf(p: Period): (Period & { key: string })[] {
  const out: (Period & { key: string })[] = [];
  for (let m = dayjs(p.from).startOf('month'); m.format('YYYY-MM-DD') <= p.to; m = m.add(1, 'month')) {
    const first = m.format('YYYY-MM-DD');
    const last = m.endOf('month').format('YYYY-MM-DD');
    out.push({ key: m.format('YYYY-MM'), from: first < p.from ? p.from : first, to: last > p.to ? p.to : last });
  }
  return out;
}

export const breakdownRowSchema = z.object({
  /** The group: 'YYYY-MM', a category or region code, a channel, a route, or 'none'. */
  key: z.string(),
  /** The period the row's rates are counted over: the month for 'month', else the whole period. */
  from: z.string(),
  to: z.string(),
  visits: z.number().int(),
  firstVisits: z.number().int(),
  repeatVisits: z.number().int(),
  people: z.number().int(),
  indicators: indicatorsSchema,
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

/**
 * One row per group with visits or counted matters (every month of the period for 'month'), in
 * key order. `visitsByGroup` holds the period's visits under the same keys.
 */
export function breakdown(
  by: BreakdownDimension,
  matters: readonly CountedMatter[],
  visitsByGroup: ReadonlyMap<string, VisitTally>,
  period: Period,
  today: IsoDate,
  options: FigureOptions = DEFAULT_FIGURE_OPTIONS,
): BreakdownRow[] {
  const rates = (list: readonly CountedMatter[], p: Period) => tallyFacts(list.map((m) => m.facts), p, today, options);
  if (by === 'month') {
    return monthsOf(period).map((month) => ({ ...month, ...(visitsByGroup.get(month.key) ?? noVisits()), indicators: rates(matters, month) }));
  }
  const groups = new Map<string, CountedMatter[]>();
  for (const m of matters) {
    const key = groupOf(by, m);
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const keys = [...new Set([...groups.keys(), ...visitsByGroup.keys()])].sort();
  return keys
    .map((key) => ({ key, ...period, ...(visitsByGroup.get(key) ?? noVisits()), indicators: rates(groups.get(key) ?? [], period) }))
    .filter((r) => r.visits > 0 || Object.values(r.indicators).some((rate) => rate.denominator > 0));
}

/** A breakdown row's group as a register filter: the same keys groupOf gives (a month is its period instead). */
export function groupFilter(by: BreakdownDimension, key: string): RegisterFilterInput {
  switch (by) {
    case 'month':
      return {};
    case 'category':
      return { categories: [key] };
    case 'township':
      return { places: [key] };
    case 'channel':
      return { channels: [key as Channel] };
    case 'route':
      return { routes: [key as NonNullable<RegisterFilterInput['routes']>[number]] };
  }
}

/** Whether one matter is behind the drilled number: the indicator's count of it alone. */
export function countedBy(drill: Extract<Drill, { kind: 'indicator' }>, m: { facts: FigureFacts }, today: IsoDate): boolean {
  const c = counts(m.facts, drill, today)[drill.indicator];
  return drill.part === 'numerator' ? c.met : c.counted;
}
