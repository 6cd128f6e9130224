// The fields each lifecycle command asks for beyond the common envelope (time, reason,
// documents), named as matterCommandSchema names them (COMMAND_FIELDS reads the names off it),
// so the form's values go to the backend as they are.
import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { DELIVERY_METHOD_LABELS, deliveryMethodSchema, OPINION_LABELS, opinionSchema, RATING_LABELS, ratingSchema, type CommandType } from '../../../domain/matters/commands';

/** The envelope's reason is required for these two and says what it is (commands.ts). */
export const REASON_LABELS: Partial<Record<CommandType, string>> = { decline: '不予受理理由', extend: '延期理由（将告知信访人）' };

const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];

const opinionItem = (
  <Form.Item name="opinion" label="处理意见类型" rules={[{ required: true, message: '请选择意见类型' }]}>
    <Radio.Group options={opinionSchema.options.map((o) => ({ value: o, label: OPINION_LABELS[o] }))} />
  </Form.Item>
);

export function CommandFields({ type }: { type: CommandType }) {
  switch (type) {
    case 'transfer':
    case 'assign': {
      const label = type === 'transfer' ? '转送单位' : '交办单位';
      return (
        <Form.Item name="toBody" label={label} rules={required(label)}>
          <Input maxLength={100} />
        </Form.Item>
      );
    }
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
          <Form.Item name="basis" label="法律法规依据" rules={required('法律法规依据')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
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
          <Form.Item name="text" label={label} rules={required(label)}>
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
        </>
      );
    }
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
        <Form.Item name="days" label="听证天数" rules={[{ required: true, message: '请填写听证天数' }]} extra="听证期间不计入复核意见期限">
          <InputNumber min={1} max={365} precision={0} suffix="日" />
        </Form.Item>
      );
    default:
      return null;
  }
}
