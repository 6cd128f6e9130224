// Who may do what at the window (DESIGN.md §6): every RPC method against the four roles, and
// every lifecycle step, in one table the backend checks on each call — never the renderer.
// The split of duties is our reading of a county bureau (configurable later, not statutory):
// the 登记员 registers and hands over papers, the 承办人 handles, the 科长/督办 decides,
// supervises and alone sees a protected reporter (canSeeReporter), and the 管理员 keeps the
// accounts, the enrolment and the settings but does no casework.
import type { CommandType } from '../matters/commands';
import type { Method } from '../rpc/contract';
import type { Role } from './roles';

/** Anyone (the sign-in screen), anyone signed in and unlocked, or only the roles listed. */
export type Access = 'public' | 'signed-in' | readonly Role[];

const CASEWORK: readonly Role[] = ['clerk', 'handler', 'supervisor'];
const HANDLING: readonly Role[] = ['handler', 'supervisor'];
const SUPERVISOR: readonly Role[] = ['supervisor'];
const ADMIN: readonly Role[] = ['admin'];

export const METHOD_ACCESS: Readonly<Record<Method, Access>> = {
  'session.get': 'public',
  'session.setup': 'public',
  'session.login': 'public',
  'session.logout': 'public',
  'session.lock': 'public',
  // The only call a locked session may make besides the ones above.
  'session.unlock': 'public',
  'session.changePassword': 'signed-in',
  'accounts.list': ADMIN,
  'accounts.create': ADMIN,
  'accounts.resetPassword': ADMIN,
  'accounts.setDisabled': ADMIN,
  'settings.setIdleMinutes': ADMIN,
  // Only answered while the store waits for its recovery code (backend/host/main.ts).
  'store.recover': 'public',
  'store.rekey': ADMIN,
  'audit.verify': ADMIN,
  'intake.register': CASEWORK,
  'intake.listToday': CASEWORK,
  'intake.lookupPerson': CASEWORK,
  'drafts.save': CASEWORK,
  'drafts.list': CASEWORK,
  'drafts.get': CASEWORK,
  'drafts.discard': CASEWORK,
  'attachments.add': CASEWORK,
  'attachments.list': CASEWORK,
  'attachments.read': CASEWORK,
  'matters.get': CASEWORK,
  'matters.command': CASEWORK,
  'matters.queue': CASEWORK,
  'documents.generate': CASEWORK,
  'documents.read': CASEWORK,
  'documents.deliver': CASEWORK,
  'supervision.issue': SUPERVISOR,
  'supervision.resolve': HANDLING,
  'leaderCase.assign': SUPERVISOR,
  'participants.add': CASEWORK,
  'campaigns.create': SUPERVISOR,
  'campaigns.list': CASEWORK,
  'reference.regions': 'signed-in',
  'reference.categories': 'signed-in',
  'sync.status': 'signed-in',
  'sync.now': 'signed-in',
  'sync.enroll': ADMIN,
  'figures.get': [...HANDLING, 'admin'],
  'figures.export': [...SUPERVISOR, 'admin'],
  // Backup and restore (issue #15): the administrator keeps the store, as with the re-key.
  'backup.status': ADMIN,
  'backup.configure': ADMIN,
  'backup.create': ADMIN,
  'backup.list': ADMIN,
  'backup.restore': ADMIN,
  // The full register (台账) and 统计's breakdowns: casework reads the register; a bulk export of
  // personal records is for the roles that handle and decide, not the window's clerk.
  'register.page': CASEWORK,
  'register.count': CASEWORK,
  'register.options': CASEWORK,
  'register.exportStart': HANDLING,
  'register.exportProgress': HANDLING,
  'register.exportTake': HANDLING,
  'figures.breakdown': [...HANDLING, 'admin'],
  // Sync by file (issue #15): the administrator carries the window's records, as with enrolment.
  'sync.exportFile': ADMIN,
  'sync.importFile': ADMIN,
  // --- search from every screen (issue #12): casework, like the matter file it opens.
  'search.matters': CASEWORK,
  // Corrections that keep history: the window corrects what it typed; voiding a registration
  // (it leaves the figures) and taking back a lifecycle step are the 科长/督办's decisions.
  'matters.correct': CASEWORK,
  'matters.void': SUPERVISOR,
  'matters.withdrawStep': SUPERVISOR,
  // Excel in (历史台账): bringing a bureau's earlier records in is the 科长's or the 管理员's task.
  'records.importPreview': [...SUPERVISOR, 'admin'],
  'records.import': [...SUPERVISOR, 'admin'],
  // #13 notices: the bureau's details and the organisation tree are the administrator's.
  'noticeSettings.get': ADMIN,
  'noticeSettings.setBureau': ADMIN,
  'noticeSettings.setOrganisations': ADMIN,
};

/**
 * Each lifecycle step by role: deciding (classify, accept, decline, route) and handling are the
 * 承办人's and the 科长's; an extension needs the head's approval (条例 art. 34), so only the
 * 科长 records it; the window may hand over a paper (送达), take a rating and note a repeat visit.
 */
export const COMMAND_ACCESS: Readonly<Record<CommandType, readonly Role[]>> = {
  classify: HANDLING,
  guide: HANDLING,
  transfer: HANDLING,
  assign: HANDLING,
  accept: HANDLING,
  decline: HANDLING,
  startHandling: HANDLING,
  extend: SUPERVISOR,
  reply: HANDLING,
  deliver: CASEWORK,
  rate: CASEWORK,
  close: HANDLING,
  requestReview: CASEWORK,
  reviewOpinion: HANDLING,
  requestReReview: CASEWORK,
  reReviewOpinion: HANDLING,
  terminate: SUPERVISOR,
  pauseForHearing: HANDLING,
  repeatVisit: CASEWORK,
  // Issue #13 (the law's clocks and outcomes): deciding 简易办理, recording a 调解/和解 agreement,
  // a hearing and a 复查 that orders rehandling are handling; the 办结报告 and an 越级 visit
  // reported from above are papers the window takes in; 息诉罢访 is a resolution the 科长 vouches for.
  acceptSimplified: HANDLING,
  report: CASEWORK,
  settle: HANDLING,
  noticeHearing: HANDLING,
  orderRehandling: HANDLING,
  higherLevelVisit: CASEWORK,
  desist: SUPERVISOR,
};

export function mayCall(access: Access, role: Role): boolean {
  return access === 'public' || access === 'signed-in' || access.includes(role);
}

/** 作废: a voided registration is kept, left out of the figures and lists, and shown to the 科长/督办 alone. */
export function canSeeVoided(role: Role): boolean {
  return SUPERVISOR.includes(role);
}
