// 送达 of one document (DOMAIN.md §5): how, to whom and when. Paper deliveries get a 送达回证
// from the backend, which then appears in the list.
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DELIVERY_METHOD_LABELS, deliveryMethodSchema, type DeliveryMethod } from '../../../domain/matters/commands';
import { api } from '../api/client';
import { FormDialog } from './FormDialog';

type Values = { method: DeliveryMethod; to: string; at: Dayjs };

export function DeliveryDialog(props: { documentId: string; title: string; recipient: string; onClose: (delivered: boolean) => void }) {
  async function deliver(v: Values) {
    const r = await api.invoke('documents.deliver', { documentId: props.documentId, method: v.method, to: v.to, at: v.at.format() });
    return r.ok ? null : r.message;
  }
  return (
    <FormDialog<Values> name="delivery" title={`送达 — ${props.title}`} initialValues={{ method: 'in-person', to: props.recipient, at: dayjs() }} onSubmit={deliver} onClose={props.onClose}>
      <Form.Item name="method" label="送达方式" rules={[{ required: true, message: '请选择送达方式' }]}>
        <Select options={deliveryMethodSchema.options.map((m) => ({ value: m, label: DELIVERY_METHOD_LABELS[m] }))} />
      </Form.Item>
      <Form.Item name="to" label="受送达人" rules={[{ required: true, whitespace: true, message: '请填写受送达人' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="at" label="送达时间" rules={[{ required: true, message: '请选择送达时间' }]}>
        <DatePicker showTime format="YYYY-MM-DD HH:mm:ss" allowClear={false} />
      </Form.Item>
    </FormDialog>
  );
}
