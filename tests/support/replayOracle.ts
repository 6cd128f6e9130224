// The figures as they were counted before matters kept their facts (domain/figures/facts.ts):
// every lifecycle replayed against the period, kept here only as the oracle the facts-based
// counts (the domain's tally and the stores' SQL) must agree with. Returns [numerator, denominator]
// per rate.
import dayjs from 'dayjs';
import { defaultDeadlineEngine, type DeadlineEngine, type IsoDate } from '../../domain/calendar/deadlines';
import type { MatterOutcome, Period } from '../../domain/figures/facts';
import { DEFAULT_FIGURE_OPTIONS, type FigureOptions } from '../../domain/figures/options';
import { handlingDeadline } from '../../domain/matters/deadlines';
import type { MatterLifecycle } from '../../domain/matters/lifecycle';

type Pair = [numerator: number, denominator: number];

function decidedOn(m: MatterLifecycle): IsoDate | null {
  const days = [m.acceptedOn, m.routedOn].filter((d): d is IsoDate => d !== null);
  return days.length === 0 ? null : days.reduce((a, b) => (a < b ? a : b));
}

function handlingDue(m: MatterLifecycle, engine: DeadlineEngine, options: FigureOptions): IsoDate | null {
  if (m.handlingTrack === 'target' && !options.onTimeIncludesTargets) return null;
  if (m.firstClosedOn !== null) return m.firstDueOn;
  return handlingDeadline(m, engine)?.lastDay ?? null;
}

function returnedWithin(m: MatterLifecycle, repeatVisitDays: readonly IsoDate[], closed: IsoDate, windowEnd: IsoDate): boolean {
  const within = (d: IsoDate | null) => d !== null && d > closed && d <= windowEnd;
  return repeatVisitDays.some(within) || m.higherLevelVisitDays.some(within) || within(m.firstReviewRequestedOn);
}

export function replayedCounts(
  matters: Iterable<MatterOutcome>,
  period: Period,
  today: IsoDate,
  engine: DeadlineEngine = defaultDeadlineEngine,
  options: FigureOptions = DEFAULT_FIGURE_OPTIONS,
): Record<'timelyAcceptance' | 'onTimeClosure' | 'resolvedFirstTime' | 'ratingParticipation' | 'satisfaction', Pair> {
  const inPeriod = (day: IsoDate) => day >= period.from && day <= period.to;
  const t: Record<string, Pair> = { timelyAcceptance: [0, 0], onTimeClosure: [0, 0], resolvedFirstTime: [0, 0], ratingParticipation: [0, 0], satisfaction: [0, 0] };
  const count = (k: string, ok: boolean) => {
    t[k]![1] += 1;
    if (ok) t[k]![0] += 1;
  };
  const satisfied = options.satisfiedMeans === 'satisfied' ? ['satisfied'] : ['satisfied', 'basically-satisfied'];
  for (const { lifecycle: m, repeatVisitDays } of matters) {
    const decided = decidedOn(m);
    const acceptanceDue = engine.deadlineFor('acceptance-notice', m.receivedOn);
    if (inPeriod(acceptanceDue) && (decided !== null || acceptanceDue < today)) count('timelyAcceptance', decided !== null && decided <= acceptanceDue);
    const closed = m.firstClosedOn;
    const due = handlingDue(m, engine, options);
    if (due && inPeriod(due) && (closed !== null || due < today)) count('onTimeClosure', closed !== null && closed <= due);
    if (!closed) continue;
    const windowEnd = dayjs(closed).add(options.resolutionWindowDays, 'day').format('YYYY-MM-DD');
    if (inPeriod(windowEnd) && windowEnd < today) count('resolvedFirstTime', !returnedWithin(m, repeatVisitDays, closed, windowEnd));
    if (inPeriod(closed)) {
      count('ratingParticipation', m.rating !== null);
      if (m.rating !== null) count('satisfaction', satisfied.includes(m.rating));
    }
  }
  return t as ReturnType<typeof replayedCounts>;
}

/** An Indicators value as the oracle's pairs, to compare with it. */
export const pairs = (f: Record<string, { numerator: number; denominator: number }>) =>
  Object.fromEntries(Object.entries(f).map(([k, r]) => [k, [r.numerator, r.denominator]]));
