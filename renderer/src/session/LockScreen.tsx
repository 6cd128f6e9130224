// The idle lock: the page stays as it was underneath (the half-typed registration keeps its
// draft), covered until the signed-in user types their password. Signing out instead is offered.
import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Err } from '../../../domain/result';
import { ROLE_LABELS } from '../../../domain/staff/roles';
import { Refusal } from './formParts';
import { useSessionStore } from './sessionStore';

export function LockScreen() {
  const session = useSessionStore((s) => s.session);
  const call = useSessionStore((s) => s.call);
  const [form] = Form.useForm<{ password: string }>();
  const [refusal, setRefusal] = useState<Err | null>(null);
  const user = session?.user;

  async function unlock({ password }: { password: string }) {
    const r = await call('session.unlock', { password });
    form.resetFields();
    setRefusal(r.ok ? null : r);
  }

  return (
    <Modal open title="窗口已锁定" closable={false} mask={{ closable: false }} keyboard={false} footer={null} styles={{ mask: { backdropFilter: 'blur(8px)', background: 'rgba(0,0,0,0.75)' } }}>
      <Typography.Paragraph>
        {user ? `${user.name}（${ROLE_LABELS[user.role]}）` : ''}长时间未操作，窗口已锁定。未提交的登记已保存为草稿，解锁后可继续。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void unlock(v)} requiredMark={false} name="unlock">
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Refusal refusal={refusal} />
        <Space>
          <Button type="primary" htmlType="submit">
            解锁
          </Button>
          <Button onClick={() => void call('session.logout', {})}>退出登录</Button>
        </Space>
      </Form>
    </Modal>
  );
}
