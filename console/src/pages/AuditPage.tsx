// 审计: who signed in, changed something or viewed a full record in the console, newest first,
// each action and its detail in words (DESIGN.md §6). Read-only: the city's audit is only ever
// added to.
import { Alert, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { CONSOLE_AUDIT_ACTION_LABELS, type ConsoleAuditAction } from '../../../domain/console/audit';
import { auditDetailText } from '../../../domain/console/auditDetail';
import { api } from '../api';
import { useLoad } from '../useLoad';

interface Entry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: unknown;
}

export function AuditPage() {
  const [action, setAction] = useState<ConsoleAuditAction | undefined>();
  const { data, error, loading } = useLoad(() => api<{ entries: Entry[] }>('GET', `/api/console/audit${action ? `?action=${encodeURIComponent(action)}` : ''}`), [action]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        allowClear
        placeholder="全部操作"
        aria-label="按操作筛选"
        style={{ width: 200 }}
        value={action}
        onChange={setAction}
        options={Object.entries(CONSOLE_AUDIT_ACTION_LABELS).map(([value, label]) => ({ value: value as ConsoleAuditAction, label }))}
      />
      {error && <Alert type="error" title={error} />}
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.entries ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '时间', dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString('zh-CN'), width: 180 },
          { title: '人员', dataIndex: 'actor' },
          { title: '操作', dataIndex: 'action', render: (a: string) => CONSOLE_AUDIT_ACTION_LABELS[a as ConsoleAuditAction] ?? a },
          { title: '对象', dataIndex: 'target', render: (t: string | null) => t ?? '—' },
          { title: '详情', dataIndex: 'detail', render: (d: unknown) => auditDetailText(d) },
        ]}
      />
    </Space>
  );
}
