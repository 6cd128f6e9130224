// The fields each lifecycle command asks for beyond the common envelope (time, reason,
// documents), named as matterCommandSchema names them (COMMAND_FIELDS reads the names off it),
// so the form's values go to the backend as they are.
import { DatePicker, Form, Input, InputNumber, Radio, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { SKIP_LEVEL_LABELS, skipLevelSchema } from '../../../domain/intake/flags';
import {
  DELIVERY_METHOD_LABELS,
  deliveryMethodSchema,
  OPINION_LABELS,
  opinionSchema,
  RATING_LABELS,
  ratingSchema,
  SETTLEMENT_LABELS,
  settlementKindSchema,
  type CommandType,
} from '../../../domain/matters/commands';
import { decisionFitsOpinion, REVIEW_DECISION_LABELS, reviewDecisionSchema } from '../../../domain/matters/noticeFields';
import { DECLINE_GROUND_LABELS, declineGroundSchema } from '../../../domain/matters/prescreen';

/** The envelope's reason is required for these two and says what it is (commands.ts). */
export const REASON_LABELS: Partial<Record<CommandType, string>> = { decline: '不予受理理由', extend: '延期理由（将告知信访人）' };

const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];

const longText = (name: string, label: string, rows = 4) => (
  <Form.Item name={name} label={label} rules={required(label)}>
    <Input.TextArea rows={rows} maxLength={20000} />
  </Form.Item>
);
// A day the step sets (the 交办's report, the hearing): sent as YYYY-MM-DD (CommandDialog).
const dayItem = (name: string, label: string, extra?: string) => (
  <Form.Item name={name} label={label} rules={[{ required: true, message: `请选择${label}` }]} extra={extra}>
    <DatePicker format="YYYY-MM-DD" data-testid={`field-${name}`} />
  </Form.Item>
);

const opinionItem = (
  <Form.Item name="opinion" label="处理意见类型" rules={[{ required: true, message: '请选择意见类型' }]}>
    <Radio.Group options={opinionSchema.options.map((o) => ({ value: o, label: OPINION_LABELS[o] }))} />
  </Form.Item>
);

// What an opinion states apart from its outcome (DOMAIN.md §5): the facts the investigation found
// (not the petitioner's account), the reasons, and the legal basis.
const findingsItems = (reasonsLabel: string) => (
  <>
    <Form.Item name="factsFound" label="调查核实的事实" rules={required('调查核实的事实')} extra="写经调查核实查明的事实，不是信访人自己的陈述">
      <Input.TextArea rows={3} maxLength={20000} />
    </Form.Item>
    <Form.Item name="reasons" label={reasonsLabel} rules={required(reasonsLabel)}>
      <Input.TextArea rows={2} maxLength={20000} />
    </Form.Item>
    <Form.Item name="basis" label="法律法规依据" rules={required('法律法规依据')}>
      <Input.TextArea rows={2} maxLength={2000} />
    </Form.Item>
  </>
);

/** The review body's decision on the earlier opinion: only the ones that follow from the opinion on the request are offered. */
function DecisionItem({ earlier }: { earlier: string }) {
  return (
    <Form.Item noStyle dependencies={['opinion']}>
      {({ getFieldValue }) => {
        const opinion = getFieldValue('opinion') as (typeof opinionSchema.options)[number] | undefined;
        const options = reviewDecisionSchema.options.filter((d) => !opinion || decisionFitsOpinion(opinion, d));
        return (
          <Form.Item name="decision" label={`对${earlier}的决定`} rules={[{ required: true, message: `请选择对${earlier}的决定` }]} extra="请求予以支持的，撤销或变更；未予支持的，维持">
            <Radio.Group options={options.map((d) => ({ value: d, label: REVIEW_DECISION_LABELS[d] }))} />
          </Form.Item>
        );
      }}
    </Form.Item>
  );
}

