// The values each printed document needs (resources/documents/<kind>.json), taken from the
// matter's file. A protected reporter (检举控告) is never named in a notice that goes to a body.
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import dayjs from 'dayjs';
import { CHANNEL_LABELS, type Channel } from '../../domain/intake/registration';
import { maskIdNumber } from '../../domain/identity/residentId';
import { DOCUMENT_TITLES, type DocumentKind } from '../../domain/documents/kinds';
import { DELIVERY_METHOD_LABELS, type DeliveryMethod, type MatterCommand, type Opinion } from '../../domain/matters/commands';
import type { MatterLifecycle } from '../../domain/matters/lifecycle';
import { maskName } from '../../domain/staff/roles';

export interface BureauSettings {
  issuingBody: string;
  reviewBody: string;
  reReviewBody: string;
  contactPhone: string;
}
export const DEFAULT_BUREAU: BureauSettings = { issuingBody: '县信访局', reviewBody: '县人民政府', reReviewBody: '市人民政府', contactPhone: '' };

export interface DocumentSource {
  matterNo: string;
  receivedAt: string;
  channel: string;
  summary: string;
  facts: string;
  visitorName: string;
  documentNumber: string;
  address: string;
  reporterProtected: boolean;
  lifecycle: MatterLifecycle;
  /** Commands applied so far, oldest first: replies and opinions carry the documents' texts. */
  commands: MatterCommand[];
  acceptanceLastDay: string | null;
  handlingLastDay: string | null;
  /** The handling deadline before any extension, for the 延期告知书. */
  originalHandlingLastDay: string | null;
  delivery?: { kind: DocumentKind; method: DeliveryMethod; to: string; at: string; by: string };
}

const cn = (d: string | null | undefined) => (d ? dayjs(d).format('YYYY年M月D日') : '');
// The receipt's template words channels as the register does (走访, 网上信访).
const CHANNEL_WORDS: Record<Channel, string> = { visit: '走访', letter: '来信', online: '网上信访', phone: '电话' };
const OPINION_WORDS: Record<Opinion, string> = { support: '支持', explain: '解释说明', 'not-support': '不予支持' };
// Our reading: a review "supports" the original opinion when it upholds it.
const REVIEW_WORDS: Record<Opinion, string> = { support: '维持原处理意见', explain: '变更原处理意见', 'not-support': '撤销原处理意见并责令重新办理' };
const RE_REVIEW_WORDS: Record<Opinion, string> = { support: '维持复查意见', explain: '变更复查意见', 'not-support': '撤销复查意见并责令重新办理' };

function last<T extends MatterCommand['type']>(cmds: MatterCommand[], type: T): Extract<MatterCommand, { type: T }> | undefined {
  return [...cmds].reverse().find((c): c is Extract<MatterCommand, { type: T }> => c.type === type);
}

