// 依法分类处理 (DOMAIN.md §3): the rule that turns the wizard's answers (questions.ts) into a
// class, a route, an outcome (guide / transfer / accept), the kind of body responsible and the
// words the clerk tells the visitor. Pure: no I/O, no clock.
//
// Sources: 《信访工作条例》 (2022) art. 30 (检举控告, the reporter is protected) and art. 31
// (申诉求决, its six items in the order the law gives them), as DOMAIN.md cites them. The
// treatment of 建议意见 ("studied by the body with power and answered") follows DOMAIN.md §3;
// its article number is not cited here because we are not sure of it.
import { err, ok, type Result } from '../result';
import { classificationAnswersSchema, nextQuestion, QUESTION_BY_ID, type ClassificationAnswers } from './questions';
import {
  ADMINISTRATIVE_KIND_LABELS,
  complaintRouteSchema,
  LITIGATION_ORGAN_LABELS,
  type AdministrativeKind,
  type ClassificationOutcome,
  type ComplaintRoute,
  type LitigationOrgan,
  type MatterClass,
  type MatterRoute,
} from './routes';

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

/** What the visitor does in each administrative procedure (a penalty is not applied for: one is heard in it). */
const ADMINISTRATIVE_ACTION: Readonly<Record<AdministrativeKind, string>> = {
  reconsideration: '依法申请行政复议',
  adjudication: '依法申请行政裁决',
  confirmation: '依法申请行政确认',
  licensing: '依法申请行政许可',
  penalty: '在行政处罚程序中依法陈述、申辩或者申请听证',
};

const ART31 = '《信访工作条例》第三十一条';
const ITEM = ['一', '二', '三', '四', '五', '六'] as const;
const art31 = (route: ComplaintRoute) => `${ART31}第${ITEM[complaintRouteSchema.options.indexOf(route)]}项`;

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
