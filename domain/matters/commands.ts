// The commands that move a matter's life on (DOMAIN.md §3–§5): their zod schemas, the
// vocabularies they use, their names at the window, the documents each usually produces and
// the fields each asks for beyond what every command carries. Which state a command may follow
// is in transitions.ts; what it does to a matter is in applyCommand.ts.
import { z } from 'zod';
import { requiredText as text } from '../schema/text';
import { isoDateSchema } from '../calendar/deadlines';
import { documentKindSchema, type DocumentKind } from '../documents/kinds';
import { skipLevelSchema } from '../intake/flags';
import { declineGroundSchema } from './prescreen';
import { matterClassSchema, matterRouteSchema, routeFitsClass } from './routes';
import {
  agreementFields,
  hearingNoticeFields,
  hearingRecordFields,
  rehandlingNoticeFields,
  replyNoticeFields,
  requireNoticeFields,
  reviewNoticeFields,
} from './noticeFields';

// --- vocabularies used by the commands

/** 条例 art. 32: support / explain / not support, each with its legal basis. */
export const opinionSchema = z.enum(['support', 'explain', 'not-support']);
export type Opinion = z.infer<typeof opinionSchema>;
export const OPINION_LABELS: Readonly<Record<Opinion, string>> = {
  support: '予以支持',
  explain: '解释说明',
  'not-support': '不予支持',
};

export const deliveryMethodSchema = z.enum(['in-person', 'post', 'electronic', 'left', 'announcement']);
export type DeliveryMethod = z.infer<typeof deliveryMethodSchema>;
export const DELIVERY_METHOD_LABELS: Readonly<Record<DeliveryMethod, string>> = {
  'in-person': '直接送达',
  post: '邮寄送达',
  electronic: '电子送达',
  left: '留置送达',
  announcement: '公告送达',
};

/** 条例 art. 33: a matter settled by 调解 or 和解, with the agreement. */
export const settlementKindSchema = z.enum(['mediation', 'reconciliation']);
export type SettlementKind = z.infer<typeof settlementKindSchema>;
export const SETTLEMENT_LABELS: Readonly<Record<SettlementKind, string>> = { mediation: '调解', reconciliation: '和解' };
/** Art. 33: a 调解协议书 or a 和解协议书, as the agreement came about. */
export const AGREEMENT_DOCUMENTS: Readonly<Record<SettlementKind, DocumentKind>> = { mediation: 'mediation-agreement', reconciliation: 'reconciliation-agreement' };

export const ratingSchema = z.enum(['satisfied', 'basically-satisfied', 'unsatisfied']);
export type Rating = z.infer<typeof ratingSchema>;
export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  satisfied: '满意',
  'basically-satisfied': '基本满意',
  unsatisfied: '不满意',
};

// --- commands

export const actorSchema = z.strictObject({
  userId: text('操作人编号', 100),
  name: text('操作人姓名', 50),
  role: text('操作人角色', 50),
});
export type Actor = z.infer<typeof actorSchema>;

/** What the window sends with every command: when (an instant with its offset), why, and the documents produced. */
const requestEnvelope = {
  at: z.iso.datetime({ offset: true, error: '时间应为带时区的 ISO 时间' }),
  reason: z.string().trim().max(1000, { error: '事由不能超过1000个字' }).default(''),
  documents: z.array(documentKindSchema).max(20).default([]),
};
/** What every stored command carries besides: who took the step, in the backend's own word. */
const envelope = { actor: actorSchema, ...requestEnvelope };

const classifyCommandSchema = z
  .strictObject({
    ...requestEnvelope,
    type: z.literal('classify'),
    class: matterClassSchema,
    route: matterRouteSchema,
    body: text('责任单位', 100),
    note: z.string().trim().max(1000).default(''),
  })
  .refine((c) => routeFitsClass(c.class, c.route), { error: '处理途径与事项类别不符', path: ['route'] });

