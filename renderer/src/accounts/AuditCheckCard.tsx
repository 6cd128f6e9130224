// 账号管理's 审计日志 card: the 管理员 walks the hash-chained trail on demand and reads in words
// whether every row still holds, or where it breaks (domain/staff/auditVerdict.ts).
import { Alert, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { auditVerdictText, type AuditVerdict } from '../../../domain/staff/auditVerdict';
import { api } from '../api/client';

type Shown = { verdict: AuditVerdict } | { error: string };

export function AuditCheckCard() {
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);

  async function verify() {
    setBusy(true);
    const r = await api.invoke('audit.verify', {});
    setBusy(false);
    setShown(r.ok ? { verdict: r.value } : { error: r.message });
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
          <Alert
            showIcon
            type={'error' in shown ? 'error' : shown.verdict.ok ? 'success' : 'error'}
            title={'error' in shown ? shown.error : auditVerdictText(shown.verdict)}
          />
        )}
      </Space>
    </Card>
  );
}