export function CommandFields({ type }: { type: CommandType }) {
  switch (type) {
    case 'decline':
      return (
        <>
          <Form.Item name="ground" label="不予受理的情形" rules={[{ required: true, message: '请选择不予受理的情形' }]}>
            <Radio.Group options={declineGroundSchema.options.map((g) => ({ value: g, label: DECLINE_GROUND_LABELS[g] }))} />
          </Form.Item>
          <Form.Item name="toBody" label="应向其提出的机关" rules={required('应向其提出的机关')} extra="写机关全称，例如：郑州市中原区人民法院">
            <Input maxLength={100} />
          </Form.Item>
        </>
      );
    case 'transfer':
    case 'assign': {
      const label = type === 'transfer' ? '转送单位' : '交办单位';
      return (
        <>
          <Form.Item name="toBody" label={label} rules={required(label)}>
            <Input maxLength={100} />
          </Form.Item>
          {type === 'assign' && dayItem('dueOn', '办结报告期限', '交办机关确定的期限，承办单位届时报送办结报告')}
        </>
      );
    }
    case 'settle':
      return (
        <>
          <Form.Item name="kind" label="结案方式" rules={[{ required: true, message: '请选择调解或和解' }]}>
            <Radio.Group options={settlementKindSchema.options.map((k) => ({ value: k, label: SETTLEMENT_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="otherParty" label="对方当事人" rules={required('对方当事人')}>
            <Input maxLength={200} />
          </Form.Item>
          {longText('agreement', '协议内容')}
        </>
      );
    case 'noticeHearing':
      return (
        <>
          {dayItem('hearingOn', '听证日期')}
          {/* Sent as HH:mm, the hour the notice prints. */}
          <Form.Item
            name="hearingTime"
            label="听证时间"
            rules={[{ required: true, message: '请选择听证时间' }]}
            normalize={(v: Dayjs | null) => v?.format('HH:mm')}
            getValueProps={(v?: string) => ({ value: v ? dayjs(`2000-01-01T${v}`) : undefined })}
          >
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} data-testid="field-hearingTime" />
          </Form.Item>
          <Form.Item name="place" label="听证地点" rules={required('听证地点')}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      );
    case 'report':
      return longText('summary', '办结报告');
    case 'higherLevelVisit':
      return (
        <Form.Item name="level" label="越级到" rules={[{ required: true, message: '请选择层级' }]}>
          <Radio.Group options={skipLevelSchema.options.map((l) => ({ value: l, label: SKIP_LEVEL_LABELS[l] }))} />
        </Form.Item>
      );
    case 'extend':
      return (
        <>
          {/* DOMAIN §4: at most 30 more days, once, with the head's approval. */}
          <Form.Item name="days" label="延长天数" rules={[{ required: true, message: '请填写延长天数' }]} extra="延长期限不得超过30日，只能延长一次">
            <InputNumber min={1} max={30} precision={0} suffix="日" />
          </Form.Item>
          <Form.Item name="approvedBy" label="批准人" rules={required('批准人')}>
            <Input maxLength={50} />
          </Form.Item>
        </>
      );
    case 'reply':
      return (
        <>
          {opinionItem}
          {findingsItems('处理理由')}
          <Form.Item name="text" label="处理意见" rules={required('处理意见')}>
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
        </>
      );
    case 'reviewOpinion':
    case 'reReviewOpinion': {
      const label = type === 'reviewOpinion' ? '复查意见' : '复核意见';
      return (
        <>
          {opinionItem}
          <DecisionItem earlier={type === 'reviewOpinion' ? '原处理意见' : '复查意见'} />
          {findingsItems(type === 'reviewOpinion' ? '复查理由' : '复核理由')}
          <Form.Item name="text" label={label} rules={required(label)}>
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
        </>
      );
    }
    case 'orderRehandling':
      // Ordering the matter handled again supports the request and revokes the opinion: the notice says why.
      return (
        <>
          {findingsItems('复查理由')}
          <Form.Item name="text" label="复查意见" rules={required('复查意见')}>
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
        </>
      );
    case 'deliver':
      return (
        <>
          <Form.Item name="method" label="送达方式" rules={[{ required: true, message: '请选择送达方式' }]}>
            <Select options={deliveryMethodSchema.options.map((m) => ({ value: m, label: DELIVERY_METHOD_LABELS[m] }))} />
          </Form.Item>
          <Form.Item name="to" label="受送达人" rules={required('受送达人')}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      );
    case 'rate':
      return (
        <Form.Item name="rating" label="满意度" rules={[{ required: true, message: '请选择满意度' }]}>
          <Radio.Group options={ratingSchema.options.map((r) => ({ value: r, label: RATING_LABELS[r] }))} />
        </Form.Item>
      );
    case 'pauseForHearing':
      return (
        <>
          <Form.Item name="days" label="听证天数" rules={[{ required: true, message: '请填写听证天数' }]} extra="复核中听证的期间不计入复核意见期限">
            <InputNumber min={1} max={365} precision={0} suffix="日" />
          </Form.Item>
          {longText('participants', '听证参加人', 2)}
          {longText('record', '听证经过')}
          {longText('statements', '听证参加人的陈述')}
          {longText('factsHeard', '听证查明的事实')}
        </>
      );
    default:
      return null;
  }
}
