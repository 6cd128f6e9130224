// Changing one's password: required before anything else after the administrator made or reset
// the account; the server then signs the person out everywhere else.
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { SessionState } from '../../../domain/console/session';
import { api, messageOf } from '../api';
import { useSession } from '../session';
import { ConfirmPassword } from '../../../renderer/src/common/ConfirmPassword';

export function PasswordForm({ onDone }: { onDone?: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const submit = async ({ current, next }: { current: string; next: string }) => {
    try {
      useSession.getState().set(await api<SessionState>('POST', '/api/console/password', { current, next }));
      form.resetFields();
      setError(null);
      void message.success('密码已修改');
      onDone?.();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 400 }}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item name="current" label="当前密码" rules={[{ required: true, message: '请填写当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="next" label="新密码" extra="至少8位，须同时包含字母和数字" rules={[{ required: true, message: '请填写新密码' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <ConfirmPassword of="next" label="再次输入新密码" />
      <Button type="primary" htmlType="submit">
        修改密码
      </Button>
    </Form>
  );
}
