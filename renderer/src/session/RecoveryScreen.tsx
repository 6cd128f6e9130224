// When this machine's key does not open the store (a new machine, a lost keystore), only the
// county recovery code printed at set-up opens it. The backend checks it; this screen asks.
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { Err } from '../../../domain/result';
import { Refusal } from './formParts';
import { useSessionStore } from './sessionStore';

export function RecoveryScreen() {
  const call = useSessionStore((s) => s.call);
  const [refusal, setRefusal] = useState<Err | null>(null);
  const [busy, setBusy] = useState(false);

  async function recover({ code }: { code: string }) {
    setBusy(true);
    const r = await call('store.recover', { code });
    setBusy(false);
    setRefusal(r.ok ? null : r);
  }

  return (
    <main style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', height: '100%' }}>
      <Card style={{ width: 460 }} title="需要恢复密钥">
        <Typography.Paragraph>本机的密钥无法打开这里的数据（例如换了电脑，或系统密钥库已重置）。请输入首次设置时打印保存的“恢复密钥”。</Typography.Paragraph>
        <Form layout="vertical" onFinish={(v: { code: string }) => void recover(v)} requiredMark={false} name="recover">
          <Form.Item name="code" label="恢复密钥" rules={[{ required: true, message: '请填写恢复密钥' }]} extra="32 位字母和数字，可不区分大小写，分隔符可省略">
            <Input autoFocus autoComplete="off" placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" />
          </Form.Item>
          <Refusal refusal={refusal} />
          <Button type="primary" htmlType="submit" block loading={busy}>
            打开数据
          </Button>
        </Form>
      </Card>
    </main>
  );
}
