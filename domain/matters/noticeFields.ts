// What the steps that end in a written notice must record so that the notice can say it
// (DOMAIN.md §5): why a matter is not accepted and where to go instead (the decline's ground,
// prescreen.ts); the facts found by
// investigation and the reasons, apart from the opinion; and a review body's own basis and its own
// decision on the opinion under review. The fields are optional in the stored command, so that
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
