// The one-time set-up (DESIGN.md §6): whoever holds the server's CITY_ADMIN_TOKEN creates the
// first administrator; once one exists the server refuses it, and this page is never shown again.
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { SessionState } from '../../../domain/console/session';
import { api, messageOf } from '../api';
import { useSession } from '../session';
import { Centered } from './Centered';
import { ConfirmPassword } from '../../../renderer/src/common/ConfirmPassword';

interface Values {
  adminToken: string;
  userNo: string;
  name: string;
  password: string;
}

export function SetupPage() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ adminToken, userNo, name, password }: Values) => {
    setBusy(true);
    try {
      useSession.getState().set(await api<SessionState>('POST', '/api/console/setup', { adminToken, userNo, name, password }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Centered title="首次设置：创建管理员">
      <Alert type="info" showIcon title="请输入服务器启动时设置的 CITY_ADMIN_TOKEN，创建第一个管理员账号。此页面只能使用一次。" style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="adminToken" label="启动令牌" rules={[{ required: true, message: '请填写启动令牌' }]}>
          <Input.Password autoComplete="off" />
        </Form.Item>
        <Form.Item name="userNo" label="工号" rules={[{ required: true, message: '请填写工号' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label="密码" extra="至少8位，须同时包含字母和数字" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <ConfirmPassword of="password" label="再次输入密码" />
        <Button type="primary" htmlType="submit" block loading={busy}>
          创建管理员并登录
        </Button>
      </Form>
    </Centered>
  );
}
