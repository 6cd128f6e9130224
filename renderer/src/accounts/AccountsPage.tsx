// 账号管理 (管理员 only): the staff of this window, new accounts with a first password their
// owner must change, password resets, disabling, the store's key, the audit trail's check, and the
// idle minutes before the window locks.
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Account } from '../../../domain/staff/accounts';
import { ROLE_LABELS, roleSchema, type Role } from '../../../domain/staff/roles';
import type { Err } from '../../../domain/result';
import { api } from '../api/client';
import { useSessionStore } from '../session/sessionStore';
import { AuditCheckCard } from './AuditCheckCard';

type NewAccount = { userNo: string; name: string; role: Role; password: string };

function NewAccountDialog({ onClose }: { onClose: (created: boolean) => void }) {
  const [refusal, setRefusal] = useState<Err | null>(null);
  async function create(v: NewAccount) {
    const r = await api.invoke('accounts.create', v);
    if (!r.ok) return setRefusal(r);
    onClose(true);
  }
  return (
    <Modal open title="新建账号" footer={null} onCancel={() => onClose(false)} destroyOnHidden>
      <Form layout="vertical" name="account" onFinish={(v: NewAccount) => void create(v)} initialValues={{ role: 'clerk' }} requiredMark={false}>
        <Form.Item name="userNo" label="工号" rules={[{ required: true, message: '请填写工号' }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label="岗位">
          <Select options={roleSchema.options.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请填写初始密码' }]} extra="至少8位，含字母和数字；本人首次登录时须修改">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal.message} style={{ marginBottom: 16 }} role="alert" />}
        <Button type="primary" htmlType="submit" block>
          创建
        </Button>
      </Form>
    </Modal>
  );
}

export function AccountsPage() {
  const { message, modal } = App.useApp();
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [creating, setCreating] = useState(false);
  const session = useSessionStore((s) => s.session);
  const load = useCallback(async () => {
    const r = await api.invoke('accounts.list', {});
    if (r.ok) setAccounts(r.value);
    else message.error(r.message);
  }, [message]);
  useEffect(() => void load(), [load]);

  function reset(a: Account) {
    let password = '';
    modal.confirm({
      title: `重置 ${a.name} 的密码`,
      content: <Input.Password aria-label="新的初始密码" placeholder="新的初始密码" onChange={(e) => (password = e.target.value)} />,
      onOk: async () => {
        const r = await api.invoke('accounts.resetPassword', { userId: a.userId, password });
        if (!r.ok) {
          message.error(r.message);
          throw new Error(r.code);
        }
        message.success('已重置，本人登录时须修改密码');
      },
    });
  }

  async function toggle(a: Account) {
    const r = await api.invoke('accounts.setDisabled', { userId: a.userId, disabled: !a.disabled });
    if (!r.ok) return message.error(r.message);
    void load();
  }

  async function setIdle(minutes: number | null) {
    if (minutes === null) return;
    const r = await useSessionStore.getState().call('settings.setIdleMinutes', { minutes });
    if (!r.ok) message.error(r.message);
  }

  function rekey() {
    modal.confirm({
      title: '更换数据密钥',
      content: '将用新的随机密钥重新加密本机数据，并生成新的恢复密钥；原恢复密钥随即作废。',
      onOk: async () => {
        const r = await api.invoke('store.rekey', {});
        if (!r.ok) return message.error(r.message);
        useSessionStore.getState().showRecoveryCode(r.value.recoveryCode);
      },
    });
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title="账号" extra={<Button type="primary" onClick={() => setCreating(true)}>新建账号</Button>}>
        <Table<Account>
          rowKey="userId"
          dataSource={accounts}
          pagination={false}
          columns={[
            { title: '工号', dataIndex: 'userNo' },
            { title: '姓名', dataIndex: 'name' },
            { title: '岗位', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] },
            {
              title: '状态',
              render: (_, a) => (a.disabled ? <Tag>已停用</Tag> : a.mustChangePassword ? <Tag color="warning">待本人改密码</Tag> : <Tag color="success">正常</Tag>),
            },
            {
              title: '操作',
              render: (_, a) => (
                <Space>
                  <Button size="small" onClick={() => reset(a)}>
                    重置密码
                  </Button>
                  <Button size="small" danger={!a.disabled} onClick={() => void toggle(a)}>
                    {a.disabled ? '启用' : '停用'}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title="数据加密">
        <Space>
          <span>本机数据已加密保存。怀疑密钥泄露、或恢复密钥遗失时，可更换密钥。</span>
          <Button onClick={rekey}>更换数据密钥</Button>
        </Space>
      </Card>
      <AuditCheckCard />
      <Card title="自动锁定">
        <Space>
          <span id="idle-label">无操作</span>
          <InputNumber aria-labelledby="idle-label" min={1} max={240} value={session?.idleMinutes} onChange={(v) => void setIdle(v)} />
          <span>分钟后锁定窗口</span>
        </Space>
      </Card>
      {creating && (
        <NewAccountDialog
          onClose={(created) => {
            setCreating(false);
            if (created) void load();
          }}
        />
      )}
    </Space>
  );
}
