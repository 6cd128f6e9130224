// A matter's life moved on (DOMAIN.md §2–§5): a new matter as registered, and one command
// applied to it — checked against the state table, the route, the time order and the
// petitioner's windows, then recorded with the deadline that runs next. Pure: times come in on
// the commands, the calendar through the context, and a refused command is an error value that
// leaves the matter untouched.
//
// Article numbers are cited only where DOMAIN.md states them (arts. 18, 30, 31, 32); the
// review/re-review/extension rules follow DOMAIN.md §4's table.
import { isoDateSchema, type DeadlineEngine, type IsoDate } from '../calendar/deadlines';
import { chinaDateOf } from '../calendar/chinaDay';
import type { DocumentKind } from '../documents/kinds';
import { err, ok, type Err, type Result } from '../result';
import { COMMAND_LABELS, commandTypeSchema, matterCommandSchema, type Actor, type MatterCommand, type MatterCommandInput } from './commands';
import { currentDeadline, engineOf, type LifecycleContext } from './deadlines';
import type { MatterLifecycle } from './lifecycle';
import { isLegalRoute, type MatterRoute } from './routes';
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

/** Error codes of applyCommand; stable, for programs. */
type LifecycleErrorCode =
  | 'already_terminated'
  | 'illegal_transition'
  | 'extension_limit'
  | 'review_window_closed'
  | 'route_mismatch'
  | 'time_out_of_order'
  | 'invalid_command';

const refuse = (code: LifecycleErrorCode, message: string, field?: string): Err => err(code, message, field);

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
    deadlines: null,
    historyLength: 0,
    lastEventAt: null,
  };
  return { ...m, deadlines: currentDeadline(m, engineOf(ctx)) };
}

export type ApplyResult = Result<{ matter: MatterLifecycle; transition: Transition }>;

/**
 * Apply one command. Order of checks (so each refusal has one stable code): terminated matter;
 * second extension; state precondition; extension length; command shape; time order; route;
 * review windows. A refusal never changes `matter` (nothing here mutates its input).
 */
