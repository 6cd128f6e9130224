// What the steps that end in a written notice must record so that the notice can say it
// (DOMAIN.md §5): why a matter is not accepted and where to go instead (the decline's ground,
// prescreen.ts); the facts found by
// investigation and the reasons, apart from the opinion; and a review body's own basis and its own
// decision on the opinion under review; when and where a hearing is held and what its record
// says; the other party to an agreement (调解 / 和解). The fields are optional in the stored command, so that
// commands recorded before they existed still read (a device upgrades late), and required of every
// new request (requireNoticeFields).
import { z } from 'zod';
import { requiredText as text } from '../schema/text';

/** A review body's decision on the opinion under review: 维持 when it stands, 撤销 or 变更 when it does not. */
export const reviewDecisionSchema = z.enum(['uphold', 'revoke', 'modify']);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;
export const REVIEW_DECISION_LABELS: Readonly<Record<ReviewDecision, string>> = { uphold: '维持', revoke: '撤销', modify: '变更' };

/**
 * The decision follows from whether the request is supported (DOMAIN.md §5): a supported request
 * means the opinion under review does not stand (撤销 or 变更); explained or not supported, it stands (维持).
 */
// The opinion is commands.ts's opinionSchema value; typed as a string here, since commands.ts imports this file.
export const decisionFitsOpinion = (opinion: string, decision: ReviewDecision): boolean => (decision === 'uphold') === (opinion !== 'support');

export const replyNoticeFields = {
  /** 调查核实: what the investigation found, never the petitioner's own account. */
  factsFound: text('调查核实的事实', 20000).optional(),
  reasons: text('处理理由', 20000).optional(),
};

/** A 复查 that orders the matter handled again revokes the opinion: its notice states facts, reasons and basis too. */
export const rehandlingNoticeFields = {
  ...replyNoticeFields,
  basis: text('法律法规依据', 2000).optional(),
};

export const reviewNoticeFields = {
  ...rehandlingNoticeFields,
  decision: reviewDecisionSchema.optional(),
  basis: text('法律法规依据', 2000).optional(),
};

/** The hearing notice gives the hour as well as the day (24-hour, Beijing time). */
export const hearingNoticeFields = {
  hearingTime: z
    .string({ error: '请填写听证时间' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '听证时间应为“时:分”，如 09:30' })
    .optional(),
};

/** The hearing record (听证笔录): who took part, what they stated, and the facts the hearing established. */
export const hearingRecordFields = {
  participants: text('听证参加人', 2000).optional(),
  statements: text('听证参加人的陈述', 20000).optional(),
  factsHeard: text('听证查明的事实', 20000).optional(),
};

/** 条例 art. 33 speaks of the two parties to the dispute: the agreement names the other one. */
export const agreementFields = {
  otherParty: text('对方当事人', 200).optional(),
};

const REQUIRED: Readonly<Record<string, readonly [string, string][]>> = {
  decline: [
    ['ground', '不予受理的情形'],
    ['toBody', '应向其提出的机关'],
  ],
  reply: [
    ['factsFound', '调查核实的事实'],
    ['reasons', '处理理由'],
  ],
  reviewOpinion: [
    ['factsFound', '调查核实的事实'],
    ['reasons', '复查理由'],
    ['basis', '法律法规依据'],
    ['decision', '对原处理意见的决定'],
  ],
  orderRehandling: [
    ['factsFound', '调查核实的事实'],
    ['reasons', '复查理由'],
    ['basis', '法律法规依据'],
  ],
  reReviewOpinion: [
    ['factsFound', '调查核实的事实'],
    ['reasons', '复核理由'],
    ['basis', '法律法规依据'],
    ['decision', '对复查意见的决定'],
  ],
  noticeHearing: [['hearingTime', '听证时间']],
  pauseForHearing: [
    ['participants', '听证参加人'],
    ['statements', '听证参加人的陈述'],
    ['factsHeard', '听证查明的事实'],
  ],
  settle: [['otherParty', '对方当事人']],
};

/** A new request must carry what its notice will say, and a review's decision must follow from its opinion. */
export function requireNoticeFields(c: { type: string } & Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const [field, label] of REQUIRED[c.type] ?? []) {
    // A terminated matter raised again is simply not accepted again: there is no body to send it to.
    if (field === 'toBody' && c.ground === 'terminated') continue;
    if (c[field] === undefined || c[field] === '') ctx.addIssue({ code: 'custom', message: `请填写${label}`, path: [field] });
  }
  const { opinion, decision } = c as { opinion?: string; decision?: ReviewDecision };
  if (opinion && decision && !decisionFitsOpinion(opinion, decision)) {
    const message =
      opinion === 'support' ? '请求予以支持的，原意见应予撤销或变更，不能维持' : '请求未予支持的，原意见应予维持，不能撤销或变更';
    ctx.addIssue({ code: 'custom', message, path: ['decision'] });
  }
}
