// The rules a lifecycle command must pass beyond the state table (DOMAIN.md §3–§4): the route a
// step belongs to, the petitioner's windows, and the clocks and outcomes of issue #13 — each
// refusal with its own stable code. Pure; applyCommand.ts runs them in order.
import type { DeadlineEngine, IsoDate } from '../calendar/deadlines';
import { err, type Err } from '../result';
import type { MatterCommand } from './commands';
import { handlingDeadline } from './deadlines';
import type { MatterLifecycle } from './lifecycle';
import { isLegalRoute, type MatterRoute } from './routes';
import { reviewedSinceHandling, simplifiedEligible } from './transitions';

/** Error codes of applyCommand; stable, for programs. */
export type LifecycleErrorCode =
  | 'already_terminated'
  | 'illegal_transition'
  | 'extension_limit'
  | 'extension_too_late'
  | 'review_window_closed'
  | 'review_window_open'
  | 'opinion_not_delivered'
  | 'hearing_not_noticed'
  | 'simplified_not_eligible'
  | 'route_mismatch'
  | 'time_out_of_order'
  | 'invalid_command';

export const refuse = (code: LifecycleErrorCode, message: string, field?: string): Err => err(code, message, field);

/** Art. 31: routes 1–4 are guided out of the petition channel; only they can be guided. */
export function checkRoute(m: MatterLifecycle, c: MatterCommand): Err | null {
  const route: MatterRoute | null = m.route;
  if (c.type === 'guide' && (route === null || !isLegalRoute(route))) {
    return refuse('route_mismatch', '只有应当通过诉讼、仲裁、党员申诉或行政程序解决的事项才能导入法定途径（《信访工作条例》第三十一条）。');
  }
  if ((c.type === 'accept' || c.type === 'startHandling' || c.type === 'acceptSimplified') && route !== null && isLegalRoute(route)) {
    return refuse('route_mismatch', '该事项应当导入法定途径，不按信访程序受理办理（《信访工作条例》第三十一条）。');
  }
  // Art. 33 offers 调解 and 和解 in handling 申诉求决 matters; a 检举控告 is never settled with the accused (art. 30).
  if (c.type === 'settle' && m.class !== 'complaint') {
    return refuse('route_mismatch', '调解、和解只适用于申诉求决类事项（《信访工作条例》第三十三条）。');
  }
  // Our reading: review and re-review are of a 信访处理意见 issued in the petition procedure (art. 31 item 6).
  if ((c.type === 'requestReview' || c.type === 'requestReReview') && route !== 'petition-procedure') {
    return refuse('route_mismatch', '只有按信访程序出具信访处理意见书的事项可以请求复查、复核。');
  }
  return null;
}

/** The petitioner's 30-day windows for review and re-review (DOMAIN §4). */
export function checkWindows(m: MatterLifecycle, c: MatterCommand, day: IsoDate, engine: DeadlineEngine): Err | null {
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
  // DOMAIN §4: a 复查 opinion closes the matter only once its 复核 window has lapsed unused.
  if (c.type === 'close' && m.state === 'review-opinion') {
    if (!m.reviewOpinionDeliveredOn) return refuse('opinion_not_delivered', '复查意见尚未送达，不能办结。');
    const last = engine.deadlineFor('re-review-request', m.reviewOpinionDeliveredOn);
    if (day <= last) return refuse('review_window_open', `申请复核的期限至${last}届满，期满未申请复核的方可办结。`);
  }
  return null;
}

/** The clocks and outcomes of DOMAIN §4–§5 that depend on what the matter has recorded. */
export function checkSteps(m: MatterLifecycle, c: MatterCommand, day: IsoDate, engine: DeadlineEngine): Err | null {
  switch (c.type) {
    case 'requestReview':
      if (m.replyDeliveredOn === null) return refuse('illegal_transition', '该事项没有已送达的书面答复，不能请求复查。');
      if (reviewedSinceHandling(m)) return refuse('illegal_transition', '对该处理意见已经请求过复查，不能再次请求复查。');
      return null;
    case 'deliver':
      if (m.state === 'review-opinion' && m.reviewOpinionDeliveredOn) return refuse('illegal_transition', '复查意见已送达，不能重复登记送达。');
      if (m.state === 're-review-opinion' && m.reReviewOpinionDeliveredOn) return refuse('illegal_transition', '复核意见已送达，不能重复登记送达。');
      return null;
    case 'extend': {
      // Our reading of DOMAIN §4: a late approval must not turn a late reply into an on-time one.
      const last = handlingDeadline(m, engine)?.lastDay;
      if (last && day > last) return refuse('extension_too_late', `办理期限已于${last}届满，期满后不能再批准延期。`, 'at');
      return null;
    }
    case 'acceptSimplified':
      if (!simplifiedEligible(m)) {
        return refuse('simplified_not_eligible', '简易办理只适用于事实清楚、责任明确的初次信访事项（检举控告类和应当导入法定途径的事项除外）。');
      }
      return null;
    case 'assign':
      if (c.dueOn <= day) return refuse('invalid_command', '交办期限应晚于交办之日。', 'dueOn');
      return null;
    case 'report':
      if (m.assignedDueOn === null || m.reportedOn !== null) return refuse('illegal_transition', '该事项没有待报送的交办办结报告。');
      return null;
    case 'noticeHearing':
      if (m.hearingNoticedOn !== null) return refuse('illegal_transition', '已通知的听证尚未记录，不能重复通知。');
      if (c.hearingOn < day) return refuse('invalid_command', '听证日期不能早于通知之日。', 'hearingOn');
      return null;
    case 'pauseForHearing':
      if (m.hearingNoticedOn === null) return refuse('hearing_not_noticed', '请先发出听证通知，再记录听证。');
      return null;
    case 'terminate':
      // DOMAIN §4: a delivered 复核 opinion terminates the matter; before delivery it does not.
      if (m.reReviewOpinionDeliveredOn === null) return refuse('opinion_not_delivered', '复核意见送达后方可终结。');
      return null;
    case 'desist':
      if (m.desistedOn !== null) return refuse('illegal_transition', `已于${m.desistedOn}登记息诉罢访。`);
      return null;
    default:
      return null;
  }
}
