// 账号管理's 审计日志 card: the 管理员 walks the hash-chained trail on demand and reads in words
// whether every row still holds, or where it breaks (domain/staff/auditVerdict.ts).
import { Alert, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { auditVerdictText } from '../../../domain/staff/auditVerdict';
import { api } from '../api/client';

export function AuditCheckCard() {
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ holds: boolean; text: string } | null>(null);

  async function verify() {
    setBusy(true);
    const r = await api.invoke('audit.verify', {});
    setBusy(false);
    setShown(r.ok ? { holds: r.value.ok, text: auditVerdictText(r.value) } : { holds: false, text: r.message });
  }

  return (
    <Card title="审计日志">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space>
          <span>每次写入、查看个人完整信息和登录都记入逐条链接、不可改写的审计日志，并随同步报送市局。</span>
          <Button onClick={() => void verify()} loading={busy}>
            核验审计日志
          </Button>
        </Space>
        {shown && (
          <Alert showIcon type={shown.holds ? 'success' : 'error'} title={shown.text} />
        )}
      </Space>
    </Card>
  );
}