const REQUEST_OPTIONS = [
  classifyCommandSchema,
  z.strictObject({ ...requestEnvelope, type: z.literal('guide') }),
  z.strictObject({ ...requestEnvelope, type: z.literal('transfer'), toBody: text('转送单位', 100) }),
  // DOMAIN §4: a 交办 carries the day the bureau sets for the 办结报告.
  z.strictObject({ ...requestEnvelope, type: z.literal('assign'), toBody: text('交办单位', 100), dueOn: isoDateSchema }),
  z.strictObject({ ...requestEnvelope, type: z.literal('accept') }),
  // The envelope's reason is the reason for not accepting: required here. The pre-screen
  // (prescreen.ts) gives the ground and the body to go to (DOMAIN.md §3).
  z.strictObject({
    ...requestEnvelope,
    type: z.literal('decline'),
    reason: text('不予受理理由', 1000),
    ground: declineGroundSchema.optional(),
    toBody: z.string().trim().max(100, { error: '告知前往的机关不能超过100个字' }).default(''),
  }),
  z.strictObject({ ...requestEnvelope, type: z.literal('startHandling') }),
  z.strictObject({
    ...requestEnvelope,
    type: z.literal('extend'),
    // DOMAIN §4: +30 days at most, with the head's approval, the reason told to the petitioner.
    days: z
      .number({ error: '延长天数应为数字' })
      .int({ error: '延长天数应为整数' })
      .min(1, { error: '延长天数至少为1日' })
      .max(30, { error: '延长期限不得超过30日' }),
    reason: text('延期理由', 1000),
    approvedBy: text('批准人', 50),
  }),
  z.strictObject({
    ...requestEnvelope,
    type: z.literal('reply'),
    opinion: opinionSchema,
    basis: text('法律法规依据', 2000),
    text: text('处理意见', 20000),
    ...replyNoticeFields,
  }),
  z.strictObject({ ...requestEnvelope, type: z.literal('deliver'), method: deliveryMethodSchema, to: text('受送达人', 100) }),
  z.strictObject({ ...requestEnvelope, type: z.literal('rate'), rating: ratingSchema }),
  z.strictObject({ ...requestEnvelope, type: z.literal('close') }),
  z.strictObject({ ...requestEnvelope, type: z.literal('requestReview') }),
  z.strictObject({ ...requestEnvelope, type: z.literal('reviewOpinion'), opinion: opinionSchema, text: text('复查意见', 20000), ...reviewNoticeFields }),
  z.strictObject({ ...requestEnvelope, type: z.literal('requestReReview') }),
  z.strictObject({ ...requestEnvelope, type: z.literal('reReviewOpinion'), opinion: opinionSchema, text: text('复核意见', 20000), ...reviewNoticeFields }),
  z.strictObject({ ...requestEnvelope, type: z.literal('terminate') }),
  // The hearing record (听证笔录): its days are not counted in the re-review period (DOMAIN §4).
  z.strictObject({
    ...requestEnvelope,
    type: z.literal('pauseForHearing'),
    days: z.number({ error: '听证天数应为数字' }).int({ error: '听证天数应为整数' }).min(1, { error: '听证天数至少为1日' }).max(365),
    /** How the hearing went (听证经过); who took part, their statements and the facts found are apart. */
    record: text('听证经过', 20000),
    ...hearingRecordFields,
  }),
  z.strictObject({ ...requestEnvelope, type: z.literal('repeatVisit') }),
  // --- issue #13: the law's outcomes and clocks the lifecycle lacked
  z.strictObject({ ...requestEnvelope, type: z.literal('acceptSimplified') }),
  z.strictObject({ ...requestEnvelope, type: z.literal('report'), summary: text('办结报告', 20000) }),
  z.strictObject({ ...requestEnvelope, type: z.literal('settle'), kind: settlementKindSchema, agreement: text('协议内容', 20000), ...agreementFields }),
  z.strictObject({ ...requestEnvelope, type: z.literal('noticeHearing'), hearingOn: isoDateSchema, place: text('听证地点', 200), ...hearingNoticeFields }),
  z.strictObject({ ...requestEnvelope, type: z.literal('orderRehandling'), text: text('复查意见', 20000), ...rehandlingNoticeFields }),
  z.strictObject({ ...requestEnvelope, type: z.literal('higherLevelVisit'), level: skipLevelSchema }),
  z.strictObject({ ...requestEnvelope, type: z.literal('desist') }),
] as const;

/**
 * A command as the window asks for it: no actor, since who acts is the backend's session, never
 * the caller's claim (the RPC `matters.command` takes this).
 */
