// The work queue's rows in the backend's order (overdue first, then fewest days left), one page
// of them as the backend gives it: each open matter with its next statutory deadline; a click
// opens the matter's file.
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { z } from 'zod';
import type { queueItemSchema } from '../../../domain/matters/rpc';
import { DaysLeftTag } from '../matters/DaysLeftTag';
import { useNavigation } from '../shell/navigation';

export type QueueItem = z.infer<typeof queueItemSchema>;

const columns: ColumnsType<QueueItem> = [
  { title: '编号', dataIndex: 'matterNo', width: 200, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
  { title: '当事人', dataIndex: 'visitorName', width: 90, ellipsis: true },
  { title: '诉求', dataIndex: 'summary', ellipsis: true },
  { title: '状态', dataIndex: 'statusLabel', width: 120, render: (v: string) => <Tag>{v}</Tag> },
  {
    title: '下一期限',
    dataIndex: 'nextDeadline',
    width: 190,
    render: (d: QueueItem['nextDeadline']) =>
      d ? (
        <span>
          {d.label}
          <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
            {d.lastDay}
          </Typography.Text>
        </span>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  },
  { title: '剩余天数', dataIndex: 'nextDeadline', key: 'daysLeft', width: 100, render: (d: QueueItem['nextDeadline']) => (d ? <DaysLeftTag deadline={d} /> : null) },
  { title: '督办', dataIndex: 'supervised', width: 64, render: (s: boolean) => (s ? <Tag color="volcano">督办</Tag> : null) },
];

export function QueueTable(props: { items: QueueItem[]; loading: boolean; page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const { items, loading, page, pageSize, total, onPage } = props;
  const open = useNavigation((s) => s.open);
  return (
    <Table<QueueItem>
      data-testid="queue-table"
      size="small"
      rowKey="matterId"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{ current: page, pageSize, total, onChange: onPage, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => `共 ${n} 件` }}
      locale={{ emptyText: '没有在办事项' }}
      onRow={(r) => ({ onClick: () => open({ name: 'matter', matterId: r.matterId }), style: { cursor: 'pointer' } })}
    />
  );
}
