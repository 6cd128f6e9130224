// Changing one's own password: required at the first sign-in of an account the administrator
// made, and offered from the user menu at any time.
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { Err } from '../../../domain/result';
import { ConfirmPassword } from '../common/ConfirmPassword';
import { Refusal } from './formParts';
import { useSessionStore } from './sessionStore';

interface Values {
  current: string;
  next: string;
  confirm: string;
}

export function PasswordForm({ onDone }: { onDone?: () => void }) {
  const call = useSessionStore((s) => s.call);
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<Err | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    setBusy(true);
    const r = await call('session.changePassword', { current: v.current, next: v.next });
    setBusy(false);
    if (!r.ok) return setRefusal(r);
    form.resetFields();
    onDone?.();
  }

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} name="password">
      <Form.Item name="current" label="当前密码" rules={[{ required: true, message: '请填写当前密码' }]}>
        <Input.Password autoFocus autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="next" label="新密码" rules={[{ required: true, message: '请填写新密码' }]} extra="至少8位，须同时包含字母和数字">
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <ConfirmPassword of="next" label="再次输入新密码" />
          <Refusal refusal={refusal} />
      <Button type="primary" htmlType="submit" block loading={busy}>
        修改密码
      </Button>
    </Form>
  );
}
