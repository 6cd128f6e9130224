// The status bar: whether records have reached the city. Everything shown comes from the
// backend's status, which is derived from the outbox (DESIGN.md §4), so it cannot claim
// "synced" while records wait.
import { useEffect, useState } from 'react';
import { App, Badge, Button, Popover, Space, Typography } from 'antd';
import { CloudUploadOutlined, ExclamationCircleOutlined, SettingOutlined, SyncOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { EVENT_TYPE_LABELS } from '../../../domain/sync/eventLabels';
import type { EventType } from '../../../domain/sync/events';
import type { SyncStatus } from '../../../domain/sync/rpc';
import { useNavigation } from '../shell/navigation';
import { useMayCall } from '../session/useMayCall';
import { EnrollDialog } from './EnrollDialog';
import { useSyncStore } from './syncStore';

dayjs.extend(relativeTime);

const POLL_MS = 3_000;

/** A township office may be offline for days: give the date when it is not today. */
function lastSyncText(at: string | null): string {
  if (!at) return '从未同步';
  const t = dayjs(at);
  return t.isSame(dayjs(), 'day') ? t.format('HH:mm:ss') : t.format('M月D日 HH:mm:ss');
}

function OnlineBadge({ online }: { online: boolean | null }) {
  if (online === null) return <Badge status="default" text="正在检测网络" />;
  return online ? <Badge status="success" text="在线" /> : <Badge status="error" text="离线" />;
}

/** One refused record: what it was, which matter (opened on a click), and the city's reason. */
function RejectedRecord({ record: r }: { record: SyncStatus['rejected'][number] }) {
  const open = useNavigation((s) => s.open);
  const what = r.type ? (EVENT_TYPE_LABELS[r.type as EventType] ?? r.type) : '记录';
  return (
    <li data-testid="sync-rejected-record">
      第 {r.seq} 条 · {what}
      {r.matterId && r.matterNo && (
        <>
          {' '}
          <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => open({ name: 'matter', matterId: r.matterId! })}>
            {r.matterNo}
          </Button>
        </>
      )}
      ：{r.message}
    </li>
  );
}

export function StatusBar({ onSynced }: { onSynced: () => void }) {
  const { message } = App.useApp();
  const status = useSyncStore((s) => s.status);
  const backendError = useSyncStore((s) => s.backendError);
  const [enrollOpen, setEnrollOpen] = useState(false);
  const may = useMayCall();
  const [pushing, setPushing] = useState(false);

  useEffect(() => {
    const { refresh } = useSyncStore.getState();
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, []);

  const syncNow = async () => {
    setPushing(true);
    try {
      const r = await useSyncStore.getState().syncNow();
      if (!r.ok) message.error(r.message);
      else if (r.value.lastError) message.error(r.value.lastError.message);
      else if (r.value.waiting === 0) message.success('同步完成');
      onSynced();
    } finally {
      setPushing(false);
    }
  };

  const enrolled = status?.enrolled ?? false;
  const syncing = pushing || (status?.syncing ?? false);

  return (
    <div
      data-testid="status-bar"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 20,
        height: 34,
        padding: '0 12px',
        borderTop: '1px solid #d9d9d9',
        background: '#fafafa',
        whiteSpace: 'nowrap',
      }}
    >
      {backendError ? (
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> {backendError}
        </Typography.Text>
      ) : !status ? (
        <Typography.Text type="secondary">正在读取同步状态</Typography.Text>
      ) : (
        <>
          {enrolled ? (
            <OnlineBadge online={status.online} />
          ) : (
            <Typography.Text type="warning" strong>
              <ExclamationCircleOutlined /> 未注册到市级服务器
            </Typography.Text>
          )}
          <span data-testid="sync-waiting">
            待同步 <Typography.Text strong>{status.waiting}</Typography.Text> 条
            {status.waiting > 0 && status.oldestWaitingAt && (
              <Typography.Text type="secondary">（最早 {dayjs(status.oldestWaitingAt).fromNow()}）</Typography.Text>
            )}
          </span>
          {status.progress && status.syncing ? (
            <span>
              <SyncOutlined spin /> 正在同步 {status.progress.sent}/{status.progress.total}
            </span>
          ) : (
            <span data-testid="sync-last">上次同步 {lastSyncText(status.lastSuccessAt)}</span>
          )}
          {status.lastError && (
            <Typography.Text
              type="danger"
              data-testid="sync-error"
              ellipsis={{ tooltip: status.lastError.message }}
              style={{ minWidth: 0, flexShrink: 1 }}
            >
              {status.lastError.message}
            </Typography.Text>
          )}
          {status.rejected.length > 0 && (
            <Popover
              title="市级服务器退回的记录"
              content={
                <ul data-testid="sync-rejected-list" style={{ margin: 0, paddingLeft: 18, maxWidth: 420, whiteSpace: 'normal' }}>
                  {status.rejected.map((r) => (
                    <RejectedRecord key={r.seq} record={r} />
                  ))}
                  <li style={{ listStyle: 'none', marginTop: 6 }}>
                    <Typography.Text type="secondary">这些记录已保存在本机，请根据原因更正后重新登记，或联系管理员。</Typography.Text>
                  </li>
                </ul>
              }
            >
              <Typography.Text type="warning" data-testid="sync-rejected" style={{ cursor: 'pointer' }}>
                <ExclamationCircleOutlined /> 市级退回 {status.rejected.length} 条
              </Typography.Text>
            </Popover>
          )}
          {enrolled && status.deviceCode && (
            <Typography.Text type="secondary">本机编号 {status.deviceCode}</Typography.Text>
          )}
        </>
      )}
      <Space size={8} style={{ marginLeft: 'auto' }}>
        <Button
          size="small"
          icon={<CloudUploadOutlined />}
          loading={syncing}
          disabled={!enrolled}
          onClick={() => void syncNow()}
        >
          立即同步
        </Button>
        {/* Enrolling is the administrator's (domain/staff/permissions.ts); others are told who. */}
        {may.method('sync.enroll') ? (
          <Button
            size="small"
            // Until enrolled nothing can reach the city, so this is the one thing to do.
            type={enrolled ? 'default' : 'primary'}
            icon={<SettingOutlined />}
            onClick={() => setEnrollOpen(true)}
          >
            同步设置
          </Button>
        ) : (
          !enrolled && <Typography.Text type="secondary">请管理员登录后注册本机</Typography.Text>
        )}
      </Space>
      <EnrollDialog open={enrollOpen} onClose={() => setEnrollOpen(false)} />
    </div>
  );
}
