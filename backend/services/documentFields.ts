// The values each printed document needs (resources/documents/<kind>.json), taken from the
// matter's file, the administrator's bureau settings and the organisation tree. Every body, route
// and reason goes in as words (DOMAIN.md §5); a value the file does not give is an error in words,
// never a blank or a guess. A protected reporter (检举控告) is never named in a notice that goes to a body.
import { CHANNEL_LABELS, type Channel } from '../../domain/intake/registration';
import { maskIdNumber } from '../../domain/identity/residentId';
import { DOCUMENT_TITLES, type DocumentKind } from '../../domain/documents/kinds';
import { ARTICLES, DECLINE_GROUNDS, routeInWords } from '../../domain/documents/wording';
import { DELIVERY_METHOD_LABELS } from '../../domain/matters/commands';
import { isLegalRoute } from '../../domain/matters/routes';
import { err, ok, type Result } from '../../domain/result';
import { maskName } from '../../domain/staff/roles';
import { lateRequestFields, noFurtherAcceptanceFields, opinionFields } from './opinionFields';
import { agreementFields, hearingNoticeFields, hearingRecordFields } from './outcomeFields';
import { cn, last, type DocumentSource, type Fields, type NoticeContext } from './noticeSource';

const subject = (summary: string) => summary.replace(/[。；;，,\s]+$/, '');
// The receipt's template words channels as the register does (走访, 网上信访).
const CHANNEL_WORDS: Record<Channel, string> = { visit: '走访', letter: '来信', online: '网上信访', phone: '电话' };

export function documentFields(kind: DocumentKind, s: DocumentSource, n: NoticeContext): Result<Fields> {
  const m = s.lifecycle;
  // Notices that travel to other bodies never name a protected reporter (条例 art. 30).
  const petitionerName = s.reporterProtected && (kind === 'transfer-notice' || kind === 'delivery-receipt') ? maskName(s.visitorName) : s.visitorName;
  const common: Fields = {
    matterNumber: s.matterNo,
    petitionerName,
    matterSubject: subject(s.summary),
    submittedAt: cn(s.receivedAt),
    issuingBody: n.bureau.name,
    sealText: n.bureau.seal,
    bureauName: n.bureau.name,
    bureauAddress: n.bureau.address,
    bureauPhone: n.bureau.phone,
    issueDate: cn(n.today),
  };
  const handlingBody = m.body ?? n.bureau.name;
  switch (kind) {
    case 'registration-receipt':
      return ok({
        ...common,
        registeredAt: cn(s.receivedAt),
        maskedIdNumber: maskIdNumber(s.idNumber),
        channel: CHANNEL_WORDS[s.channel as Channel] ?? CHANNEL_LABELS.visit,
        summary: s.summary,
        acceptanceDeadline: cn(s.acceptanceLastDay),
        contactPhone: n.bureau.phone,
      });
    case 'acceptance-notice':
      return ok({ ...common, article: ARTICLES.acceptance, acceptedAt: cn(m.acceptedOn), handlingBody, replyDeadline: cn(s.handlingLastDay) });
    case 'non-acceptance-notice': {
      const decline = last(s.commands, 'decline');
      if (!decline?.ground || (!decline.toBody && decline.ground !== 'terminated')) return err('notice_unavailable', '该事项没有载明不予受理情形和应向其提出的机关的不予受理决定，不能出具不予受理告知书');
      const ground = DECLINE_GROUNDS[decline.ground];
      return ok({
        ...common,
        groundFinding: ground.finding,
        reason: subject(decline.reason),
        article: ground.article,
        whereToGo: ground.whereToGo(decline.toBody),
      });
    }
    case 'legal-route-notice':
      if (!m.route || !isLegalRoute(m.route) || !m.body) return err('notice_unavailable', '该事项未分类为应通过法定途径解决的事项，不能出具导入法定途径告知书');
      return ok({ ...common, article: ARTICLES.legalRoute, legalRoute: routeInWords(m.route), competentBody: m.body });
    case 'transfer-notice': {
      const t = last(s.commands, 'transfer') ?? last(s.commands, 'assign');
      return ok({
        ...common,
        article: ARTICLES.transfer,
        transferType: t?.type === 'assign' ? '交办' : '转送',
        receivingBody: t?.toBody ?? m.body ?? '',
        transferredAt: cn(m.routedOn),
      });
    }
    case 'extension-notice': {
      const ext = last(s.commands, 'extend');
      return ok({
        ...common,
        article: ARTICLES.handlingPeriod,
        handlingBody,
        acceptedAt: cn(m.acceptedOn),
        originalDeadline: cn(s.originalHandlingLastDay),
        extensionReason: subject(ext?.reason ?? ''),
        extendedDeadline: cn(s.handlingLastDay),
      });
    }
    case 'handling-opinion':
    case 'review-opinion':
    case 're-review-opinion':
      return opinionFields(kind, s, n, common);
    case 'no-further-acceptance-notice':
      return noFurtherAcceptanceFields(s, n, common);
    case 'late-review-notice':
    case 'late-re-review-notice':
      return lateRequestFields(kind, s, n, common);
    case 'hearing-notice':
      return hearingNoticeFields(s, n, common);
    case 'hearing-record':
      return hearingRecordFields(s, n, common);
    case 'mediation-agreement':
    case 'reconciliation-agreement':
      return agreementFields(kind, s, n, common);
    case 'delivery-receipt':
      return ok({
        ...common,
        documentName: s.delivery ? DOCUMENT_TITLES[s.delivery.kind] : '',
        recipientName: s.delivery?.to ?? petitionerName,
        deliveryAddress: s.address || '（当面交付）',
        deliveryMethod: s.delivery ? DELIVERY_METHOD_LABELS[s.delivery.method] : '',
        deliveredBy: s.delivery?.by ?? '',
      });
  }
}
