// A matter's class and the routes each class may take (依法分类处理, DOMAIN.md §3), with their
// names at the window. The wizard's questions are in questions.ts, the rule that answers them
// in classification.ts.
//
// Sources: 《信访工作条例》 (2022) art. 30 (检举控告) and art. 31 (申诉求决, its six items in the
// order the law gives them), as DOMAIN.md cites them.
import { z } from 'zod';

export const matterClassSchema = z.enum(['suggestion', 'accusation', 'complaint']);
export type MatterClass = z.infer<typeof matterClassSchema>;
export const CLASS_LABELS: Readonly<Record<MatterClass, string>> = {
  suggestion: '建议意见类',
  accusation: '检举控告类',
  complaint: '申诉求决类',
};

/** The six routes of 条例 art. 31, in the law's order: the wizard asks them in this order. */
export const complaintRouteSchema = z.enum([
  'litigation-etc', // (一) 诉讼、复议、检察、公安程序; 涉法涉诉
  'arbitration', // (二) 仲裁
  'party-appeal', // (三) 党员申诉、申请复审
  'administrative', // (四) 行政复议、行政裁决、行政确认、行政许可、行政处罚
  'duty-performance', // (五) 申请查处违法行为、履行保护人身权或财产权的职责
  'petition-procedure', // (六) 以上都不是: 信访程序, 出具信访处理意见书
]);
export type ComplaintRoute = z.infer<typeof complaintRouteSchema>;

/**
 * Every route a matter can take. 建议意见 has one ('study-and-reply'); 检举控告 goes to the
 * discipline and supervision organs or to the body with power (条例 art. 30).
 */
export const matterRouteSchema = z.enum([
  'study-and-reply',
  'discipline-inspection',
  'competent-body',
  ...complaintRouteSchema.options,
]);
export type MatterRoute = z.infer<typeof matterRouteSchema>;

export const ROUTE_LABELS: Readonly<Record<MatterRoute, string>> = {
  'study-and-reply': '研究论证并答复',
  'discipline-inspection': '转纪检监察机关',
  'competent-body': '转有权处理的机关、单位',
  'litigation-etc': '诉讼、复议、检察、公安程序',
  arbitration: '仲裁',
  'party-appeal': '党员申诉、申请复审',
  administrative: '行政程序',
  'duty-performance': '依法履行职责或答复',
  'petition-procedure': '信访程序',
};

/** Which routes belong to which class: a classify command must pair them this way. */
export const ROUTES_BY_CLASS: Readonly<Record<MatterClass, readonly MatterRoute[]>> = {
  suggestion: ['study-and-reply'],
  accusation: ['discipline-inspection', 'competent-body'],
  complaint: complaintRouteSchema.options,
};

export function routeFitsClass(cls: MatterClass, route: MatterRoute): boolean {
  return ROUTES_BY_CLASS[cls].includes(route);
}

/**
 * Routes 1–4 of art. 31 leave the petition channel: the matter is guided into the legal
 * procedure (导入法定途径), not accepted into the petition procedure.
 */
export const LEGAL_ROUTES: readonly ComplaintRoute[] = ['litigation-etc', 'arbitration', 'party-appeal', 'administrative'];
export function isLegalRoute(route: MatterRoute): boolean {
  return (LEGAL_ROUTES as readonly string[]).includes(route);
}

export const litigationOrganSchema = z.enum(['court', 'procuratorate', 'police']);
export type LitigationOrgan = z.infer<typeof litigationOrganSchema>;
export const administrativeKindSchema = z.enum(['reconsideration', 'adjudication', 'confirmation', 'licensing', 'penalty']);
export type AdministrativeKind = z.infer<typeof administrativeKindSchema>;

export const LITIGATION_ORGAN_LABELS: Readonly<Record<LitigationOrgan, string>> = {
  court: '人民法院',
  procuratorate: '人民检察院',
  police: '公安机关',
};
export const ADMINISTRATIVE_KIND_LABELS: Readonly<Record<AdministrativeKind, string>> = {
  reconsideration: '行政复议',
  adjudication: '行政裁决',
  confirmation: '行政确认',
  licensing: '行政许可',
  penalty: '行政处罚',
};

export const outcomeSchema = z.enum(['guide', 'transfer', 'accept']);
export type ClassificationOutcome = z.infer<typeof outcomeSchema>;
export const OUTCOME_LABELS: Readonly<Record<ClassificationOutcome, string>> = {
  guide: '导入法定途径',
  transfer: '转送有权处理的机关、单位',
  accept: '受理，按信访程序办理',
};
