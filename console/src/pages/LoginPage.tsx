// Sign-in to the console. The server answers a wrong password and an unknown 工号 alike, and
// makes an account wait after repeated wrong passwords; this page shows what it says.
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { SessionState } from '../../../domain/console/session';
import { api, messageOf } from '../api';
import { useSession } from '../session';
import { Centered } from './Centered';

export function LoginPage({ expired }: { expired: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { userNo: string; password: string }) => {
    setBusy(true);
    try {
      useSession.getState().set(await api<SessionState>('POST', '/api/console/login', values));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Centered title="登录">
      {expired && !error && <Alert type="warning" showIcon title="登录已结束，请重新登录" style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="userNo" label="工号" rules={[{ required: true, message: '请填写工号' }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
    </Centered>
  );
}
