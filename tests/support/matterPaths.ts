// Test matters in a chosen state, each reached by a legal path from a matter received on a
// quiet Monday (2025-03-03, no holiday near): the petition-procedure path one step a day or so.
import { initialLifecycle } from '../../domain/matters/applyCommand';
import type { MatterLifecycle } from '../../domain/matters/lifecycle';
import type { MatterClass, MatterRoute } from '../../domain/matters/routes';
import type { MatterState } from '../../domain/matters/states';
import { at, command, mustApply, type Step } from './matterCommands';

export const RECEIVED = '2025-03-03';

/** A new matter received on RECEIVED (or `start`) taken through `steps`, each of which must be accepted. */
export const run = (steps: Step[], start = initialLifecycle(RECEIVED)) =>
  steps.reduce((m, [t, day, extra]) => mustApply(m, command(t, at(day), extra)), start);

/** The petition-procedure path; each prefix reaches one state. */
export const FULL_PATH: Step[] = [
  ['classify', '2025-03-03'],
  ['accept', '2025-03-10'],
  ['startHandling', '2025-03-11'],
  ['extend', '2025-05-06'],
  ['reply', '2025-05-19'],
  ['deliver', '2025-05-20'],
  ['rate', '2025-05-21'],
  ['close', '2025-05-22'],
  ['requestReview', '2025-06-10'],
  ['reviewOpinion', '2025-06-30'],
  ['deliver', '2025-07-01'],
  ['requestReReview', '2025-07-15'],
  ['noticeHearing', '2025-07-16', { hearingOn: '2025-07-20' }],
  ['pauseForHearing', '2025-07-20', { days: 5 }],
  ['reReviewOpinion', '2025-08-10'],
  ['deliver', '2025-08-11'],
  ['terminate', '2025-08-20'],
];

const WITHOUT_EXTENSION = FULL_PATH.filter(([t]) => t !== 'extend');
const upTo = (steps: Step[], state: MatterState): MatterLifecycle => {
  let m = initialLifecycle(RECEIVED);
  if (m.state === state) return m;
  for (const [t, day, extra] of steps) {
    m = mustApply(m, command(t, at(day), extra));
    if (m.state === state) return m;
  }
  throw new Error(`path never reaches ${state}`);
};

/** A matter in `state`, reached by a legal path (route chosen so the path is legal). */
export function matterIn(state: MatterState): MatterLifecycle {
  const classifyAs = (cls: MatterClass, route: MatterRoute): Step => ['classify', '2025-03-03', { class: cls, route }];
  switch (state) {
    case 'guided':
      return run([classifyAs('complaint', 'arbitration'), ['guide', '2025-03-04']]);
    case 'transferred':
      return run([classifyAs('complaint', 'duty-performance'), ['transfer', '2025-03-04']]);
    case 'assigned':
      return run([['classify', '2025-03-03'], ['assign', '2025-03-04']]);
    case 'not-accepted':
      return run([['classify', '2025-03-03'], ['decline', '2025-03-04']]);
    case 'simplified':
      return run([['classify', '2025-03-03'], ['acceptSimplified', '2025-03-04']]);
    case 'settled':
      return run([['classify', '2025-03-03'], ['accept', '2025-03-04'], ['startHandling', '2025-03-05'], ['settle', '2025-03-20']]);
    case 'handling':
    case 'replied':
    case 'delivered':
    case 'rated':
      return upTo(WITHOUT_EXTENSION, state);
    case 'review-opinion':
    case 're-review-opinion':
      // Before the opinion is delivered (the delivery is a step within the state).
      return upTo(FULL_PATH, state);
    default:
      return upTo(FULL_PATH, state);
  }
}
