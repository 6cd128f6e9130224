// The first screen: on a new installation the administrator's set-up, afterwards the sign-in.
// Either way the backend checks the password; this form only collects it.
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { Err } from '../../../domain/result';
import { ConfirmPassword } from '../common/ConfirmPassword';
import { Refusal } from './formParts';
import { useSessionStore } from './sessionStore';

interface Values {
  userNo: string;
  name?: string;
  password: string;
  confirm?: string;
}

export function SignInScreen({ setup }: { setup: boolean }) {
  const call = useSessionStore((s) => s.call);
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<Err | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    setBusy(true);
    const r = setup ? await call('session.setup', { userNo: v.userNo, name: v.name ?? '', password: v.password }) : await call('session.login', { userNo: v.userNo, password: v.password });
    setBusy(false);
    if (r.ok) return;
    setRefusal(r);
    form.setFieldValue('password', '');
    if (setup) form.setFieldValue('confirm', '');
  }

  return (
    <main style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', height: '100%' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          信访窗口
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {setup ? '首次使用：请设置本机的管理员账号。管理员负责账号、注册与设置，不办理信访事项。' : '请使用本人工号和密码登录。'}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} name={setup ? 'setup' : 'login'}>
          <Form.Item name="userNo" label="工号" rules={[{ required: true, message: '请填写工号' }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          {setup && (
            <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]} extra={setup ? '至少8位，须同时包含字母和数字' : undefined}>
            <Input.Password autoComplete={setup ? 'new-password' : 'current-password'} />
          </Form.Item>
          {setup && <ConfirmPassword of="password" label="再次输入密码" />}
          <Refusal refusal={refusal} />
          <Button type="primary" htmlType="submit" block loading={busy}>
            {setup ? '创建管理员并登录' : '登录'}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
