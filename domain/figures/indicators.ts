// The bureau's published rates (DOMAIN.md §6) from matters' lifecycles, for one period of days:
// 及时受理率, 按期办结率, 初次信访事项一次性化解率, 参评率 and 满意率, and a campaign's 化解率.
// Pure, so the city and the window compute them alike. The formulas are our reading, follow the
// bureau's options (options.ts) and travel with every figure.
//
// A matter counts in the period in which its outcome became due: the day its deadline ran out
// (or its observation window closed), or, for ratings, the day it was closed (办结: its handling
// opinion delivered, or its 调解/和解 agreement signed). A deadline not yet run out with nothing
// done counts nowhere yet; a deadline met early counts on its due day.
import dayjs from 'dayjs';
import { z } from 'zod';
import { DEADLINE_RULES, defaultDeadlineEngine, type DeadlineEngine, type IsoDate } from '../calendar/deadlines';
import { handlingDeadline } from '../matters/deadlines';
import type { MatterLifecycle } from '../matters/lifecycle';
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

/** One matter as the figures need it: its lifecycle, and the days of its repeat visits. */
export interface MatterOutcome {
  lifecycle: MatterLifecycle;
  repeatVisitDays: readonly IsoDate[];
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** More than the longest run of rest days a deadline can roll over (a week's holiday and its weekends). */
const ROLL_MARGIN_DAYS = 14;
/** The longest handling target a bureau may set (lifecycle targetDays). */
const LONGEST_TARGET_DAYS = 120;

/**
 * The earliest dates a matter can have and still count in a period starting on `from`, so a store
 * reads only those matters (and repeat visits from `closedOn` on) instead of its whole history.
 */
export function countsSince(from: IsoDate, options: FigureOptions = DEFAULT_FIGURE_OPTIONS): { receivedOn: IsoDate; acceptedOn: IsoDate; closedOn: IsoDate } {
  const back = (days: number) => dayjs(from).subtract(days, 'day').format('YYYY-MM-DD');
  return {
    // The acceptance notice falls due 15 days after receipt, rolled off rest days.
    receivedOn: back(DEADLINE_RULES['acceptance-notice'].days + ROLL_MARGIN_DAYS),
    // Handling falls due at most a target's days after acceptance, each extension day on top, each part rolled.
    acceptedOn: back(Math.max(DEADLINE_RULES.handling.days, LONGEST_TARGET_DAYS) + DEADLINE_RULES.extension.days + 2 * ROLL_MARGIN_DAYS),
    // The observation window closes a fixed number of days after 办结.
    closedOn: back(options.resolutionWindowDays),
  };
}

/** countsSince as a test on one lifecycle: what the stores' queries keep. */
export function mayCountFrom(m: MatterLifecycle, from: IsoDate, options: FigureOptions = DEFAULT_FIGURE_OPTIONS): boolean {
  const since = countsSince(from, options);
  return m.receivedOn >= since.receivedOn || (m.acceptedOn !== null && m.acceptedOn >= since.acceptedOn) || (m.firstClosedOn !== null && m.firstClosedOn >= since.closedOn);
}

type Tally = { numerator: number; denominator: number };
const tally = (): Tally => ({ numerator: 0, denominator: 0 });
const rate = (t: Tally, formula: string): Rate => ({ value: t.denominator === 0 ? null : t.numerator / t.denominator, ...t, formula });
const count = (t: Tally, ok: boolean) => {
  t.denominator += 1;
  if (ok) t.numerator += 1;
};

/** The day the matter was decided on: accepted, declined, transferred, assigned or guided. */
function decidedOn(m: MatterLifecycle): IsoDate | null {
  const days = [m.acceptedOn, m.routedOn].filter((d): d is IsoDate => d !== null);
  return days.length === 0 ? null : days.reduce((a, b) => (a < b ? a : b));
}

/** The handling deadline a matter's 办结 is measured against: the one in force when it first closed, or the one running now. */
function handlingDue(m: MatterLifecycle, engine: DeadlineEngine, options: FigureOptions): IsoDate | null {
  if (m.handlingTrack === 'target' && !options.onTimeIncludesTargets) return null;
  if (m.firstClosedOn !== null) return m.firstDueOn;
  return handlingDeadline(m, engine)?.lastDay ?? null;
}

/** Whether anything undid 一次性化解 within the window after 办结 (DOMAIN.md §6). */
function returnedWithin(m: MatterLifecycle, repeatVisitDays: readonly IsoDate[], closed: IsoDate, windowEnd: IsoDate): boolean {
  const within = (d: IsoDate | null) => d !== null && d > closed && d <= windowEnd;
  return repeatVisitDays.some(within) || m.higherLevelVisitDays.some(within) || within(m.firstReviewRequestedOn);
}

/** `today` decides which deadlines have run out; `engine` carries the city's holiday calendar; `options` the bureau's choices. */
export function indicators(
  matters: Iterable<MatterOutcome>,
  period: Period,
  today: IsoDate,
  engine: DeadlineEngine = defaultDeadlineEngine,
  options: FigureOptions = DEFAULT_FIGURE_OPTIONS,
): Indicators {
  const inPeriod = (day: IsoDate) => day >= period.from && day <= period.to;
  const t = { timelyAcceptance: tally(), onTimeClosure: tally(), resolvedFirstTime: tally(), ratingParticipation: tally(), satisfaction: tally() };
  const satisfied = options.satisfiedMeans === 'satisfied' ? ['satisfied'] : ['satisfied', 'basically-satisfied'];

  for (const { lifecycle: m, repeatVisitDays } of matters) {
    const decided = decidedOn(m);
    const acceptanceDue = engine.deadlineFor('acceptance-notice', m.receivedOn);
    if (inPeriod(acceptanceDue) && (decided !== null || acceptanceDue < today)) count(t.timelyAcceptance, decided !== null && decided <= acceptanceDue);

    // 办结 is the day the handling opinion was delivered (or the agreement signed), not the day it was written.
    const closed = m.firstClosedOn;
    const due = handlingDue(m, engine, options);
    if (due && inPeriod(due) && (closed !== null || due < today)) count(t.onTimeClosure, closed !== null && closed <= due);

    if (!closed) continue;
    const windowEnd = dayjs(closed).add(options.resolutionWindowDays, 'day').format('YYYY-MM-DD');
    if (inPeriod(windowEnd) && windowEnd < today) count(t.resolvedFirstTime, !returnedWithin(m, repeatVisitDays, closed, windowEnd));
    if (inPeriod(closed)) {
      count(t.ratingParticipation, m.rating !== null);
      if (m.rating !== null) count(t.satisfaction, satisfied.includes(m.rating));
    }
  }
  const formulas = indicatorFormulas(options);
  return {
    timelyAcceptance: rate(t.timelyAcceptance, formulas.timelyAcceptance),
    onTimeClosure: rate(t.onTimeClosure, formulas.onTimeClosure),
    resolvedFirstTime: rate(t.resolvedFirstTime, formulas.resolvedFirstTime),
    ratingParticipation: rate(t.ratingParticipation, formulas.ratingParticipation),
    satisfaction: rate(t.satisfaction, formulas.satisfaction),
  };
}

// city console (issue #14): the city's total from its counties' rates, not a second replay of
// every matter — each matter counts in one county, so numerators and denominators add up.
export function sumIndicators(parts: readonly Indicators[], options: FigureOptions = DEFAULT_FIGURE_OPTIONS): Indicators {
  const formulas = indicatorFormulas(options);
  const keys = Object.keys(formulas) as (keyof Indicators)[];
  const total = (k: keyof Indicators): Tally => ({
    numerator: parts.reduce((n, p) => n + p[k].numerator, 0),
    denominator: parts.reduce((n, p) => n + p[k].denominator, 0),
  });
  return Object.fromEntries(keys.map((k) => [k, rate(total(k), formulas[k])])) as unknown as Indicators;
}
