// A matter's deadlines (DOMAIN.md §4): which statutory deadline runs in each state, counted
// from the dates its lifecycle record holds, and how it shows on a given day (days left, red
// when the authority is late). The arithmetic of periods is domain/calendar/deadlines.ts, whose
// engine (the holiday calendar) is injectable.
import { z } from 'zod';
import {
  deadlineStepSchema,
  defaultDeadlineEngine,
  isoDateSchema,
  type DeadlineEngine,
  type DeadlineStep,
  type IsoDate,
} from '../calendar/deadlines';
import { deadlinePartySchema, type DeadlineParty, type MatterDeadline, type MatterLifecycle } from './lifecycle';

export type LifecycleContext = {
  /** The deadline engine (calendar); defaults to the chinese-days one. */
  deadlines?: DeadlineEngine;
};

export const engineOf = (ctx?: LifecycleContext): DeadlineEngine => ctx?.deadlines ?? defaultDeadlineEngine;

/** Who must act before each deadline: the petitioner only for asking review or re-review. */
const DEADLINE_PARTY: Readonly<Record<DeadlineStep, DeadlineParty>> = {
  'acceptance-notice': 'authority',
  handling: 'authority',
  extension: 'authority',
  'review-request': 'petitioner',
  'review-opinion': 'authority',
  're-review-request': 'petitioner',
  're-review-opinion': 'authority',
  'transfer-objection': 'authority',
  'simplified-handling': 'authority',
};

export const STEP_LABELS: Readonly<Record<DeadlineStep, string>> = {
  'acceptance-notice': '受理告知期限',
  handling: '办理期限',
  extension: '延期办理期限',
  'review-request': '申请复查期限',
  'review-opinion': '复查意见期限',
  're-review-request': '申请复核期限',
  're-review-opinion': '复核意见期限',
  'transfer-objection': '转送异议期限',
  'simplified-handling': '简易办理期限',
};

const due = (engine: DeadlineEngine, step: DeadlineStep, from: IsoDate, lastDay = engine.deadlineFor(step, from)): MatterDeadline => ({
  nextStep: step,
  from,
  lastDay,
  party: DEADLINE_PARTY[step],
});

/** The handling deadline: 60 days from acceptance, then the approved extension on top of it. */
export function handlingDeadline(m: MatterLifecycle, engine: DeadlineEngine = defaultDeadlineEngine): MatterDeadline | null {
  if (!m.acceptedOn) return null;
  const base = due(engine, 'handling', m.acceptedOn);
  if (m.extensionDays === 0) return base;
  // The extension runs on from the original last day (DEADLINE_RULES.extension); for the full
  // 30 days addPause gives the same day as deadlineFor('extension', lastDay).
  return due(engine, 'extension', base.lastDay, engine.addPause(base.lastDay, m.extensionDays));
}

/**
 * Which deadline runs in the matter's present state. Derived from the recorded dates, never
 * patched step by step, so it is the same however the matter got here.
 */
export function currentDeadline(m: MatterLifecycle, engine: DeadlineEngine): MatterDeadline | null {
  const reReviewOpinion = (): MatterDeadline | null => {
    if (!m.reReviewRequestedOn) return null;
    const d = due(engine, 're-review-opinion', m.reReviewRequestedOn);
    return m.hearingPauseDays > 0 ? { ...d, lastDay: engine.addPause(d.lastDay, m.hearingPauseDays) } : d;
  };
  switch (m.state) {
    case 'registered':
    case 'classified':
      // 15 days from receipt to decide and tell acceptance / transfer / assignment.
      return due(engine, 'acceptance-notice', m.receivedOn);
    case 'transferred':
    case 'assigned':
      // The receiving body may object within 5 working days if the matter is outside its powers.
      return m.routedOn ? due(engine, 'transfer-objection', m.routedOn) : null;
    // Our reading for 'replied': the written reply is given when it reaches the petitioner, so
    // the handling deadline keeps running until delivery.
    case 'accepted':
    case 'handling':
    case 'extended':
    case 'replied':
      return handlingDeadline(m, engine);
    case 'delivered':
    case 'rated':
    case 'closed':
      return m.replyDeliveredOn ? due(engine, 'review-request', m.replyDeliveredOn) : null;
    case 'review-requested':
      return m.reviewRequestedOn ? due(engine, 'review-opinion', m.reviewRequestedOn) : null;
    case 'review-opinion':
      if (m.reviewOpinionDeliveredOn) return due(engine, 're-review-request', m.reviewOpinionDeliveredOn);
      return m.reviewRequestedOn ? due(engine, 'review-opinion', m.reviewRequestedOn) : null;
    case 're-review-requested':
      return reReviewOpinion();
    case 're-review-opinion':
      return m.reReviewOpinionDeliveredOn ? null : reReviewOpinion();
    case 'guided':
    case 'not-accepted':
    case 'terminated':
      return null;
  }
}

/** A deadline as the window shows it on a day: the RPC detail, the work queue and the repeat-visit panel. */
export const nextDeadlineSchema = z.object({
  step: deadlineStepSchema,
  label: z.string(),
  lastDay: isoDateSchema,
  /** 0 = due today, negative = overdue. */
  daysLeft: z.number().int(),
  /** Red in the work queue: only an authority's deadline can be overdue. */
  overdue: z.boolean(),
  party: deadlinePartySchema,
  /**
   * The last day lies in a year whose holiday arrangement is not yet published: counted over
   * weekends only, recomputed when the city publishes the year (DOMAIN.md §4).
   */
  estimated: z.boolean(),
});
/** What the window says beside an estimated deadline. */
export const ESTIMATED_DEADLINE_NOTE = '节假日安排未公布，按周末估算';
export type NextDeadline = z.infer<typeof nextDeadlineSchema>;

/**
 * How the deadline of `step` ending on `lastDay` shows on `today`. A petitioner's window (asking
 * for review or re-review) that has lapsed is nobody's fault: it gives null, not red.
 */
export function deadlineOn(step: DeadlineStep, lastDay: IsoDate, today: IsoDate, engine: DeadlineEngine): NextDeadline | null {
  const left = engine.daysLeft(lastDay, today);
  const party = DEADLINE_PARTY[step];
  if (party === 'petitioner' && left < 0) return null;
  return {
    step,
    label: STEP_LABELS[step],
    lastDay,
    daysLeft: left,
    overdue: party === 'authority' && left < 0,
    party,
    estimated: !engine.calendarCovers(lastDay),
  };
}

/** The deadline to show for the matter on `today`, or null when none runs. */
export function nextDeadline(matter: MatterLifecycle, today: IsoDate, ctx?: LifecycleContext): NextDeadline | null {
  const d = matter.deadlines;
  return d ? deadlineOn(d.nextStep, d.lastDay, today, engineOf(ctx)) : null;
}
