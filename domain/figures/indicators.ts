// The bureau's published rates (DOMAIN.md §6) from matters' lifecycles, for one period of days:
// 及时受理率, 按期办结率, 初次信访事项一次性化解率, 参评率 and 满意率. Pure, so the city and the
// window compute them alike. The formulas are our reading and travel with every figure.
//
// A matter counts in the period in which its outcome became due: the day its deadline ran out
// (or its observation window closed), or, for ratings, the day it was replied to. A deadline not
// yet run out with nothing done counts nowhere yet; a deadline met early counts on its due day.
import dayjs from 'dayjs';
import { z } from 'zod';
import { DEADLINE_RULES, defaultDeadlineEngine, type DeadlineEngine, type IsoDate } from '../calendar/deadlines';
import { handlingDeadline } from '../matters/deadlines';
import type { MatterLifecycle } from '../matters/lifecycle';

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

/** DOMAIN.md §6: repeat visits within this many days after the reply undo 一次性化解. */
export const RESOLUTION_WINDOW_DAYS = 90;

export const INDICATOR_LABELS: Readonly<Record<keyof Indicators, string>> = {
  timelyAcceptance: '及时受理率',
  onTimeClosure: '按期办结率',
  resolvedFirstTime: '初次信访事项一次性化解率',
  ratingParticipation: '参评率',
  satisfaction: '满意率',
};

export const INDICATOR_FORMULAS: Readonly<Record<keyof Indicators, string>> = {
  timelyAcceptance: '受理告知期限在统计期内届满的事项中，期限内作出受理、不予受理、转送、交办或导入法定途径的件数 ÷ 这些事项件数',
  onTimeClosure: '办理期限（含批准的延期）在统计期内届满的事项中，期限内书面答复的件数 ÷ 这些事项件数',
  resolvedFirstTime: `答复后${RESOLUTION_WINDOW_DAYS}日观察期在统计期内结束的事项中，观察期内没有重复访的件数 ÷ 这些事项件数`,
  ratingParticipation: '统计期内答复的事项中，参加满意度评价的件数 ÷ 答复件数',
  satisfaction: '统计期内答复并参加评价的事项中，评价为“满意”的件数 ÷ 参加评价的件数',
};

export const REPEAT_RATE_LABEL = '重复信访率';
export const REPEAT_RATE_FORMULA = '重复访次数 ÷ 来访总次数';

/** 重复信访率 over a period's visits; null when there were none. */
export function repeatRate(repeatVisits: number, visits: number): Rate {
  return { value: visits === 0 ? null : repeatVisits / visits, numerator: repeatVisits, denominator: visits, formula: REPEAT_RATE_FORMULA };
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

/**
 * The earliest dates a matter can have and still count in a period starting on `from`, so a store
 * reads only those matters (and repeat visits from `repliedOn` on) instead of its whole history.
 */
export function countsSince(from: IsoDate): { receivedOn: IsoDate; acceptedOn: IsoDate; repliedOn: IsoDate } {
  const back = (days: number) => dayjs(from).subtract(days, 'day').format('YYYY-MM-DD');
  return {
    // The acceptance notice falls due 15 days after receipt, rolled off rest days.
    receivedOn: back(DEADLINE_RULES['acceptance-notice'].days + ROLL_MARGIN_DAYS),
    // Handling falls due 60 days after acceptance, each extension day on top, each part rolled.
    acceptedOn: back(DEADLINE_RULES.handling.days + DEADLINE_RULES.extension.days + 2 * ROLL_MARGIN_DAYS),
    // The observation window closes a fixed number of days after the reply.
    repliedOn: back(RESOLUTION_WINDOW_DAYS),
  };
}

/** countsSince as a test on one lifecycle: what the stores' queries keep. */
export function mayCountFrom(m: MatterLifecycle, from: IsoDate): boolean {
  const since = countsSince(from);
  return m.receivedOn >= since.receivedOn || (m.acceptedOn !== null && m.acceptedOn >= since.acceptedOn) || (m.repliedOn !== null && m.repliedOn >= since.repliedOn);
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

/** `today` decides which deadlines have run out; `engine` carries the city's holiday calendar. */
export function indicators(matters: Iterable<MatterOutcome>, period: Period, today: IsoDate, engine: DeadlineEngine = defaultDeadlineEngine): Indicators {
  const inPeriod = (day: IsoDate) => day >= period.from && day <= period.to;
  const t = { timelyAcceptance: tally(), onTimeClosure: tally(), resolvedFirstTime: tally(), ratingParticipation: tally(), satisfaction: tally() };

  for (const { lifecycle: m, repeatVisitDays } of matters) {
    const decided = decidedOn(m);
    const acceptanceDue = engine.deadlineFor('acceptance-notice', m.receivedOn);
    if (inPeriod(acceptanceDue) && (decided !== null || acceptanceDue < today)) count(t.timelyAcceptance, decided !== null && decided <= acceptanceDue);

    const handlingDue = handlingDeadline(m, engine)?.lastDay;
    if (handlingDue && inPeriod(handlingDue) && (m.repliedOn !== null || handlingDue < today)) {
      count(t.onTimeClosure, m.repliedOn !== null && m.repliedOn <= handlingDue);
    }

    if (!m.repliedOn) continue;
    const replied = m.repliedOn;
    const windowEnd = dayjs(replied).add(RESOLUTION_WINDOW_DAYS, 'day').format('YYYY-MM-DD');
    if (inPeriod(windowEnd) && windowEnd < today) count(t.resolvedFirstTime, !repeatVisitDays.some((d) => d > replied && d <= windowEnd));
    if (inPeriod(replied)) {
      count(t.ratingParticipation, m.rating !== null);
      if (m.rating !== null) count(t.satisfaction, m.rating === 'satisfied');
    }
  }
  return {
    timelyAcceptance: rate(t.timelyAcceptance, INDICATOR_FORMULAS.timelyAcceptance),
    onTimeClosure: rate(t.onTimeClosure, INDICATOR_FORMULAS.onTimeClosure),
    resolvedFirstTime: rate(t.resolvedFirstTime, INDICATOR_FORMULAS.resolvedFirstTime),
    ratingParticipation: rate(t.ratingParticipation, INDICATOR_FORMULAS.ratingParticipation),
    satisfaction: rate(t.satisfaction, INDICATOR_FORMULAS.satisfaction),
  };
}
