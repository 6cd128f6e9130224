// A matter's dated facts for the bureau's rates (DOMAIN.md §6): the day each of its outcomes
// falls due and whether it was met, worked out once from its lifecycle and repeat visits. None of
// them depends on `today`, so the stores keep them per matter (written whenever the matter, a
// repeat visit on it or the rules change) and a period's rates are counts over them. `counts` is
// the one test of a matter against a period: indicators() tallies it, and the stores' SQL says
// the same conditions over daily sums of the facts (db/figureFacts.ts, server/city/figureFacts.ts,
// and the triggers that keep those sums: db/migrations/0009, server/store/migrations/0011).
import dayjs from 'dayjs';
import { defaultDeadlineEngine, type DeadlineEngine, type IsoDate } from '../calendar/deadlines';
import { handlingDeadline } from '../matters/deadlines';
import type { MatterLifecycle } from '../matters/lifecycle';
import { DEFAULT_FIGURE_OPTIONS, type FigureOptions } from './options';

/** One matter as the figures need it: its lifecycle, and the days of its repeat visits. */
export interface MatterOutcome {
  lifecycle: MatterLifecycle;
  repeatVisitDays: readonly IsoDate[];
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export interface FigureFacts {
  /** 及时受理率: the acceptance notice's last day; whether the matter was decided, and by then. */
  acceptanceDue: IsoDate;
  decided: boolean;
  decidedInTime: boolean;
  /** 按期办结率: the handling deadline it is measured against (null: not counted under the options); whether closed, and by then. */
  handlingDue: IsoDate | null;
  closed: boolean;
  closedInTime: boolean;
  /** 一次性化解率: the last day of the observation window after 办结; whether anything undid it within. */
  windowEnd: IsoDate | null;
  returned: boolean;
  /** 参评率 and 满意率: the day of 办结; whether rated, and satisfied as the options read it. */
  closedOn: IsoDate | null;
  rated: boolean;
  satisfied: boolean;
}

/** Bump when figureFacts gives anything new: facts a store made under an older version are made again. */
export const FACTS_VERSION = 1;

/**
 * What a store's facts were made under: this version, the city's holiday data and calendar as
 * pulled (the deadline engine is built from them) and the bureau's figure options. A store makes
 * every matter's facts again when it changes (rare: a new holiday year, new options, an upgrade).
 */
export function factsBasis(holidays: unknown, calendar: unknown, options: FigureOptions): string {
  return JSON.stringify({ version: FACTS_VERSION, holidays: holidays ?? null, calendar: calendar ?? null, options });
}

export const INDICATOR_KEYS = ['timelyAcceptance', 'onTimeClosure', 'resolvedFirstTime', 'ratingParticipation', 'satisfaction'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

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

/** `engine` carries the city's holiday calendar, `options` the bureau's choices: the facts change only with them. */
export function figureFacts({ lifecycle: m, repeatVisitDays }: MatterOutcome, engine: DeadlineEngine = defaultDeadlineEngine, options: FigureOptions = DEFAULT_FIGURE_OPTIONS): FigureFacts {
  const decided = decidedOn(m);
  const acceptanceDue = engine.deadlineFor('acceptance-notice', m.receivedOn);
  // 办结 is the day the handling opinion was delivered (or the agreement signed), not the day it was written.
  const closed = m.firstClosedOn;
  const due = handlingDue(m, engine, options);
  const windowEnd = closed === null ? null : dayjs(closed).add(options.resolutionWindowDays, 'day').format('YYYY-MM-DD');
  const satisfiedRatings = options.satisfiedMeans === 'satisfied' ? ['satisfied'] : ['satisfied', 'basically-satisfied'];
  return {
    acceptanceDue,
    decided: decided !== null,
    decidedInTime: decided !== null && decided <= acceptanceDue,
    handlingDue: due,
    closed: closed !== null,
    closedInTime: closed !== null && due !== null && closed <= due,
    windowEnd,
    returned: closed !== null && windowEnd !== null && returnedWithin(m, repeatVisitDays, closed, windowEnd),
    closedOn: closed,
    rated: closed !== null && m.rating !== null,
    satisfied: closed !== null && m.rating !== null && satisfiedRatings.includes(m.rating),
  };
}

/**
 * Where a matter counts in a period: in each rate's denominator (`counted`) and numerator (`met`).
 * It counts in the period its outcome fell due; a deadline not yet run out by `today` with nothing
 * done counts nowhere yet, a deadline met early counts on its due day; the window after 办结
 * counts once it has closed.
 */
export function counts(f: FigureFacts, period: Period, today: IsoDate): Record<IndicatorKey, { counted: boolean; met: boolean }> {
  const inPeriod = (day: IsoDate | null): day is IsoDate => day !== null && day >= period.from && day <= period.to;
  const acceptance = inPeriod(f.acceptanceDue) && (f.decided || f.acceptanceDue < today);
  const handling = inPeriod(f.handlingDue) && (f.closed || f.handlingDue < today);
  const window = inPeriod(f.windowEnd) && f.windowEnd < today;
  const closedIn = inPeriod(f.closedOn);
  return {
    timelyAcceptance: { counted: acceptance, met: acceptance && f.decidedInTime },
    onTimeClosure: { counted: handling, met: handling && f.closedInTime },
    resolvedFirstTime: { counted: window, met: window && !f.returned },
    ratingParticipation: { counted: closedIn, met: closedIn && f.rated },
    satisfaction: { counted: closedIn && f.rated, met: closedIn && f.satisfied },
  };
}
