// The values of the opinions (处理意见书, 复查意见书, 复核意见书) and of the notices that refuse a
// request after them (逾期复查/复核, 不再受理), DOMAIN.md §5. Each opinion is issued by its own
// body — the handling body, the body above it, the body above that, read off the organisation
// tree — and states its own facts found, reasons, basis and decision; the remedy names the next
// body and its 30 days.
import type { DocumentKind } from '../../domain/documents/kinds';
import { ARTICLES, decisionInWords, OPINION_WORDS } from '../../domain/documents/wording';
import { reviewBodyFor, type ReviewLevel } from '../../domain/reference/organisation';
import { err, ok, type Result } from '../../domain/result';
import type { MatterCommand } from '../../domain/matters/commands';
import { cn, last, type DocumentSource, type Fields, type NoticeContext } from './noticeSource';

/**
 * The review's own act: a 复查意见 or an order to handle the matter again, which supports the
 * request and revokes the opinion (DOMAIN.md §5), whichever came last.
 */
function latestReview(cmds: MatterCommand[]) {
  const c = [...cmds].reverse().find((x) => x.type === 'reviewOpinion' || x.type === 'orderRehandling');
  if (c?.type === 'orderRehandling') return { ...c, opinion: 'support' as const, decision: 'revoke' as const, rehandle: true };
  return c?.type === 'reviewOpinion' ? { ...c, rehandle: false } : undefined;
}

const LEVEL_WORDS: Record<ReviewLevel, string> = { review: '复查', 're-review': '复核' };

/** The body that reviews at `level`, or an error telling the administrator what the tree lacks. */
export function reviewer(s: DocumentSource, n: NoticeContext, level: ReviewLevel): Result<string> {
  const handling = s.lifecycle.body;
  if (!handling) return err('notice_unavailable', '该事项没有办理机关，无法确定复查、复核机关');
  const body = reviewBodyFor(n.organisations, handling, level);
  if (body) return ok(body.name);
  const above = level === 'review' ? handling : (n.organisations.parentOf(handling)?.name ?? handling);
  return err('review_body_unknown', `组织机构中没有“${above}”的上一级机关，无法确定${LEVEL_WORDS[level]}机关。请管理员在“文书设置”中补充组织机构`);
}

/** The shared body of the three opinions: the request, the facts found by investigation, reasons and basis. */
const opinionBody = (s: DocumentSource, c: { factsFound?: string; reasons?: string; basis?: string; opinion: keyof typeof OPINION_WORDS; text: string } | undefined) => ({
  request: s.summary,
  factsFound: c?.factsFound ?? '',
  reasons: c?.reasons ?? '',
  legalBasis: c?.basis ?? '',
  opinion: c ? OPINION_WORDS[c.opinion] : '',
  opinionDetail: c?.text ?? '',
});

export function opinionFields(kind: 'handling-opinion' | 'review-opinion' | 're-review-opinion', s: DocumentSource, n: NoticeContext, common: Fields): Result<Fields> {
  const m = s.lifecycle;
  const handling = m.body ?? n.bureau.name;
  const review = reviewer(s, n, 'review');
  if (!review.ok) return review;
  // An opinion is the issuing body's own act: its name stands at the foot, and that body seals it.
  if (kind === 'handling-opinion') {
    const reply = last(s.commands, 'reply');
    return ok({ ...common, issuingBody: handling, article: ARTICLES.handlingOpinion, acceptedAt: cn(m.acceptedOn), ...opinionBody(s, reply), reviewBody: review.value });
  }
  const reReview = reviewer(s, n, 're-review');
  if (!reReview.ok) return reReview;
  if (kind === 'review-opinion') {
    const c = latestReview(s.commands);
    return ok({
      ...common,
      issuingBody: review.value,
      article: ARTICLES.review,
      originalBody: handling,
      originalOpinionDate: cn(m.repliedOn),
      reviewRequestedAt: cn(m.reviewRequestedOn),
      ...opinionBody(s, c),
      decision: c?.decision ? decisionInWords(c.decision, `${handling}于${cn(m.repliedOn)}作出的信访处理意见`) + (c.rehandle ? `，责令${handling}重新办理` : '') : '',
      reReviewBody: reReview.value,
    });
  }
  const c = last(s.commands, 'reReviewOpinion');
  return ok({
    ...common,
    issuingBody: reReview.value,
    article: ARTICLES.reReview,
    reviewBody: review.value,
    reviewOpinionDate: cn(m.reviewOpinionOn),
    reReviewRequestedAt: cn(m.reReviewRequestedOn),
    ...opinionBody(s, c),
    decision: c?.decision ? decisionInWords(c.decision, `${review.value}于${cn(m.reviewOpinionOn)}作出的复查意见`) : '',
  });
}

/** 条例 art. 36: a terminated matter raised again on the same facts is not accepted; the notice says by whom it was last decided. */
export function noFurtherAcceptanceFields(s: DocumentSource, n: NoticeContext, common: Fields): Result<Fields> {
  const m = s.lifecycle;
  if (m.state !== 'terminated' || !m.terminatedOn) return err('notice_unavailable', '该事项尚未终结，不能出具不再受理告知书');
  const reReview = reviewer(s, n, 're-review');
  if (!reReview.ok) return reReview;
  return ok({
    ...common,
    article: ARTICLES.reReview,
    requestedAt: cn(n.today),
    reReviewBody: reReview.value,
    reReviewOpinionDate: cn(m.reReviewOpinionOn),
    terminatedAt: cn(m.terminatedOn),
  });
}

/** Arts. 35–36: a 复查 or 复核 asked after its 30 days is refused, with the day the window closed. */
export function lateRequestFields(kind: Extract<DocumentKind, 'late-review-notice' | 'late-re-review-notice'>, s: DocumentSource, n: NoticeContext, common: Fields): Result<Fields> {
  const m = s.lifecycle;
  const level: ReviewLevel = kind === 'late-review-notice' ? 'review' : 're-review';
  const stateFits = level === 'review' ? ['delivered', 'rated', 'closed'].includes(m.state) : m.state === 'review-opinion';
  const delivered = level === 'review' ? m.replyDeliveredOn : m.reviewOpinionDeliveredOn;
  const words = LEVEL_WORDS[level];
  if (!stateFits || !delivered) return err('notice_unavailable', `该事项当前不处于可以请求${words}的阶段，不能出具${words}请求不予受理告知书`);
  const windowLastDay = n.engine.deadlineFor(level === 'review' ? 'review-request' : 're-review-request', delivered);
  if (n.today <= windowLastDay) return err('request_in_time', `请求${words}的期限至${cn(windowLastDay)}，尚未届满，应当受理${words}请求`);
  const body = reviewer(s, n, level);
  if (!body.ok) return body;
  return ok({
    ...common,
    article: level === 'review' ? ARTICLES.review : ARTICLES.reReview,
    requestedAt: cn(n.today),
    deliveredAt: cn(delivered),
    earlierDocument: level === 'review' ? '信访处理意见书' : '复查意见书',
    windowLastDay: cn(windowLastDay),
    [level === 'review' ? 'reviewBody' : 'reReviewBody']: body.value,
  });
}
