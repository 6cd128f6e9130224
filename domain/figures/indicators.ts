// The bureau's published rates (DOMAIN.md §6) from matters' lifecycles, for one period of days:
// 及时受理率, 按期办结率, 初次信访事项一次性化解率, 参评率 and 满意率, and a campaign's 化解率.
// Pure, so the city and the window compute them alike. The formulas are our reading, follow the
// bureau's options (options.ts) and travel with every figure.
//
// A matter counts in the period in which its outcome became due: the day its deadline ran out
// (or its observation window closed), or, for ratings, the day it was closed (办结: its handling
// opinion delivered, or its 调解/和解 agreement signed). A deadline not yet run out with nothing
// done counts nowhere yet; a deadline met early counts on its due day. That test is facts.ts
// `counts` over each matter's figure facts, which the stores keep and count in SQL alike.
import { z } from 'zod';
import { defaultDeadlineEngine, type DeadlineEngine, type IsoDate } from '../calendar/deadlines';
import type { MatterLifecycle } from '../matters/lifecycle';
import { counts, figureFacts, INDICATOR_KEYS, type FigureFacts, type IndicatorKey, type MatterOutcome, type Period } from './facts';
import { DEFAULT_FIGURE_OPTIONS, type FigureOptions } from './options';

export const rateSchema = z.object({
  /** null when nothing was due in the period. */
  value: z.number().min(0).max(1).nullable(),
  numerator: z.number().int().min(0),
  denominator: z.number().int().min(0),
  formula: z.string(),
});
export type Rate = z.infer<typeof rateSchema>;

export const indicatorsSchema = z.object({
  timelyAcceptance: rateSchema,
  onTimeClosure: rateSchema,
  resolvedFirstTime: rateSchema,
  ratingParticipation: rateSchema,
  satisfaction: rateSchema,
});
export type Indicators = z.infer<typeof indicatorsSchema>;

/** DOMAIN.md §6: the default observation window after 办结. */
export const RESOLUTION_WINDOW_DAYS = DEFAULT_FIGURE_OPTIONS.resolutionWindowDays;

/** A rate as the bureau reads it: 92.8%, or — when nothing was due. */
export const percentOf = (r: Rate) => (r.value === null ? '—' : `${(r.value * 100).toFixed(1)}%`);

export const INDICATOR_LABELS: Readonly<Record<keyof Indicators, string>> = {
  timelyAcceptance: '及时受理率',
  onTimeClosure: '按期办结率',
  resolvedFirstTime: '初次信访事项一次性化解率',
  ratingParticipation: '参评率',
  satisfaction: '满意率',
};

/** Each formula in words, saying which of the bureau's options it follows. */
export function indicatorFormulas(options: FigureOptions = DEFAULT_FIGURE_OPTIONS): Readonly<Record<keyof Indicators, string>> {
  const scope = options.onTimeIncludesTargets ? '（含建议意见、检举控告等按本机关目标期限办理的事项）' : '（仅按法定期限办理的事项：信访程序60日、简易办理10个工作日）';
  const satisfied = options.satisfiedMeans === 'satisfied' ? '评价为“满意”' : '评价为“满意”或“基本满意”';
  return {
    timelyAcceptance: '受理告知期限在统计期内届满的事项中，期限内作出受理、不予受理、转送、交办或导入法定途径的件数 ÷ 这些事项件数',
    onTimeClosure: `办理期限（含届满前批准的延期）在统计期内届满的事项${scope}中，期限内办结（处理意见送达或达成调解、和解协议）的件数 ÷ 这些事项件数`,
    resolvedFirstTime: `办结后${options.resolutionWindowDays}日观察期在统计期内结束的事项中，观察期内没有重复访、没有申请复查、没有到上级越级访的件数 ÷ 这些事项件数`,
    ratingParticipation: '统计期内办结的事项中，参加满意度评价的件数 ÷ 办结件数',
    satisfaction: `统计期内办结并参加评价的事项中，${satisfied}的件数 ÷ 参加评价的件数`,
  };
}
/** The formulas under the default options. */
export const INDICATOR_FORMULAS = indicatorFormulas();