// #13: a new request carries what its notice says (noticeFields.ts); stored commands may predate those fields.
export const commandRequestSchema = z.discriminatedUnion('type', REQUEST_OPTIONS).superRefine(requireNoticeFields);
export type CommandRequest = z.input<typeof commandRequestSchema>;
/** As the router hands it on, checked. */
export type ParsedCommandRequest = z.output<typeof commandRequestSchema>;

type WithActor<T extends readonly z.ZodObject[]> = { -readonly [K in keyof T]: z.ZodObject<T[K]['shape'] & { actor: typeof actorSchema }, z.core.$strict> };

/** A command as taken and stored (and sent to the city): the request with who took it. */
export const matterCommandSchema = z.discriminatedUnion(
  'type',
  // safeExtend keeps the classify command's refinement; its declared type loses the shapes, hence the cast.
  REQUEST_OPTIONS.map((o) => o.safeExtend({ actor: actorSchema })) as unknown as WithActor<typeof REQUEST_OPTIONS>,
);
export type MatterCommand = z.output<typeof matterCommandSchema>;
export type MatterCommandInput = z.input<typeof matterCommandSchema>;
export type CommandType = MatterCommand['type'];
export const COMMAND_TYPES: readonly CommandType[] = matterCommandSchema.options.map((o) => o.shape.type.value);
export const commandTypeSchema = z.enum(COMMAND_TYPES);

/** Each command's own fields, read off its schema: what a form asks for besides the envelope (who, when, why, documents). */
export const COMMAND_FIELDS = Object.fromEntries(
  matterCommandSchema.options.map((o): [CommandType, readonly string[]] => [o.shape.type.value, Object.keys(o.shape).filter((k) => !(k in envelope) && k !== 'type')]),
) as Readonly<Record<CommandType, readonly string[]>>;

export const COMMAND_LABELS: Readonly<Record<CommandType, string>> = {
  classify: '分类',
  guide: '导入法定途径',
  transfer: '转送',
  assign: '交办',
  accept: '受理',
  decline: '不予受理',
  startHandling: '开始办理',
  extend: '延期',
  reply: '答复',
  deliver: '送达',
  rate: '满意度评价',
  close: '办结',
  requestReview: '申请复查',
  reviewOpinion: '出具复查意见',
  requestReReview: '申请复核',
  reReviewOpinion: '出具复核意见',
  terminate: '终结',
  pauseForHearing: '听证记录',
  repeatVisit: '登记重复访',
  acceptSimplified: '受理并简易办理',
  report: '报送办结报告',
  settle: '调解（和解）结案',
  noticeHearing: '听证通知',
  orderRehandling: '复查：责令重新办理',
  higherLevelVisit: '登记上级通报的越级访',
  desist: '息诉罢访',
};

/** The documents a command usually produces, to preselect in the UI (not enforced). */
export const COMMAND_DOCUMENTS: Readonly<Record<CommandType, readonly DocumentKind[]>> = {
  classify: [],
  // Guiding into a legal route is told in writing with the route and the competent body (DOMAIN §3).
  guide: ['legal-route-notice'],
  transfer: ['transfer-notice'],
  assign: ['transfer-notice'],
  accept: ['acceptance-notice'],
  decline: ['non-acceptance-notice'],
  startHandling: [],
  extend: ['extension-notice'],
  reply: ['handling-opinion'],
  deliver: ['delivery-receipt'],
  rate: [],
  close: [],
  requestReview: [],
  reviewOpinion: ['review-opinion'],
  requestReReview: [],
  reReviewOpinion: ['re-review-opinion'],
  terminate: [],
  pauseForHearing: ['hearing-record'],
  repeatVisit: [],
  acceptSimplified: ['acceptance-notice'],
  report: [],
  // The one that fits the agreement's kind (commandDocuments).
  settle: [...Object.values(AGREEMENT_DOCUMENTS)],
  noticeHearing: ['hearing-notice'],
  orderRehandling: ['review-opinion'],
  higherLevelVisit: [],
  desist: [],
};

/** The documents a step offers with the fields chosen so far: for 调解/和解 only the agreement of its kind, once chosen. */
export function commandDocuments(type: CommandType, fields: { kind?: unknown }): readonly DocumentKind[] {
  if (type !== 'settle') return COMMAND_DOCUMENTS[type];
  const kind = settlementKindSchema.safeParse(fields.kind);
  return kind.success ? [AGREEMENT_DOCUMENTS[kind.data]] : [];
}
