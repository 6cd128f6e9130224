// 备份与恢复 (管理员 only, issue #15): where backups go (a folder or USB drive), one click to back
// up now with its progress, the daily backup and how many are kept, and the restore of a backup
// from the list or from any folder, with the county recovery code when it came from another
// machine. Every check is the backend's; this page shows what it says.
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Progress, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry, BackupProgress, BackupStatus } from '../../../domain/backup/rpc';
import type { Err } from '../../../domain/result';
import { api } from '../api/client';
import { useSessionStore } from '../session/sessionStore';
import { UsbSyncCard } from './UsbSyncCard';

const PHASES: Record<BackupProgress['phase'], string> = { copy: '正在复制数据', check: '正在校验副本', files: '正在复制附件和文书', restore: '正在读取备份' };
const size = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

function RunningProgress({ running }: { running: BackupProgress }) {
  const percent = running.total > 0 ? Math.floor((running.done / running.total) * 100) : 0;
  return (
    <div role="status" aria-live="polite">
      <Typography.Text>{PHASES[running.phase]}…</Typography.Text>
      <Progress percent={percent} status="active" aria-label="备份进度" />
    </div>
  );
}

function RestoreDialog({ path, onClose }: { path: string; onClose: () => void }) {
  const [refusal, setRefusal] = useState<Err | null>(null);
  const [busy, setBusy] = useState(false);
  const { modal } = App.useApp();
  async function restore({ recoveryCode }: { recoveryCode?: string }) {
    setBusy(true);
    const r = await api.invoke('backup.restore', { path, ...(recoveryCode ? { recoveryCode } : {}) });
    setBusy(false);
    if (!r.ok) return setRefusal(r);
    onClose();
    modal.success({
      title: '恢复完成',
      content: '程序正在重新打开恢复后的数据，请用备份中的账号重新登录。',
      onOk: () => void useSessionStore.getState().refresh(),
    });
  }
  return (
    <Modal open title="从备份恢复" footer={null} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>
        将用 <Typography.Text code>{path}</Typography.Text> 替换本机数据。恢复前会核对备份是否完整；本机尚未被市级确认的记录若不在备份中，恢复会被拒绝。被替换的数据仍保留在数据目录中。
      </Typography.Paragraph>
      <Form layout="vertical" name="restore" onFinish={(v: { recoveryCode?: string }) => void restore(v)} requiredMark={false}>
        <Form.Item name="recoveryCode" label="恢复密钥（备份来自其他电脑或更换密钥之前时填写）">
          <Input placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" autoComplete="off" />
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal.message} style={{ marginBottom: 16 }} role="alert" />}
        <Button type="primary" danger htmlType="submit" block loading={busy}>
          恢复
        </Button>
      </Form>
    </Modal>
  );
}

export function BackupPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [backups, setBackups] = useState<BackupEntry[]>([]);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [otherPath, setOtherPath] = useState('');
  const [form] = Form.useForm<{ folder: string; daily: boolean; keep: number }>();

  const load = useCallback(async () => {
    const [s, l] = await Promise.all([api.invoke('backup.status', {}), api.invoke('backup.list', {})]);
    if (s.ok) setStatus(s.value);
    if (l.ok) setBackups(l.value);
  }, []);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (status) form.setFieldsValue({ folder: status.folder ?? '', daily: status.daily, keep: status.keep });
  }, [status?.folder, status?.daily, status?.keep]); // eslint-disable-line react-hooks/exhaustive-deps

  // While a backup or restore runs, its progress is read twice a second.
  const running = status?.running != null;
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => void api.invoke('backup.status', {}).then((r) => r.ok && setStatus(r.value)), 500);
    return () => clearInterval(t);
  }, [running]);

  async function save(v: { folder: string; daily: boolean; keep: number }) {
    const r = await api.invoke('backup.configure', v);
    if (!r.ok) return message.error(r.message);
    message.success('备份设置已保存');
    void load();
  }

  async function backupNow() {
    const call = api.invoke('backup.create', {});
    // Shows the progress at once; the status poll takes over from here.
    setStatus((s) => (s ? { ...s, running: { phase: 'copy', done: 0, total: 1 } } : s));
    const r = await call;
    if (r.ok) message.success(`已备份到 ${r.value.path}`);
    else message.error(r.message);
    void load();
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title="备份位置">
        <Form form={form} layout="inline" name="backupSettings" onFinish={(v) => void save(v)} requiredMark={false}>
          <Form.Item name="folder" label="文件夹或U盘" rules={[{ required: true, message: '请填写备份位置' }]}>
            <Input style={{ width: 320 }} placeholder="例如 E:\ 或 /media/usb" />
          </Form.Item>
          <Form.Item name="daily" label="每天自动备份" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="keep" label="保留每日备份">
            <InputNumber min={1} max={60} suffix="份" />
          </Form.Item>
          <Button htmlType="submit">保存设置</Button>
        </Form>
      </Card>
      <Card title="立即备份">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">备份保持加密：只有本机密钥或本窗口的恢复密钥能打开。备份时可以照常登记。</Typography.Text>
          <Button type="primary" onClick={() => void backupNow()} disabled={running || !status?.folder}>
            立即备份
          </Button>
          {status?.running && <RunningProgress running={status.running} />}
          {status?.last && !status.running && (
            <Alert
              showIcon
              type={status.last.ok ? 'success' : 'error'}
              title={status.last.ok ? `上次备份/恢复成功（${when(status.last.at)}）：${status.last.path ?? ''}` : `上次备份/恢复失败（${when(status.last.at)}）：${status.last.message ?? ''}`}
            />
          )}
          {status?.daily && <Typography.Text>上次每日备份：{status.lastDailyAt ? when(status.lastDailyAt) : '尚未进行'}</Typography.Text>}
        </Space>
      </Card>
      <Card title="从备份恢复">
        <Table<BackupEntry>
          rowKey="path"
          size="small"
          dataSource={backups}
          pagination={false}
          locale={{ emptyText: '备份位置中还没有备份' }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', render: when },
            { title: '类型', dataIndex: 'kind', render: (k: BackupEntry['kind']) => (k === 'daily' ? <Tag>每日</Tag> : <Tag color="blue">手动</Tag>) },
            { title: '事项数', dataIndex: 'matters' },
            { title: '未同步记录', render: (_, b) => b.lastSeq - b.ackedSeq },
            { title: '大小', dataIndex: 'bytes', render: size },
            {
              title: '操作',
              render: (_, b) => (
                <Button size="small" danger onClick={() => setRestoring(b.path)} disabled={running}>
                  恢复
                </Button>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 16 }}>
          <Input style={{ width: 420 }} aria-label="其他位置的备份文件夹" placeholder="其他位置的备份文件夹，例如 F:\xinfang-backup-20261201-083000" value={otherPath} onChange={(e) => setOtherPath(e.target.value)} />
          <Button onClick={() => setRestoring(otherPath.trim())} disabled={running || otherPath.trim() === ''}>
            从此文件夹恢复
          </Button>
        </Space>
      </Card>
      <UsbSyncCard defaultFolder={status?.folder ?? null} />
      {restoring && <RestoreDialog path={restoring} onClose={() => setRestoring(null)} />}
    </Space>
  );
}
