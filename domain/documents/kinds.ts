// The printed documents of a petition matter (DOMAIN.md §5). The kind names the template file
// (resources/documents/<kind>.json); the title is the fixed 公文 title printed on it.
import { z } from 'zod';

export const documentKindSchema = z.enum([
  'registration-receipt',
  'acceptance-notice',
  'non-acceptance-notice',
  'transfer-notice',
  'handling-opinion',
  'review-opinion',
  're-review-opinion',
  'extension-notice',
  'delivery-receipt',
  // #13: a notice for every way a matter is refused or guided (DOMAIN.md §5).
  'legal-route-notice',
  'no-further-acceptance-notice',
  'late-review-notice',
  'late-re-review-notice',
  // #13: the hearing (听证) and the agreement of 调解 / 和解 (条例 art. 33), DOMAIN.md §5.
  'hearing-notice',
  'hearing-record',
  'mediation-agreement',
  'reconciliation-agreement',
]);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  'registration-receipt': '信访事项登记回执',
  'acceptance-notice': '信访事项受理告知书',
  'non-acceptance-notice': '信访事项不予受理告知书',
  'transfer-notice': '信访事项转送（交办）告知书',
  'handling-opinion': '信访事项处理意见书',
  'review-opinion': '信访事项复查意见书',
  're-review-opinion': '信访事项复核意见书',
  'extension-notice': '信访事项延期办理告知书',
  'delivery-receipt': '送达回证',
  'legal-route-notice': '导入法定途径告知书',
  'no-further-acceptance-notice': '信访事项不再受理告知书',
  'late-review-notice': '复查请求不予受理告知书',
  'late-re-review-notice': '复核请求不予受理告知书',
  'hearing-notice': '信访事项听证通知书',
  'hearing-record': '信访事项听证笔录',
  'mediation-agreement': '调解协议书',
  'reconciliation-agreement': '和解协议书',
};

/**
 * The kinds a role that may not see a protected reporter (条例 art. 30) may still make and open:
 * the 转送（交办）告知书 prints the reporter masked (backend/services/documentFields.ts) and no
 * number or address. Every other kind names the reporter in full, and the 送达回证, though it
 * masks the name, prints the recipient and the reporter's address: those are the 科长/督办's.
 */
export const MASKED_FOR_PROTECTED_REPORTER: readonly DocumentKind[] = ['transfer-notice'];
