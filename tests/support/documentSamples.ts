// Sample values for every printed document, as the services would pass them: dates already
// written out in Chinese, the ID number already masked (DOMAIN.md §8).
import type { DocumentKind } from '../../domain/documents/kinds';

export const SAMPLE_MATTER_NUMBER = '410102-D001-2026-000123';

const common = {
  matterNumber: SAMPLE_MATTER_NUMBER,
  petitionerName: '张某某',
  matterSubject: '要求某建筑公司支付拖欠的劳务报酬',
  issuingBody: '郑州市中原区信访局',
  issueDate: '2026年1月8日',
};

const opinion = {
  request: '要求某建筑公司支付2025年5月至10月拖欠的劳务报酬共计36,800元。',
  facts:
    '经调查，你于2025年5月至10月在某建筑公司承建的某小区项目从事木工作业，该公司已支付部分报酬，尚欠28,600元；双方对其余8,200元的工作量存在争议。\n县人力资源和社会保障局已于2025年12月20日约谈该公司负责人。',
  reasons: '该公司拖欠劳务报酬的事实清楚，应当依法支付；有争议部分的工作量尚无证据证明。',
  legalBasis: '《保障农民工工资支付条例》第三条、第十一条的规定。',
};

export const SAMPLE_FIELDS: Readonly<Record<DocumentKind, Readonly<Record<string, string>>>> = {
  'registration-receipt': {
    ...common,
    registeredAt: '2026年1月5日',
    maskedIdNumber: '4101**********1234',
    channel: '走访',
    summary: '反映某建筑公司拖欠其2025年5月至10月的劳务报酬36,800元，多次索要未果，要求督促支付。',
    acceptanceDeadline: '2026年1月20日',
    contactPhone: '0371-12345678',
  },
  'acceptance-notice': {
    ...common,
    submittedAt: '2026年1月5日',
    acceptedAt: '2026年1月8日',
    handlingBody: '郑州市中原区人力资源和社会保障局',
    replyDeadline: '2026年3月9日',
  },
  'non-acceptance-notice': {
    ...common,
    submittedAt: '2026年1月5日',
    reason: '你反映的事项已由郑州市中原区人民法院立案审理，属于已经或者依法应当通过诉讼途径解决的事项',
    legalRoute: '诉讼',
    competentBody: '郑州市中原区人民法院',
  },
  'transfer-notice': {
    ...common,
    submittedAt: '2026年1月5日',
    transferType: '转送',
    receivingBody: '郑州市中原区人力资源和社会保障局',
    transferredAt: '2026年1月8日',
  },
  'handling-opinion': {
    ...common,
    issuingBody: '郑州市中原区人力资源和社会保障局',
    issueDate: '2026年3月2日',
    submittedAt: '2026年1月5日',
    acceptedAt: '2026年1月8日',
    ...opinion,
    opinion: '支持',
    opinionDetail: '责令某建筑公司于2026年3月31日前支付拖欠的劳务报酬28,600元；有争议的8,200元，你可以依法申请劳动争议仲裁或者提起诉讼。',
    reviewBody: '郑州市人力资源和社会保障局',
  },
  'review-opinion': {
    ...common,
    issuingBody: '郑州市人力资源和社会保障局',
    issueDate: '2026年4月20日',
    originalBody: '郑州市中原区人力资源和社会保障局',
    originalOpinionDate: '2026年3月2日',
    reviewRequestedAt: '2026年3月25日',
    ...opinion,
    opinion: '维持原处理意见',
    opinionDetail: '原处理意见认定事实清楚，适用依据正确，处理恰当。',
    reReviewBody: '郑州市人民政府',
  },
  're-review-opinion': {
    ...common,
    issuingBody: '郑州市人民政府',
    issueDate: '2026年6月10日',
    reviewBody: '郑州市人力资源和社会保障局',
    reviewOpinionDate: '2026年4月20日',
    reReviewRequestedAt: '2026年5月15日',
    ...opinion,
    opinion: '维持复查意见',
    opinionDetail: '复查意见认定事实清楚，适用依据正确，处理恰当。',
  },
  'extension-notice': {
    ...common,
    acceptedAt: '2026年1月8日',
    originalDeadline: '2026年3月9日',
    extensionReason: '该事项涉及多个用工主体，需进一步调查核实',
    extendedDeadline: '2026年4月8日',
  },
  'delivery-receipt': {
    matterNumber: SAMPLE_MATTER_NUMBER,
    documentName: '信访事项处理意见书',
    recipientName: '张某某',
    deliveryAddress: '郑州市中原区某某街道某某社区',
    deliveryMethod: '直接送达',
    deliveredBy: '李某、王某',
    issuingBody: '郑州市中原区信访局',
    issueDate: '2026年3月3日',
  },
};
