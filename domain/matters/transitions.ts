// Which command may follow which state, and where it leads (DOMAIN.md §2–§5): the table the
// state machine runs on, and the lists of commands the window offers for a matter.
import type { DocumentKind } from '../documents/kinds';
import { COMMAND_TYPES, type CommandType } from './commands';
import type { MatterLifecycle } from './lifecycle';
import { isLegalRoute } from './routes';
import { MATTER_STATES, type MatterState } from './states';

const ALL_BUT_TERMINATED = MATTER_STATES.filter((s) => s !== 'terminated');

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
  decline: { from: ['classified'], to: 'not-accepted' },
  // Our reading: a receiving body that starts handling without a separate 受理 step has accepted it that day.
  startHandling: { from: ['accepted', 'transferred', 'assigned'], to: 'handling' },
  extend: { from: ['handling'], to: 'extended' },
  reply: { from: ['handling', 'extended'], to: 'replied' },
  // Delivering the review or re-review opinion is recorded without leaving its state.
  deliver: { from: ['replied', 'review-opinion', 're-review-opinion'], to: (from) => (from === 'replied' ? 'delivered' : from) },
  rate: { from: ['delivered'], to: 'rated' },
  close: { from: ['guided', 'not-accepted', 'delivered', 'rated'], to: 'closed' },
  requestReview: { from: ['delivered', 'rated', 'closed'], to: 'review-requested' },
  reviewOpinion: { from: ['review-requested'], to: 'review-opinion' },
  requestReReview: { from: ['review-opinion'], to: 're-review-requested' },
  // Hearing time is not counted in the re-review period (DOMAIN §4): the only pause the rules allow.
  pauseForHearing: { from: ['re-review-requested'], to: 'same' },
  reReviewOpinion: { from: ['re-review-requested'], to: 're-review-opinion' },
  terminate: { from: ['re-review-opinion'], to: 'terminated' },
  repeatVisit: { from: ALL_BUT_TERMINATED, to: 'same' },
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
  if (matter.state === 'terminated') return [];
  const legal = matter.route !== null && isLegalRoute(matter.route);
  return allowedCommands(matter.state).filter((t) => {
    if (t === 'guide') return legal;
    if (t === 'accept' || t === 'startHandling') return !legal;
    if (t === 'requestReview') return matter.route === 'petition-procedure' && matter.replyDeliveredOn !== null;
    if (t === 'requestReReview') return matter.route === 'petition-procedure';
    if (t === 'deliver' && matter.state === 'review-opinion') return matter.reviewOpinionDeliveredOn === null;
    if (t === 'deliver' && matter.state === 're-review-opinion') return matter.reReviewOpinionDeliveredOn === null;
    return true;
  });
}

/** The written document a 送达 step hands over, by the state it is delivered in. */
export const DELIVERED_DOCUMENT: Readonly<Partial<Record<MatterState, DocumentKind>>> = {
  replied: 'handling-opinion',
  'review-opinion': 'review-opinion',
  're-review-opinion': 're-review-opinion',
};