export const REPEAT_RATE_LABEL = '重复信访率';
export const REPEAT_RATE_FORMULA = '重复访次数 ÷ 来访总次数';

/** 重复信访率 over a period's visits; null when there were none. */
export function repeatRate(repeatVisits: number, visits: number): Rate {
  return { value: visits === 0 ? null : repeatVisits / visits, numerator: repeatVisits, denominator: visits, formula: REPEAT_RATE_FORMULA };
}

export const CAMPAIGN_RATE_LABEL = '化解率';
export const CAMPAIGN_RATE_FORMULA = '交办事项中信访人息诉罢访的件数 ÷ 交办件数（办结而仍在信访的不算化解）';

/** A campaign's 化解率 (DOMAIN.md §6): 息诉罢访 is an outcome of its own, not 办结. */
export function campaignResolution(lifecycles: Iterable<MatterLifecycle>): Rate {
  const t = tally();
  for (const m of lifecycles) count(t, m.desistedOn !== null);
  return rate(t, CAMPAIGN_RATE_FORMULA);
}

export type { MatterOutcome, Period } from './facts';

export type Tally = { numerator: number; denominator: number };
const tally = (): Tally => ({ numerator: 0, denominator: 0 });
const rate = (t: Tally, formula: string): Rate => ({ value: t.denominator === 0 ? null : t.numerator / t.denominator, ...t, formula });
const count = (t: Tally, ok: boolean) => {
  t.denominator += 1;
  if (ok) t.numerator += 1;
};

/** `today` decides which deadlines have run out; `engine` carries the city's holiday calendar; `options` the bureau's choices. */
export function indicators(
  matters: Iterable<MatterOutcome>,
  period: Period,
  today: IsoDate,
  engine: DeadlineEngine = defaultDeadlineEngine,
  options: FigureOptions = DEFAULT_FIGURE_OPTIONS,
): Indicators {
  const facts: FigureFacts[] = [];
  for (const m of matters) facts.push(figureFacts(m, engine, options));
  return tallyFacts(facts, period, today, options);
}

/** The rates from matters' stored facts: each matter counted by facts.ts `counts`, the one test of a matter against a period. */
export function tallyFacts(facts: Iterable<FigureFacts>, period: Period, today: IsoDate, options: FigureOptions = DEFAULT_FIGURE_OPTIONS): Indicators {
  const t = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, tally()])) as Record<IndicatorKey, Tally>;
  for (const f of facts) {
    const c = counts(f, period, today);
    for (const k of INDICATOR_KEYS) if (c[k].counted) count(t[k], c[k].met);
  }
  return fromTallies(t, options);
}

/** Rates from numerators and denominators counted elsewhere (a store's SQL over the facts), with the options' formulas. */
export function fromTallies(t: Readonly<Record<IndicatorKey, Tally>>, options: FigureOptions = DEFAULT_FIGURE_OPTIONS): Indicators {
  const formulas = indicatorFormulas(options);
  return Object.fromEntries(INDICATOR_KEYS.map((k) => [k, rate(t[k], formulas[k])])) as Indicators;
}

// city console (issue #14): the city's total from its counties' rates, not a second replay of
// every matter — each matter counts in one county, so numerators and denominators add up.
export function sumIndicators(parts: readonly Indicators[], options: FigureOptions = DEFAULT_FIGURE_OPTIONS): Indicators {
  const total = (k: IndicatorKey): Tally => ({
    numerator: parts.reduce((n, p) => n + p[k].numerator, 0),
    denominator: parts.reduce((n, p) => n + p[k].denominator, 0),
  });
  return fromTallies(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, total(k)])) as Record<IndicatorKey, Tally>, options);
}
