// Which command may follow which state, and where it leads (DOMAIN.md §2–§5): the table the
// state machine runs on, and the lists of commands the window offers for a matter.
import type { DocumentKind } from '../documents/kinds';
import { COMMAND_TYPES, type CommandType } from './commands';
import type { MatterLifecycle } from './lifecycle';
import { isLegalRoute } from './routes';
import { MATTER_STATES, type MatterState } from './states';

const ALL_BUT_TERMINATED = MATTER_STATES.filter((s) => s !== 'terminated');
/** Where the handling body works on a matter: a hearing may be held there (DOMAIN §5). */
const HEARING_STATES: readonly MatterState[] = ['handling', 'extended', 'review-requested', 're-review-requested'];
/** After a 交办 the receiving body owes its 办结报告 whatever else the matter goes through. */
const REPORTABLE: readonly MatterState[] = ['assigned', 'accepted', 'handling', 'extended', 'simplified', 'replied', 'delivered', 'rated', 'closed', 'settled'];

/** From which states a command is legal, and where it leads ('same' = state unchanged). */
const TRANSITIONS: Readonly<
  Record<CommandType, { from: readonly MatterState[]; to: MatterState | 'same' | ((from: MatterState) => MatterState) }>
> = {
  classify: { from: ['registered'], to: 'classified' },
  guide: { from: ['classified'], to: 'guided' },
  transfer: { from: ['classified'], to: 'transferred' },
  assign: { from: ['classified'], to: 'assigned' },
  // A transferred or assigned matter is accepted by the body it went to.
  accept: { from: ['classified', 'transferred', 'assigned'], to: 'accepted' },
  // DOMAIN §3: the pre-screen refuses before any class is given (terminated, pending elsewhere, 越级, another organ's powers).
  decline: { from: ['registered', 'classified'], to: 'not-accepted' },
  // Our reading: a receiving body that starts handling without a separate 受理 step has accepted it
  // that day; a 简易办理 matter that proves not simple goes on in the ordinary procedure.
  startHandling: { from: ['accepted', 'transferred', 'assigned', 'simplified'], to: 'handling' },
  extend: { from: ['handling'], to: 'extended' },
  reply: { from: ['handling', 'extended', 'simplified'], to: 'replied' },
  // Delivering the review or re-review opinion is recorded without leaving its state.
  deliver: { from: ['replied', 'review-opinion', 're-review-opinion'], to: (from) => (from === 'replied' ? 'delivered' : from) },
  rate: { from: ['delivered'], to: 'rated' },
  // From review-opinion only once the 复核 window has lapsed (DOMAIN §4; applyCommand checks the day).
  close: { from: ['guided', 'not-accepted', 'delivered', 'rated', 'settled', 'review-opinion'], to: 'closed' },
  requestReview: { from: ['delivered', 'rated', 'closed'], to: 'review-requested' },
  reviewOpinion: { from: ['review-requested'], to: 'review-opinion' },
  // DOMAIN §5: a 复查 that orders the matter handled again (责令重新办理) sends it back to handling.
  orderRehandling: { from: ['review-requested'], to: 'handling' },
  requestReReview: { from: ['review-opinion'], to: 're-review-requested' },
  noticeHearing: { from: HEARING_STATES, to: 'same' },
  // The hearing record; only in the re-review are its days not counted (DOMAIN §4).
  pauseForHearing: { from: HEARING_STATES, to: 'same' },
  reReviewOpinion: { from: ['re-review-requested'], to: 're-review-opinion' },
  // Only once the 复核 opinion is delivered (applyCommand checks it).
  terminate: { from: ['re-review-opinion'], to: 'terminated' },
  repeatVisit: { from: ALL_BUT_TERMINATED, to: 'same' },
  acceptSimplified: { from: ['classified', 'transferred', 'assigned'], to: 'simplified' },
  report: { from: REPORTABLE, to: 'same' },
  // 条例 art. 33: 调解/和解 in the course of handling ends it with the agreement.
  settle: { from: ['handling', 'extended', 'simplified'], to: 'settled' },
  higherLevelVisit: { from: ALL_BUT_TERMINATED, to: 'same' },
  // 息诉罢访 is recorded on any matter, a terminated one too: campaigns work on old hard cases.
  desist: { from: MATTER_STATES, to: 'same' },
};

/** Commands whose state precondition holds in `state` (the UI's buttons). Route and window rules may still refuse. */
export function allowedCommands(state: MatterState): CommandType[] {
  return COMMAND_TYPES.filter((t) => TRANSITIONS[t].from.includes(state));
}

/** The state a command leads to from `from`, or null when the table does not allow it there. */
export function stateAfter(type: CommandType, from: MatterState): MatterState | null {
  const rule = TRANSITIONS[type];
  if (!rule.from.includes(from)) return null;
  return rule.to === 'same' ? from : typeof rule.to === 'function' ? rule.to(from) : rule.to;
}

/**
 * The commands that would pass the state and route rules for this matter (windows and command
 * contents aside): a finer list for the UI than allowedCommands(state).
 */
export function allowedCommandsFor(matter: MatterLifecycle): CommandType[] {
  if (matter.state === 'terminated') return matter.desistedOn === null ? ['desist'] : [];
  const legal = matter.route !== null && isLegalRoute(matter.route);
  return allowedCommands(matter.state).filter((t) => {
    if (t === 'guide') return legal;
    if (t === 'accept' || t === 'startHandling') return !legal;
    if (t === 'acceptSimplified') return simplifiedEligible(matter);
    if (t === 'requestReview') return matter.route === 'petition-procedure' && matter.replyDeliveredOn !== null && !reviewedSinceHandling(matter);
    if (t === 'requestReReview') return matter.route === 'petition-procedure';
    if (t === 'deliver' && matter.state === 'review-opinion') return matter.reviewOpinionDeliveredOn === null;
    if (t === 'deliver' && matter.state === 're-review-opinion') return matter.reReviewOpinionDeliveredOn === null;
    if (t === 'close' && matter.state === 'review-opinion') return matter.reviewOpinionDeliveredOn !== null;
    if (t === 'terminate') return matter.reReviewOpinionDeliveredOn !== null;
    if (t === 'report') return matter.assignedDueOn !== null && matter.reportedOn === null;
    if (t === 'noticeHearing') return matter.hearingNoticedOn === null;
    if (t === 'pauseForHearing') return matter.hearingNoticedOn !== null;
    if (t === 'desist') return matter.desistedOn === null;
    if (t === 'settle') return matter.class === 'complaint';
    return true;
  });
}

/**
 * 简易办理 (DOMAIN §4): a simple first-time matter. Our reading of "first-time": no repeat visit
 * recorded on it; not for matters guided into a legal route, nor for 检举控告, which go to the
 * discipline organs under their own rules.
 */
export function simplifiedEligible(m: MatterLifecycle): boolean {
  return m.route !== null && !isLegalRoute(m.route) && m.class !== 'accusation' && m.repeatVisits === 0 && m.rehandleFrom === null;
}

/** A 复查 was asked of the present handling opinion already (one review per opinion; a rehandled matter has a new one). */
export function reviewedSinceHandling(m: MatterLifecycle): boolean {
  return m.reviewRequestedOn !== null && (m.rehandleFrom === null || m.reviewRequestedOn > m.rehandleFrom);
}

/** The written document a 送达 step hands over, by the state it is delivered in. */
export const DELIVERED_DOCUMENT: Readonly<Partial<Record<MatterState, DocumentKind>>> = {
  replied: 'handling-opinion',
  'review-opinion': 'review-opinion',
  're-review-opinion': 're-review-opinion',
};
