// 当前操作人: who the lifecycle steps are recorded under and whose role decides what a protected
// reporter's file shows. A small form in a popover; the backend keeps the choice.
import { Button, Form, Input, Popover, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ROLE_LABELS, roleSchema, type Operator } from '../../../domain/staff/roles';
import { api } from '../api/client';

export function OperatorBadge() {
  const [operator, setOperator] = useState<Operator | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Operator>();

  useEffect(() => {
    void api.invoke('session.get', {}).then((r) => r.ok && setOperator(r.value));
  }, []);

  async function save(values: Operator) {
    const r = await api.invoke('session.set', values);
    if (!r.ok) return setError(r.message);
    setOperator(r.value);
    setError(null);
    setOpen(false);
  }

  const content = (
    <Form form={form} layout="vertical" initialValues={operator ?? { role: 'clerk' }} onFinish={(v) => void save(v)} style={{ width: 240 }}>
      <Form.Item name="userId" label="工号" rules={[{ required: true, message: '请填写工号' }]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="role" label="岗位">
        <Select options={roleSchema.options.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
      </Form.Item>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Button type="primary" htmlType="submit" block>
        确定
      </Button>
    </Form>
  );

  return (
    <Popover content={content} title="当前操作人" trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button size="small" ghost data-testid="operator">
        <Space size={4}>{operator ? `${operator.name}（${ROLE_LABELS[operator.role]}）` : '设置当前操作人'}</Space>
      </Button>
    </Popover>
  );
}
