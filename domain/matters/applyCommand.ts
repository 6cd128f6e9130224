// A matter's life moved on (DOMAIN.md §2–§5): a new matter as registered, and one command
// applied to it — checked against the state table, the route, the time order and the
// petitioner's windows, then recorded with the deadline that runs next. Pure: times come in on
// the commands, the calendar through the context, and a refused command is an error value that
// leaves the matter untouched.
//
// Article numbers are cited only where DOMAIN.md states them (arts. 18, 30, 31, 32); the
// review/re-review/extension rules follow DOMAIN.md §4's table.
import { isoDateSchema, type IsoDate } from '../calendar/deadlines';
import { chinaDateOf } from '../calendar/chinaDay';
import type { DocumentKind } from '../documents/kinds';
import { ok, type Result } from '../result';
import { checkRoute, checkSteps, checkWindows, refuse } from './checks';
import { COMMAND_LABELS, commandTypeSchema, matterCommandSchema, type Actor, type MatterCommand, type MatterCommandInput } from './commands';
import { currentDeadline, engineOf, type LifecycleContext } from './deadlines';
import type { MatterLifecycle } from './lifecycle';
import { recordedFields } from './recordedFields';
import { STATE_LABELS, type MatterState } from './states';
import { stateAfter } from './transitions';

export type Transition = {
  from: MatterState;
  to: MatterState;
  command: MatterCommand;
  actor: Actor;
  at: string;
  reason: string;
  documents: DocumentKind[];
};

/** A new matter, as registered at the window on `receivedOn` (registration is immediate: DOMAIN §4). */
export function initialLifecycle(receivedOn: IsoDate, ctx?: LifecycleContext): MatterLifecycle {
  if (!isoDateSchema.safeParse(receivedOn).success) throw new RangeError(`not a real date (YYYY-MM-DD): ${JSON.stringify(receivedOn)}`);
  const m: MatterLifecycle = {
    state: 'registered',
    class: null,
    route: null,
    body: null,
    protectReporter: false,
    receivedOn,
    classifiedOn: null,
    routedOn: null,
    acceptedOn: null,
    extended: false,
    extensionDays: 0,
    repliedOn: null,
    replyOpinion: null,
    replyDeliveredOn: null,
    rating: null,
    closedOn: null,
    reviewRequestedOn: null,
    reviewOpinionOn: null,
    reviewOpinion: null,
    reviewOpinionDeliveredOn: null,
    reReviewRequestedOn: null,
    hearingPauseDays: 0,
    reReviewOpinionOn: null,
    reReviewOpinion: null,
    reReviewOpinionDeliveredOn: null,
    terminatedOn: null,
    repeatVisits: 0,
    handlingTrack: null,
    targetDays: null,
    extendedOn: null,
    assignedDueOn: null,
    reportedOn: null,
    hearingNoticedOn: null,
    settledOn: null,
    settlement: null,
    rehandleFrom: null,
    firstClosedOn: null,
    firstDueOn: null,
    firstReviewRequestedOn: null,
    higherLevelVisitDays: [],
    desistedOn: null,
    deadlines: null,
    historyLength: 0,
    lastEventAt: null,
  };
  return { ...m, deadlines: currentDeadline(m, engineOf(ctx)) };
}

export type ApplyResult = Result<{ matter: MatterLifecycle; transition: Transition }>;

type Engine = ReturnType<typeof engineOf>;

/**
 * Apply one command as stored or received (a replayed step, a pushed event's): its shape is
 * checked here. Order of checks (so each refusal has one stable code): terminated matter (only
 * 息诉罢访 is still recorded on it); second extension; state precondition; extension length;
 * command shape; time order; route; the petitioner's windows; the steps' own rules (checks.ts).
 * A refusal never changes `matter` (nothing here mutates its input).
 */
export function applyCommand(matter: MatterLifecycle, cmd: MatterCommandInput, ctx?: LifecycleContext): ApplyResult {
  const type = (cmd as { type?: unknown }).type;
  const pre = checkState(matter, type, (cmd as { days?: unknown }).days);
  if (!pre.ok) return pre;
  const parsed = matterCommandSchema.safeParse(cmd);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('invalid_command', issue?.message ?? '操作内容有误', issue?.path.join('.') || undefined);
  }
  return applyChecked(matter, parsed.data, pre.value, engineOf(ctx), ctx);
}

/**
 * Apply a command already validated where it crossed a trust boundary (the desk's RPC, the city's
 * push content check): the same rules as applyCommand, without parsing it again.
 */
export function applyParsedCommand(matter: MatterLifecycle, cmd: MatterCommand, ctx?: LifecycleContext): ApplyResult {
  const pre = checkState(matter, cmd.type, cmd.type === 'extend' ? cmd.days : undefined);
  return pre.ok ? applyChecked(matter, cmd, pre.value, engineOf(ctx), ctx) : pre;
}

/** The checks before the command's shape: terminated, second extension, state precondition, extension length. The state it leads to. */
function checkState(matter: MatterLifecycle, type: unknown, days: unknown): Result<MatterState> {
  const state = matter.state;
  // DOMAIN §2: a terminated matter is not reopened by the same request; a new visit on it is
  // registered as a visit and explained, not applied to this matter.
  if (state === 'terminated' && type !== 'desist') {
    return refuse('already_terminated', '该信访事项已终结，同一事实和理由的请求不再受理；如再次来访，请登记来访并做好解释。');
  }
  const known = commandTypeSchema.safeParse(type);
  if (!known.success) return refuse('invalid_command', '无法识别的操作', 'type');
  const t = known.data;

  if (t === 'extend' && (state === 'extended' || matter.extended)) {
    return refuse('extension_limit', '办理期限只能延长一次，延长期限不得超过30日。', 'days');
  }
  const to = stateAfter(t, state);
  if (to === null) {
    return refuse('illegal_transition', `当前状态为「${STATE_LABELS[state]}」，不能执行「${COMMAND_LABELS[t]}」。`);
  }
  if (t === 'extend' && typeof days === 'number' && days > 30) return refuse('extension_limit', '延长期限不得超过30日。', 'days');
  return ok(to);
}

/** Time order, route, windows and the steps' own rules; then the matter as the step leaves it. */
function applyChecked(matter: MatterLifecycle, c: MatterCommand, to: MatterState, engine: Engine, ctx?: LifecycleContext): ApplyResult {
  const state = matter.state;
  const day = chinaDateOf(c.at);
  if (day < matter.receivedOn) return refuse('time_out_of_order', '操作时间早于收到信访事项的日期。', 'at');
  if (matter.lastEventAt !== null && Date.parse(c.at) < Date.parse(matter.lastEventAt)) {
    return refuse('time_out_of_order', '操作时间早于该事项上一步的时间，请核对时间。', 'at');
  }

  const refusal = checkSteps(matter, c, day, engine) ?? checkRoute(matter, c) ?? checkWindows(matter, c, day, engine);
  if (refusal) return refusal;

  const updated: MatterLifecycle = {
    ...matter,
    ...recordedFields(matter, c, day, engine, ctx),
    state: to,
    historyLength: matter.historyLength + 1,
    lastEventAt: c.at,
  };
  updated.deadlines = currentDeadline(updated, engine);
  return ok({
    matter: updated,
    transition: { from: state, to, command: c, actor: c.actor, at: c.at, reason: c.reason, documents: c.documents },
  });
}
