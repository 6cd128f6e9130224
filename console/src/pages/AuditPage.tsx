// 审计: who signed in, changed something, viewed a full record or looked a person up in the
// console, newest first (DESIGN.md §6). Read-only: the city's audit is only ever added to.
import { Alert, Select, Space, Table } from 'antd';
import { useState } from 'react';
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

/** Each action's words; an action not listed shows its code. */
export const AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  'staff.setup': '首次设置管理员',
  login: '登录',
  'login.failed': '登录失败',
  'password.changed': '修改密码',
  'staff.created': '创建账号',
  'staff.passwordReset': '重置密码',
  'staff.disabled': '停用账号',
  'staff.enabled': '启用账号',
  'device.created': '新增设备',
  'device.revoked': '停用设备',
  'matter.viewed': '查看信访件全文',
  'person.lookup': '查询人员',
  'supervision.issued': '下发督办',
  'reference.published': '发布基础数据',
};

export function AuditPage() {
  const [action, setAction] = useState<string | undefined>();
  const { data, error, loading } = useLoad(() => api<{ entries: Entry[] }>('GET', `/api/console/audit${action ? `?action=${encodeURIComponent(action)}` : ''}`), [action]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        allowClear
        placeholder="全部操作"
        style={{ width: 200 }}
        value={action}
        onChange={setAction}
        options={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))}
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
          { title: '操作', dataIndex: 'action', render: (a: string) => AUDIT_ACTIONS[a] ?? a },
          { title: '对象', dataIndex: 'target', render: (t: string | null) => t ?? '—' },
          { title: '详情', dataIndex: 'detail', render: (d: unknown) => (d ? JSON.stringify(d) : '') },
        ]}
      />
    </Space>
  );
}
