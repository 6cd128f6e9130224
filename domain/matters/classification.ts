// 依法分类处理 (DOMAIN.md §3): the classification wizard's questions and the rule that turns
// its answers into a class, a route, an outcome (guide / transfer / accept), the kind of body
// responsible and the words the clerk tells the visitor. Pure: no I/O, no clock.
//
// Sources: 《信访工作条例》 (2022) art. 30 (检举控告, the reporter is protected) and art. 31
// (申诉求决, its six items in the order the law gives them), as DOMAIN.md cites them. The
// treatment of 建议意见 ("studied by the body with power and answered") follows DOMAIN.md §3;
// its article number is not cited here because we are not sure of it.
import { z } from 'zod';
import { err, ok, type Result } from '../result';

// --- classes and routes

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
/** What the visitor does in each administrative procedure (a penalty is not applied for: one is heard in it). */
const ADMINISTRATIVE_ACTION: Readonly<Record<AdministrativeKind, string>> = {
  reconsideration: '依法申请行政复议',
  adjudication: '依法申请行政裁决',
  confirmation: '依法申请行政确认',
  licensing: '依法申请行政许可',
  penalty: '在行政处罚程序中依法陈述、申辩或者申请听证',
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

// --- the wizard's questions

export type QuestionId =
  | 'class'
  | 'accusedIsPublicOfficial'
  | 'litigation'
  | 'arbitration'
  | 'partyAppeal'
  | 'administrative'
  | 'dutyPerformance';

export type ClassificationQuestion = {
  id: QuestionId;
  /** The class the question belongs to; undefined for the first question. */
  appliesTo?: MatterClass;
  kind: 'choice' | 'yes-no';
  prompt: string;
  hint: string;
  /** For 'choice': the values and their labels ('no' = none of these). */
  options?: readonly { value: string; label: string }[];
};

/**
 * The wizard, in the order it asks. For 申诉求决 the questions follow art. 31 items 1–5 and
 * stop at the first that applies; when none applies the matter takes item 6.
 */
export const CLASSIFICATION_QUESTIONS: readonly ClassificationQuestion[] = [
  {
    id: 'class',
    kind: 'choice',
    prompt: '来访人反映的是哪一类事项？',
    hint: '建议意见：对工作提出建议、意见；检举控告：检举、揭发、控告机关、单位或工作人员的违纪违法行为；申诉求决：为自身权益提出申诉或诉求。',
    options: matterClassSchema.options.map((value) => ({ value, label: CLASS_LABELS[value] })),
  },
  {
    id: 'accusedIsPublicOfficial',
    appliesTo: 'accusation',
    kind: 'yes-no',
    prompt: '被检举控告的是党组织、党员或行使公权力的公职人员吗？',
    hint: '是：转纪检监察机关；否：转有权处理的机关、单位。检举人的身份和材料一律不得透露给被检举人或单位。',
  },
  {
    id: 'litigation',
    appliesTo: 'complaint',
    kind: 'choice',
    prompt: '该诉求是否应当通过诉讼、复议、检察或公安程序处理（含未依法终结的涉法涉诉事项）？',
    hint: '审判机关的诉讼程序或复议程序、检察机关的刑事立案或法律监督程序、公安机关的法律程序。',
    options: [
      ...litigationOrganSchema.options.map((value) => ({ value, label: LITIGATION_ORGAN_LABELS[value] })),
      { value: 'no', label: '不属于' },
    ],
  },
  {
    id: 'arbitration',
    appliesTo: 'complaint',
    kind: 'yes-no',
    prompt: '该诉求是否应当通过仲裁解决？',
    hint: '如劳动人事争议、农村土地承包经营纠纷等。',
  },
  {
    id: 'partyAppeal',
    appliesTo: 'complaint',
    kind: 'yes-no',
    prompt: '该诉求是否可以通过党员申诉、申请复审等途径解决？',
    hint: '如党员对所受处分不服提出申诉，或申请复审。',
  },
  {
    id: 'administrative',
    appliesTo: 'complaint',
    kind: 'choice',
    prompt: '该诉求是否可以通过行政程序解决？是哪一种？',
    hint: '行政复议、行政裁决、行政确认、行政许可、行政处罚。',
    options: [
      ...administrativeKindSchema.options.map((value) => ({ value, label: ADMINISTRATIVE_KIND_LABELS[value] })),
      { value: 'no', label: '不属于' },
    ],
  },
  {
    id: 'dutyPerformance',
    appliesTo: 'complaint',
    kind: 'yes-no',
    prompt: '该诉求是否属于申请查处违法行为，或请求保护人身权、财产权等合法权益？',
    hint: '是：由负有法定职责的机关依法履行职责或答复；否：按信访程序办理。',
  },
];

export const QUESTION_BY_ID: Readonly<Record<QuestionId, ClassificationQuestion>> = Object.fromEntries(
  CLASSIFICATION_QUESTIONS.map((q) => [q.id, q]),
) as Record<QuestionId, ClassificationQuestion>;

// --- answers

/**
 * The wizard's answers. For 申诉求决 the later answers are needed only while the earlier ones are
 * 'no'/false (the wizard stops at the first route that applies), so they are optional here and
 * `classify` reports the first missing one.
 */
export const classificationAnswersSchema = z.discriminatedUnion('class', [
  z.strictObject({ class: z.literal('suggestion') }),
  z.strictObject({ class: z.literal('accusation'), accusedIsPublicOfficial: z.boolean() }),
  z.strictObject({
    class: z.literal('complaint'),
    litigation: z.union([litigationOrganSchema, z.literal('no')]).optional(),
    arbitration: z.boolean().optional(),
    partyAppeal: z.boolean().optional(),
    administrative: z.union([administrativeKindSchema, z.literal('no')]).optional(),
    dutyPerformance: z.boolean().optional(),
  }),
]);
export type ClassificationAnswers = z.infer<typeof classificationAnswersSchema>;

export type Classification = {
  class: MatterClass;
  route: MatterRoute;
  outcome: ClassificationOutcome;
  /** The kind of body, e.g. 人民法院; the clerk picks the actual unit. */
  responsibleBodyKind: string;
  /** For 'administrative': which procedure. */
  administrativeKind?: AdministrativeKind;
  /** For 'litigation-etc': which organ. */
  litigationOrgan?: LitigationOrgan;
  /** 检举控告: the reporter's identity and materials must not reach the accused (条例 art. 30). */
  protectReporter: boolean;
  /** Where the rule comes from, for the notice and the UI. */
  basis: string;
  /** What the clerk tells the visitor (and writes in the notice). */
  visitorText: string;
};

const ART31 = '《信访工作条例》第三十一条';
const ITEM = ['一', '二', '三', '四', '五', '六'] as const;
const art31 = (route: ComplaintRoute) => `${ART31}第${ITEM[complaintRouteSchema.options.indexOf(route)]}项`;

/**
 * The next question the wizard must ask, or null when the answers are enough to classify.
 * Invalid answers (wrong shape) also give null: validate with classificationAnswersSchema first.
 */
export function nextQuestion(answers: Partial<ClassificationAnswers> | undefined): QuestionId | null {
  if (!answers || answers.class === undefined) return 'class';
  if (answers.class === 'suggestion') return null;
  if (answers.class === 'accusation') return 'accusedIsPublicOfficial' in answers && answers.accusedIsPublicOfficial !== undefined ? null : 'accusedIsPublicOfficial';
  const a = answers as Partial<Extract<ClassificationAnswers, { class: 'complaint' }>>;
  if (a.litigation === undefined) return 'litigation';
  if (a.litigation !== 'no') return null;
  if (a.arbitration === undefined) return 'arbitration';
  if (a.arbitration) return null;
  if (a.partyAppeal === undefined) return 'partyAppeal';
  if (a.partyAppeal) return null;
  if (a.administrative === undefined) return 'administrative';
  if (a.administrative !== 'no') return null;
  if (a.dutyPerformance === undefined) return 'dutyPerformance';
  return null;
}

/**
 * Classify from the wizard's answers. Errors: 'invalid_answers' (wrong shape) and
 * 'incomplete_answers' (field = the question still to answer).
 */
export function classify(input: unknown): Result<Classification> {
  const parsed = classificationAnswersSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err('invalid_answers', `分类答案不完整或有误：${issue?.message ?? ''}`, issue?.path.join('.') || undefined);
  }
  const answers = parsed.data;
  const missing = nextQuestion(answers);
  if (missing) return err('incomplete_answers', `请先回答：${QUESTION_BY_ID[missing].prompt}`, missing);

  switch (answers.class) {
    case 'suggestion':
      return ok({
        class: 'suggestion',
        route: 'study-and-reply',
        outcome: 'transfer',
        responsibleBodyKind: '有权处理的机关、单位',
        protectReporter: false,
        basis: '《信访工作条例》关于建议意见类事项的规定',
        visitorText:
          '您提出的建议意见已登记，我们将转送有权处理的机关、单位研究论证；对科学合理、切实可行的建议意见，有关机关、单位将采纳或部分采纳并予以答复。',
      });
    case 'accusation': {
      const discipline = answers.accusedIsPublicOfficial;
      const body = discipline ? '纪检监察机关' : '有权处理的机关、单位';
      return ok({
        class: 'accusation',
        route: discipline ? 'discipline-inspection' : 'competent-body',
        outcome: 'transfer',
        responsibleBodyKind: body,
        protectReporter: true,
        basis: '《信访工作条例》第三十条',
        visitorText: `您反映的检举控告事项已登记，我们将依照《信访工作条例》第三十条转送${body}依规依纪依法处理。您的身份信息和检举材料将严格保密，不会透露或转给被检举控告的人员或单位。`,
      });
    }
    case 'complaint':
      return ok(classifyComplaint(answers));
  }
}

