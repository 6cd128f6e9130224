// The states a petition matter (信访事项) passes through, and their names at the window
// (DOMAIN.md §2–§5). Which command leads from one to the next is in transitions.ts.
//
//   registered → classified → guided | transferred | assigned | accepted | not-accepted
//   accepted (or transferred/assigned, taken up by the receiving body) → handling → (extended)
//   → replied → delivered → rated → closed; from delivered/rated/closed, within the review window:
//   review-requested → review-opinion → re-review-requested → re-review-opinion → terminated.
//   guided / not-accepted → closed. A repeat visit is recorded without changing state.
//   Issue #13: accepted for 简易办理 → simplified → replied (or on to ordinary handling);
//   handling → settled (调解/和解 agreement) → closed; a 复查 that orders the matter handled
//   again sends review-requested back to handling; not-accepted also straight from registered
//   (the pre-screen of DOMAIN.md §3).
import { z } from 'zod';

export const matterStateSchema = z.enum([
  'registered',
  'classified',
  'guided',
  'transferred',
  'assigned',
  'accepted',
  'not-accepted',
  'handling',
  'extended',
  'replied',
  'delivered',
  'rated',
  'closed',
  'review-requested',
  'review-opinion',
  're-review-requested',
  're-review-opinion',
  'terminated',
  // Added after release (issue #13): kept last so stored indices and orders stay as they were.
  'simplified',
  'settled',
]);
export type MatterState = z.infer<typeof matterStateSchema>;
export const MATTER_STATES: readonly MatterState[] = matterStateSchema.options;

/** States in which nothing more is owed by the bureau: off the work queue, whatever deadline was last recorded. */
export const SETTLED_STATES: readonly MatterState[] = ['guided', 'not-accepted', 'closed', 'terminated'];

export const STATE_LABELS: Readonly<Record<MatterState, string>> = {
  registered: '已登记',
  classified: '已分类',
  guided: '已导入法定途径',
  transferred: '已转送',
  assigned: '已交办',
  accepted: '已受理',
  'not-accepted': '不予受理',
  handling: '办理中',
  extended: '延期办理中',
  replied: '已答复',
  delivered: '已送达',
  rated: '已评价',
  closed: '已办结',
  'review-requested': '复查中',
  'review-opinion': '已出具复查意见',
  're-review-requested': '复核中',
  're-review-opinion': '已出具复核意见',
  terminated: '已终结',
  simplified: '简易办理中',
  settled: '已达成调解（和解）协议',
};