export function applyCommand(matter: MatterLifecycle, cmd: MatterCommandInput, ctx?: LifecycleContext): ApplyResult {
  const engine = engineOf(ctx);
  const type = (cmd as { type?: unknown }).type;
  const state = matter.state;

  // DOMAIN §2: a terminated matter is not reopened by the same request; a new visit on it is
  // registered as a visit and explained, not applied to this matter.
  if (state === 'terminated') {
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
  if (t === 'extend') {
    const days = (cmd as { days?: unknown }).days;
    if (typeof days === 'number' && days > 30) return refuse('extension_limit', '延长期限不得超过30日。', 'days');
  }

  const parsed = matterCommandSchema.safeParse(cmd);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('invalid_command', issue?.message ?? '操作内容有误', issue?.path.join('.') || undefined);
  }
  const c = parsed.data;

  const day = chinaDateOf(c.at);
  if (day < matter.receivedOn) return refuse('time_out_of_order', '操作时间早于收到信访事项的日期。', 'at');
  if (matter.lastEventAt !== null && Date.parse(c.at) < Date.parse(matter.lastEventAt)) {
    return refuse('time_out_of_order', '操作时间早于该事项上一步的时间，请核对时间。', 'at');
  }

  // A matter closed without a delivered reply (declined, guided) has nothing to review.
  if (c.type === 'requestReview' && matter.replyDeliveredOn === null) {
    return refuse('illegal_transition', '该事项没有已送达的书面答复，不能请求复查。');
  }
  const routeCheck = checkRoute(matter, c);
  if (routeCheck) return routeCheck;
  const windowCheck = checkWindows(matter, c, day, engine);
  if (windowCheck) return windowCheck;

  const next = nextFields(matter, c, day);
  if ('ok' in next) return next;
  const updated: MatterLifecycle = {
    ...matter,
    ...next,
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

/** Art. 31: routes 1–4 are guided out of the petition channel; only they can be guided. */
function checkRoute(m: MatterLifecycle, c: MatterCommand): Err | null {
  const route: MatterRoute | null = m.route;
  if (c.type === 'guide' && (route === null || !isLegalRoute(route))) {
    return refuse('route_mismatch', '只有应当通过诉讼、仲裁、党员申诉或行政程序解决的事项才能导入法定途径（《信访工作条例》第三十一条）。');
  }
  if ((c.type === 'accept' || c.type === 'startHandling') && route !== null && isLegalRoute(route)) {
    return refuse('route_mismatch', '该事项应当导入法定途径，不按信访程序受理办理（《信访工作条例》第三十一条）。');
  }
  // Our reading: review and re-review are of a 信访处理意见 issued in the petition procedure (art. 31 item 6).
  if ((c.type === 'requestReview' || c.type === 'requestReReview') && route !== 'petition-procedure') {
    return refuse('route_mismatch', '只有按信访程序出具信访处理意见书的事项可以请求复查、复核。');
  }
  return null;
}

/** The petitioner's 30-day windows for review and re-review (DOMAIN §4). */
function checkWindows(m: MatterLifecycle, c: MatterCommand, day: IsoDate, engine: DeadlineEngine): Err | null {
  if (c.type === 'requestReview' && m.replyDeliveredOn) {
    const last = engine.deadlineFor('review-request', m.replyDeliveredOn);
    if (day > last) {
      return refuse('review_window_closed', `请求复查的期限已于${last}届满（自收到书面答复之日起30日）。`);
    }
  }
  // Before the review opinion is delivered the window has not started: an early request is taken.
  if (c.type === 'requestReReview' && m.reviewOpinionDeliveredOn) {
    const last = engine.deadlineFor('re-review-request', m.reviewOpinionDeliveredOn);
    if (day > last) {
      return refuse('review_window_closed', `请求复核的期限已于${last}届满（自收到复查意见之日起30日）。`);
    }
  }
  return null;
}

/** The fields a command records, or a refusal found only here. */
function nextFields(m: MatterLifecycle, c: MatterCommand, day: IsoDate): Partial<MatterLifecycle> | Err {
  switch (c.type) {
    case 'classify':
      return {
        class: c.class,
        route: c.route,
        body: c.body,
        classifiedOn: day,
        // 条例 art. 30: the reporter's identity and materials never reach the accused.
        protectReporter: c.class === 'accusation',
      };
    case 'guide':
    case 'decline':
      return { routedOn: day };
    case 'transfer':
    case 'assign':
      return { routedOn: day, body: c.toBody };
    case 'accept':
      return { acceptedOn: day };
    case 'startHandling':
      return { acceptedOn: m.acceptedOn ?? day };
    case 'extend':
      return { extended: true, extensionDays: c.days };
    case 'reply':
      return { repliedOn: day, replyOpinion: c.opinion };
    case 'deliver':
      if (m.state === 'replied') return { replyDeliveredOn: day };
      if (m.state === 'review-opinion') {
        if (m.reviewOpinionDeliveredOn) return refuse('illegal_transition', '复查意见已送达，不能重复登记送达。');
        return { reviewOpinionDeliveredOn: day };
      }
      if (m.reReviewOpinionDeliveredOn) return refuse('illegal_transition', '复核意见已送达，不能重复登记送达。');
      return { reReviewOpinionDeliveredOn: day };
    case 'rate':
      return { rating: c.rating };
    case 'close':
      return { closedOn: day };
    case 'requestReview':
      return { reviewRequestedOn: day };
    case 'reviewOpinion':
      return { reviewOpinionOn: day, reviewOpinion: c.opinion };
    case 'requestReReview':
      return { reReviewRequestedOn: day };
    case 'reReviewOpinion':
      return { reReviewOpinionOn: day, reReviewOpinion: c.opinion };
    case 'pauseForHearing':
      return { hearingPauseDays: m.hearingPauseDays + c.days };
    case 'terminate':
      return { terminatedOn: day };
    case 'repeatVisit':
      return { repeatVisits: m.repeatVisits + 1 };
  }
}