function classifyComplaint(a: Extract<ClassificationAnswers, { class: 'complaint' }>): Classification {
  const base = { class: 'complaint' as const, protectReporter: false };
  if (a.litigation !== undefined && a.litigation !== 'no') {
    const body = LITIGATION_ORGAN_LABELS[a.litigation];
    return {
      ...base,
      route: 'litigation-etc',
      outcome: 'guide',
      responsibleBodyKind: body,
      litigationOrgan: a.litigation,
      basis: art31('litigation-etc'),
      visitorText: `您反映的事项依法应当通过${body}的法定程序处理。根据${ART31}，我们引导您向${body}依法提出，信访渠道不替代法定程序；具体途径将以书面形式告知您。`,
    };
  }
  if (a.arbitration) {
    return {
      ...base,
      route: 'arbitration',
      outcome: 'guide',
      responsibleBodyKind: '仲裁委员会',
      basis: art31('arbitration'),
      visitorText: `您反映的事项依法应当通过仲裁解决。根据${ART31}，我们引导您向有管辖权的仲裁委员会（如劳动人事争议仲裁委员会、农村土地承包仲裁委员会）申请仲裁；具体途径将以书面形式告知您。`,
    };
  }
  if (a.partyAppeal) {
    return {
      ...base,
      route: 'party-appeal',
      outcome: 'guide',
      responsibleBodyKind: '党组织或纪检监察机关',
      basis: art31('party-appeal'),
      visitorText: `您反映的事项可以通过党员申诉、申请复审等途径解决。根据${ART31}，我们引导您向有关党组织或纪检监察机关提出；具体途径将以书面形式告知您。`,
    };
  }
  if (a.administrative !== undefined && a.administrative !== 'no') {
    const procedure = ADMINISTRATIVE_KIND_LABELS[a.administrative];
    const body = a.administrative === 'reconsideration' ? '行政复议机关' : '有权处理的行政机关';
    return {
      ...base,
      route: 'administrative',
      outcome: 'guide',
      responsibleBodyKind: body,
      administrativeKind: a.administrative,
      basis: art31('administrative'),
      visitorText: `您反映的事项可以通过${procedure}程序解决。根据${ART31}，我们引导您向${body}${ADMINISTRATIVE_ACTION[a.administrative]}；具体途径将以书面形式告知您。`,
    };
  }
  if (a.dutyPerformance) {
    return {
      ...base,
      route: 'duty-performance',
      outcome: 'transfer',
      responsibleBodyKind: '负有法定职责的行政机关',
      basis: art31('duty-performance'),
      visitorText: `您反映的事项属于申请查处违法行为或保护合法权益。根据${ART31}，我们将转送负有法定职责的机关依法履行职责或予以答复。`,
    };
  }
  return {
    ...base,
    route: 'petition-procedure',
    outcome: 'accept',
    responsibleBodyKind: '有权处理的机关、单位',
    basis: art31('petition-procedure'),
    visitorText: `您反映的事项按信访程序办理。根据${ART31}，有权处理的机关、单位将听取您陈述事实和理由、调查核实，并出具信访处理意见书；受理情况将在15日内书面告知您。`,
  };
}
