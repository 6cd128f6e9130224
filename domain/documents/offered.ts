// Which notices a matter's file offers to issue (出具文书, DOMAIN.md §5). The hearing's notice and
// record and the agreement are made by a step: they are offered once that step is in the file,
// the agreement only of the kind reached. The others are always offered; the backend says in
// words why one cannot go out yet (a window still open, a body missing from the tree).
import { AGREEMENT_DOCUMENTS, type CommandType, type SettlementKind } from '../matters/commands';
import { documentKindSchema, type DocumentKind } from './kinds';

const MADE_BY: Partial<Record<DocumentKind, CommandType>> = {
  'hearing-notice': 'noticeHearing',
  'hearing-record': 'pauseForHearing',
  'mediation-agreement': 'settle',
  'reconciliation-agreement': 'settle',
};

/** The kinds to offer, given the steps taken (oldest first) and the agreement reached, if any. A 送达回证 is made by a delivery, never on its own. */
export function offeredNotices(steps: readonly CommandType[], settlement: SettlementKind | null): DocumentKind[] {
  return documentKindSchema.options.filter((kind) => {
    if (kind === 'delivery-receipt') return false;
    const step = MADE_BY[kind];
    if (!step) return true;
    if (step === 'settle') return settlement !== null && AGREEMENT_DOCUMENTS[settlement] === kind;
    return steps.includes(step);
  });
}