export function documentFields(kind: DocumentKind, s: DocumentSource, bureau: BureauSettings, today: string): Record<string, string> {
  const m = s.lifecycle;
  // Notices that travel to other bodies never name a protected reporter (条例 art. 30).
  const petitionerName = s.reporterProtected && (kind === 'transfer-notice' || kind === 'delivery-receipt') ? maskName(s.visitorName) : s.visitorName;
  const common = {
    matterNumber: s.matterNo,
    petitionerName,
    matterSubject: s.summary.replace(/[。；;，,\s]+$/, ''),
    submittedAt: cn(s.receivedAt),
    issuingBody: bureau.issuingBody,
    issueDate: cn(today),
  };
  const reply = last(s.commands, 'reply');
  const review = last(s.commands, 'reviewOpinion');
  // A 复查 that ordered the matter handled again (责令重新办理) is the latest review when it came after any opinion.
  const rehandling = last(s.commands, 'orderRehandling');
  const reviewOrdered = rehandling !== undefined && (review === undefined || Date.parse(rehandling.at) > Date.parse(review.at));
  const reReview = last(s.commands, 'reReviewOpinion');
  const opinionBody = (text: string | undefined) => ({
    request: s.summary,
    facts: s.facts || s.summary,
    reasons: text ?? '',
    legalBasis: reply?.basis ?? '',
    opinionDetail: text ?? '',
  });
  switch (kind) {
    case 'registration-receipt':
      return {
        ...common,
        registeredAt: cn(s.receivedAt),
        maskedIdNumber: maskIdNumber(s.documentNumber),
        channel: CHANNEL_WORDS[s.channel as Channel] ?? CHANNEL_LABELS.visit,
        summary: s.summary,
        acceptanceDeadline: cn(s.acceptanceLastDay),
        contactPhone: bureau.contactPhone || '（见窗口公示电话）',
      };
    case 'acceptance-notice':
      return { ...common, acceptedAt: cn(m.acceptedOn), handlingBody: m.body ?? bureau.issuingBody, replyDeadline: cn(s.handlingLastDay) };
    case 'non-acceptance-notice': {
      const decline = last(s.commands, 'decline');
      const guided = m.state === 'guided' || last(s.commands, 'guide') !== undefined;
      return {
        ...common,
        reason: (decline?.reason || (guided ? '你反映的事项属于应当通过法定途径解决的事项' : '你反映的事项不属于信访受理范围')).replace(/[。；;，,\s]+$/, ''),
        legalRoute: m.route ?? '法定途径',
        competentBody: m.body ?? '有权处理的机关',
      };
    }
    case 'transfer-notice': {
      const t = last(s.commands, 'transfer') ?? last(s.commands, 'assign');
      return {
        ...common,
        transferType: t?.type === 'assign' ? '交办' : '转送',
        receivingBody: t?.toBody ?? m.body ?? '',
        transferredAt: cn(m.routedOn),
      };
    }
    case 'handling-opinion':
      return {
        ...common,
        acceptedAt: cn(m.acceptedOn),
        ...opinionBody(reply?.text),
        opinion: reply ? OPINION_WORDS[reply.opinion] : '',
        reviewBody: bureau.reviewBody,
      };
    case 'review-opinion':
      return {
        ...common,
        originalBody: m.body ?? bureau.issuingBody,
        originalOpinionDate: cn(m.repliedOn ?? (reply ? chinaDateOf(reply.at) : null)),
        reviewRequestedAt: cn(m.reviewRequestedOn),
        ...opinionBody(reviewOrdered ? rehandling.text : review?.text),
        opinion: reviewOrdered ? '撤销原处理意见，责令重新办理' : review ? REVIEW_WORDS[review.opinion] : '',
        reReviewBody: bureau.reReviewBody,
      };
    case 're-review-opinion':
      return {
        ...common,
        reviewBody: bureau.reviewBody,
        reviewOpinionDate: cn(m.reviewOpinionOn),
        reReviewRequestedAt: cn(m.reReviewRequestedOn),
        ...opinionBody(reReview?.text),
        opinion: reReview ? RE_REVIEW_WORDS[reReview.opinion] : '',
      };
    case 'extension-notice': {
      const ext = last(s.commands, 'extend');
      return {
        ...common,
        acceptedAt: cn(m.acceptedOn),
        originalDeadline: cn(s.originalHandlingLastDay),
        extensionReason: (ext?.reason ?? '').replace(/[。；;，,\s]+$/, ''),
        extendedDeadline: cn(s.handlingLastDay),
      };
    }
    case 'delivery-receipt':
      return {
        ...common,
        documentName: s.delivery ? DOCUMENT_TITLES[s.delivery.kind] : '',
        recipientName: s.delivery?.to ?? petitionerName,
        deliveryAddress: s.address || '（当面交付）',
        deliveryMethod: s.delivery ? DELIVERY_METHOD_LABELS[s.delivery.method] : '',
        deliveredBy: s.delivery?.by ?? '',
      };
  }
}
