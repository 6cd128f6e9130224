// 今日登记: what this window has registered today, newest first, 初访 or 重复访, with whether
// each has reached the city yet.
import { useEffect, useMemo } from 'react';
import { Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { RegistrationSummary } from '../../../domain/intake/registration';
import { useNavigation } from '../shell/navigation';
import { useTodayStore } from './todayStore';

// Other windows' work and sync acknowledgements change the list without this window acting.
const REFRESH_MS = 10_000;

const columns: ColumnsType<RegistrationSummary> = [
  // A wrapped number is hard to read back to a visitor over the counter: keep it on one line.
  { title: '编号', dataIndex: 'matterNo', width: 185, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
  {
    title: '类型',
    dataIndex: 'visitKind',
    width: 64,
    render: (k: RegistrationSummary['visitKind']) => (k === 'repeat' ? <Tag color="orange">重复访</Tag> : <Tag>初访</Tag>),
  },
  { title: '姓名', dataIndex: 'visitorName', width: 72, ellipsis: true },
  { title: '证件号', dataIndex: 'maskedIdNumber', width: 150 },
  { title: '人数', dataIndex: 'headcount', width: 48, align: 'right' },
  { title: '诉求摘要', dataIndex: 'summary', ellipsis: true },
  { title: '时间', dataIndex: 'receivedAt', width: 56, render: (v: string) => dayjs(v).format('HH:mm') },
  {
    title: '同步',
    dataIndex: 'synced',
    width: 68,
    render: (synced: boolean) => (synced ? <Tag color="success">已同步</Tag> : <Tag color="warning">待同步</Tag>),
  },
];

export function TodayList() {
  const rows = useTodayStore((s) => s.rows);
  const loading = useTodayStore((s) => s.loading);
  const error = useTodayStore((s) => s.error);
  const open = useNavigation((s) => s.open);
  // Newest first whatever order the backend uses: the clerk looks for the visitor just seen.
  const sorted = useMemo(() => [...rows].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)), [rows]);

  useEffect(() => {
    const { refresh } = useTodayStore.getState();
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <Card
      size="small"
      title="今日登记"
      extra={
        error ? (
          <Typography.Text type="danger">{error}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">共 {rows.length} 件</Typography.Text>
        )
      }
      // Fills what the panels above leave; the right column scrolls when they leave little.
      style={{ flex: '1 0 320px', display: 'flex', flexDirection: 'column' }}
      styles={{ body: { padding: 0, flex: 1, minHeight: 0 } }}
    >
      <Table<RegistrationSummary>
        data-testid="today-list"
        size="small"
        // A repeat visit shares its matter's id: the visit's time tells the rows apart.
        rowKey={(r) => `${r.matterId}@${r.receivedAt}`}
        columns={columns}
        dataSource={sorted}
        // The timer's refresh must not flash a spinner over a list the clerk is reading.
        loading={loading && rows.length === 0}
        pagination={false}
        onRow={(r) => ({ onClick: () => open({ name: 'matter', matterId: r.matterId }), style: { cursor: 'pointer' } })}
      />
    </Card>
  );
}
