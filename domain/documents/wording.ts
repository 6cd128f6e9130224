// The words the notices use for what the software keeps as codes (DOMAIN.md §5: every body, route
// and reason in words, never a code) and the article of the 条例 each notice cites. One table, so
// a wrong article is corrected in one place.
//
// Article numbers follow DOMAIN.md. It marks arts. 21–23, 27–30, 34–36, 38–40 and 46 as checked
// against the official text. The rules on matters pending elsewhere and on 逐级走访 are cited by
// name, their numbers being DOMAIN.md's reconstruction (as prescreen.ts does); arts. 31 (the six
// routes, and in its item 6 the hearing), 32 (the handling opinion) and 33 (调解 / 和解) are
// printed as DOMAIN.md gives them, to be checked before release.
import type { ReviewDecision } from '../matters/noticeFields';
import type { DeclineGround } from '../matters/prescreen';
import type { ComplaintRoute, MatterRoute } from '../matters/routes';
import type { Opinion } from '../matters/commands';
import type { MatterState } from '../matters/states';

export const ARTICLES = {
  /** The bureau registers, transfers or assigns within 15 days (转送、交办). */
  transfer: '第二十一条',
  /** A body tells the petitioner in writing, within 15 days, that it accepted the matter and how it is handled. */
  acceptance: '第二十二条',
  /** Guiding a complaint into the legal route that the law provides for it. */
  legalRoute: '第三十一条',
  /** The handling opinion: request, facts, reasons, opinion (support / explain / not support) and its basis. */
  handlingOpinion: '第三十二条',
  /** Art. 31 item 6: a major, complex or difficult matter in the petition procedure may be heard (听证). */
  hearing: '第三十一条第六项',
  /** 调解 with both parties' consent, or 和解 they reach; an agreement is drawn up (调解协议书 / 和解协议书). */
  settlement: '第三十三条',
  /** 60 days from acceptance; up to 30 more with the head's approval, the reason told. */
  handlingPeriod: '第三十四条',
  /** 复查: asked within 30 days of the written reply, to the body above; answered within 30 days. */
  review: '第三十五条',
  /** 复核: asked within 30 days of the review opinion, to the body above that; no further acceptance after it. */
  reReview: '第三十六条',
} as const;

/**
 * A hearing by the stage it is held in: the body that holds it, what it cites, and whether its days
 * count. Only in the 复核 are they not counted (art. 36, DOMAIN.md §4); elsewhere they count,
 * the law saying nothing to stop the clock (our reading, as the lifecycle counts them).
 */
export type HearingStage = 'handling' | 'review' | 're-review';
export const HEARING_STAGES: Readonly<Record<HearingStage, { article: string; stage: string; period: string }>> = {
  handling: { article: ARTICLES.hearing, stage: '办理', period: '听证所需时间计算在办理期限内。' },
  review: { article: ARTICLES.hearing, stage: '复查', period: '听证所需时间计算在复查期限内。' },
  're-review': { article: ARTICLES.reReview, stage: '复核', period: '听证所需时间不计算在复核期限内。' },
};

/** The stage a hearing noticed in `state` belongs to: where the handling body or a review body works on the matter. */
export function hearingStageOf(state: MatterState): HearingStage | null {
  if (state === 'handling' || state === 'extended') return 'handling';
  if (state === 'review-requested') return 'review';
  return state === 're-review-requested' ? 're-review' : null;
}

/** Each ground for not accepting, in words, with what it cites (printed after 《信访工作条例》) and where the petitioner is sent. */
export const DECLINE_GROUNDS: Readonly<Record<DeclineGround, { article: string; finding: string; whereToGo: (body: string) => string }>> = {
  terminated: {
    article: ARTICLES.reReview,
    finding: '你反映的事项已经办理、复查、复核并已终结，你仍以同一事实和理由提出',
    whereToGo: () => '该事项不再受理。本次来访已登记，请你理性对待处理结论。',
  },
  'skip-level': {
    article: '关于逐级走访',
    finding: '你采用走访形式越级提出信访事项，本机关不是依法有权处理该事项的本级或者上一级机关',
    whereToGo: (body) => `请你逐级走访，向${body}提出。`,
  },
  'pending-elsewhere': {
    article: '关于信访事项在办理期间不重复受理',
    finding: '你反映的事项已经有权处理的机关受理并正在办理期限内，你又就同一事项向本机关提出',
    whereToGo: (body) => `该事项正在${body}办理，请你向${body}了解办理情况，等待其书面答复。`,
  },
  'outside-powers': {
    article: ARTICLES.acceptance,
    finding: '你反映的事项不属于本机关职权范围',
    whereToGo: (body) => `请你向${body}提出。`,
  },
};

/** Routes 1–4 of art. 31 as a notice names them: the procedure the petitioner is guided into. */
export const LEGAL_ROUTE_WORDS: Readonly<Record<ComplaintRoute, string>> = {
  'litigation-etc': '诉讼、复议、检察或者公安机关的法律程序',
  arbitration: '仲裁程序',
  'party-appeal': '党员申诉、申请复审程序',
  administrative: '行政复议、行政裁决、行政确认、行政许可、行政处罚等行政程序',
  'duty-performance': '有关机关依法履行职责的程序',
  'petition-procedure': '信访程序',
};

/** The route in words, for any route a classified matter carries. */
export function routeInWords(route: MatterRoute): string {
  return (LEGAL_ROUTE_WORDS as Partial<Record<MatterRoute, string>>)[route] ?? '信访程序';
}

/** Art. 32's three outcomes as a notice states them about the request. */
export const OPINION_WORDS: Readonly<Record<Opinion, string>> = {
  support: '予以支持',
  explain: '作出解释说明',
  'not-support': '不予支持',
};

/** A review body's decision on the earlier opinion, as a sentence about it. */
export function decisionInWords(decision: ReviewDecision, what: string): string {
  return { uphold: `维持${what}`, revoke: `撤销${what}`, modify: `变更${what}` }[decision];
}
