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
  /** The bureau's handling target in days for matters outside route 6 (DOMAIN §4); default 60. */
  handlingTargetDays?: number;
};

/** DOMAIN §4: the bureau's own target for 建议意见 and 检举控告 unless it sets another. */
export const DEFAULT_HANDLING_TARGET_DAYS = 60;

export const engineOf = (ctx?: LifecycleContext): DeadlineEngine => ctx?.deadlines ?? defaultDeadlineEngine;

/**
 * Who must act before each deadline: the petitioner only for asking review or re-review; the
 * receiving body's objection to a transfer is its option, never a duty (DOMAIN §4).
 */
const DEADLINE_PARTY: Readonly<Record<DeadlineStep, DeadlineParty>> = {
  'acceptance-notice': 'authority',
  handling: 'authority',
  extension: 'authority',
  'review-request': 'petitioner',
  'review-opinion': 'authority',
  're-review-request': 'petitioner',
  're-review-opinion': 'authority',
  'transfer-objection': 'optional',
  'simplified-handling': 'authority',
  'receiving-notice': 'authority',
  'handling-target': 'authority',
  'assignment-report': 'authority',
};

/** The steps whose lateness is the authority's: only they can be overdue (the register's filter). */
export const AUTHORITY_STEPS = (Object.keys(DEADLINE_PARTY) as DeadlineStep[]).filter((s) => DEADLINE_PARTY[s] === 'authority');

export const STEP_LABELS: Readonly<Record<DeadlineStep, string>> = {
  'acceptance-notice': '受理告知期限',
  handling: '办理期限',
  extension: '延期办理期限',
  'review-request': '申请复查期限',
  'review-opinion': '复查意见期限',
  're-review-request': '申请复核期限',
  're-review-opinion': '复核意见期限',
  'transfer-objection': '转送异议期限（可选）',
  'simplified-handling': '简易办理期限',
  'receiving-notice': '收到转送后告知期限',
  'handling-target': '办理目标期限',
  'assignment-report': '交办办结报告期限',
};

const due = (engine: DeadlineEngine, step: DeadlineStep, from: IsoDate, lastDay = engine.deadlineFor(step, from)): MatterDeadline => ({
  nextStep: step,
  from,
  lastDay,
  party: DEADLINE_PARTY[step],
});

/**
 * The handling deadline of the present handling period: 60 days from acceptance in the petition
 * procedure, the bureau's target otherwise, 10 working days for 简易办理 (DOMAIN §4); then the
 * extension approved in time on top of it. A 复查 that ordered the matter handled again starts a
 * new period on the day of the order (our reading).
 */
export function handlingDeadline(m: MatterLifecycle, engine: DeadlineEngine = defaultDeadlineEngine): MatterDeadline | null {
  const start = m.rehandleFrom ?? m.acceptedOn;
  if (!start) return null;
  const track = m.handlingTrack ?? 'statutory';
  if (track === 'simplified') return due(engine, 'simplified-handling', start);
  const base =
    track === 'target'
      ? due(engine, 'handling-target', start, engine.deadlineFor('handling-target', start, { days: m.targetDays ?? DEFAULT_HANDLING_TARGET_DAYS }))
      : due(engine, 'handling', start);
  // An extension counts only when approved by the original last day (DOMAIN §4); applyCommand
  // refuses a later one, and a record from before that rule must not gain from one either.
  if (m.extensionDays === 0 || (m.extendedOn !== null && m.extendedOn > base.lastDay)) return base;
  // The extension runs on from the original last day (DEADLINE_RULES.extension); for the full
  // 30 days addPause gives the same day as deadlineFor('extension', lastDay).
  return due(engine, 'extension', base.lastDay, engine.addPause(base.lastDay, m.extensionDays));
}

/** The 办结报告 a 交办 asks for, due on the day the bureau set, until it comes. */
function reportDeadline(m: MatterLifecycle): MatterDeadline | null {
  if (m.assignedDueOn === null || m.reportedOn !== null) return null;
  return { nextStep: 'assignment-report', from: m.routedOn ?? m.receivedOn, lastDay: m.assignedDueOn, party: 'authority' };
}

/**
 * Which deadline runs now: the state's own, or the 交办's 办结报告 when that falls first (an
 * authority's duty comes before a petitioner's window). Derived from the recorded dates, never
 * patched step by step, so it is the same however the matter got here.
 */
export function currentDeadline(m: MatterLifecycle, engine: DeadlineEngine): MatterDeadline | null {
  if (m.state === 'terminated') return null;
  const own = stateDeadline(m, engine);
  const report = reportDeadline(m);
  if (!report) return own;
  if (!own || own.party !== 'authority' || report.lastDay < own.lastDay) return report;
  return own;
}

function stateDeadline(m: MatterLifecycle, engine: DeadlineEngine): MatterDeadline | null {
  const reReviewOpinion = (): MatterDeadline | null => {
    if (!m.reReviewRequestedOn) return null;
    // Hearing days go into the 30 days before the last day is moved off a holiday (DOMAIN §4).
    return due(engine, 're-review-opinion', m.reReviewRequestedOn, engine.deadlineFor('re-review-opinion', m.reReviewRequestedOn, { extraDays: m.hearingPauseDays }));
  };
  // Only a handling opinion in the petition procedure can be reviewed (applyCommand.checkRoute).
  const reviewWindow = (): MatterDeadline | null =>
    m.route === 'petition-procedure' && m.replyDeliveredOn && m.reviewOpinionOn === null ? due(engine, 'review-request', m.replyDeliveredOn) : null;
  switch (m.state) {
    case 'registered':
    case 'classified':
      // 15 days from receipt to decide and tell acceptance / transfer / assignment.
      return due(engine, 'acceptance-notice', m.receivedOn);
    case 'transferred':
      // 条例 art. 23: the receiving body tells the petitioner within 15 days of receiving it; its
      // 5-working-day objection is optional and never runs as a duty.
      return m.routedOn ? due(engine, 'receiving-notice', m.routedOn) : null;
    case 'assigned':
      // The 交办's own day is the 办结报告 (currentDeadline); a record from before it had one gets the 15 days.
      return m.assignedDueOn === null && m.routedOn ? due(engine, 'receiving-notice', m.routedOn) : null;
    // Our reading for 'replied': the written reply is given when it reaches the petitioner, so
    // the handling deadline keeps running until delivery.
    case 'accepted':
    case 'handling':
    case 'extended':
    case 'simplified':
    case 'replied':
      return handlingDeadline(m, engine);
    case 'delivered':
    case 'rated':
    case 'closed':
      return reviewWindow();
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
    case 'settled':
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
  /** Red in the work queue: only an authority's duty can be overdue, never a petitioner's window or a body's option. */
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
 * for review or re-review) or a body's option (objecting to a transfer) that has lapsed is
 * nobody's fault: it gives null, not red.
 */
export function deadlineOn(step: DeadlineStep, lastDay: IsoDate, today: IsoDate, engine: DeadlineEngine): NextDeadline | null {
  const left = engine.daysLeft(lastDay, today);
  const party = DEADLINE_PARTY[step];
  if (party !== 'authority' && left < 0) return null;
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
