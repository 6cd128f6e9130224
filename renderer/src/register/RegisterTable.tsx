// The register's rows in a virtual table (antd), so 100,000 rows scroll as lightly as 100: only
// the rows in sight are drawn, and the next page is asked for as the end comes near. The three
// orders the register offers are the sortable columns; a click opens the matter's file.
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { CHANNEL_LABELS } from '../../../domain/intake/registration';
import type { RegisterSort, RegisterSortKey } from '../../../domain/register/filter';
import type { RegisterRow } from '../../../domain/register/rpc';
import { DaysLeftTag } from '../matters/DaysLeftTag';
import { useNavigation } from '../shell/navigation';

const order = (sort: RegisterSort, key: RegisterSortKey) => (sort.key === key ? (sort.dir === 'asc' ? 'ascend' : 'descend') : null);

function columns(sort: RegisterSort): ColumnsType<RegisterRow> {
  return [
    { title: '编号', dataIndex: 'matterNo', key: 'matterNo', width: 200, sorter: true, sortOrder: order(sort, 'matterNo') },
    { title: '登记时间', dataIndex: 'receivedAt', key: 'receivedAt', width: 140, sorter: true, sortOrder: order(sort, 'receivedAt'), render: (v: string) => v.slice(0, 16).replace('T', ' ') },
    { title: '渠道', dataIndex: 'channel', width: 60, render: (c: RegisterRow['channel']) => CHANNEL_LABELS[c] },
    {
      title: '信访人',
      key: 'visitor',
      width: 180,
      ellipsis: true,
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {r.visitor.name}
          <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
            {r.visitor.credential}
          </Typography.Text>
        </span>
      ),
    },
    { title: '问题分类', dataIndex: 'category', width: 140, ellipsis: true, render: (c: string[]) => c.join(' / ') },
    { title: '属地', dataIndex: 'place', width: 120, ellipsis: true },
    { title: '诉求', dataIndex: 'summary', width: 220, ellipsis: true },
    { title: '责任单位', dataIndex: 'unit', width: 130, ellipsis: true },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_, r) => (
        <>
          <Tag color={r.voided ? 'default' : undefined}>{r.statusLabel}</Tag>
          {r.voided && <Tag color="red">已作废</Tag>}
          {r.imported && <Tag>历史</Tag>}
        </>
      ),
    },
    {
      title: '期限',
      key: 'nextDue',
      width: 170,
      sorter: true,
      sortOrder: order(sort, 'nextDue'),
      render: (_, r) =>
        r.nextDeadline ? (
          <span>
            <Typography.Text type="secondary" style={{ marginRight: 4 }}>
              {r.nextDeadline.lastDay}
            </Typography.Text>
            <DaysLeftTag deadline={r.nextDeadline} />
          </span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: '标记', dataIndex: 'flags', width: 120, ellipsis: true, render: (f: string[]) => f.join('、') },
  ];
}

/** Rows of the table's box: the window's height less the header, filters and status bar. */
function useBodyHeight(): number {
  const measure = () => Math.max(240, window.innerHeight - 380);
  const [height, setHeight] = useState(measure);
  useEffect(() => {
    const resize = () => setHeight(measure());
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, []);
  return height;
}

export function RegisterTable(props: { rows: RegisterRow[]; loading: boolean; sort: RegisterSort; onSort: (s: RegisterSort) => void; onNearEnd: () => void }) {
  const open = useNavigation((s) => s.open);
  const height = useBodyHeight();
  return (
    <Table<RegisterRow>
      data-testid="register-table"
      virtual
      size="small"
      rowKey="matterId"
      columns={columns(props.sort)}
      dataSource={props.rows}
      loading={props.loading && props.rows.length === 0}
      pagination={false}
      scroll={{ x: 1650, y: height }}
      locale={{ emptyText: '没有符合条件的事项' }}
      sortDirections={['descend', 'ascend', 'descend']}
      onChange={(_p, _f, sorter) => {
        const s = sorter as SorterResult<RegisterRow>;
        const key = s.columnKey as RegisterSortKey | undefined;
        if (key && s.order) props.onSort({ key, dir: s.order === 'ascend' ? 'asc' : 'desc' });
      }}
      onScroll={(e) => {
        const el = e.currentTarget;
        if (el.scrollTop + el.clientHeight > el.scrollHeight - height) props.onNearEnd();
      }}
      onRow={(r) => ({ onClick: () => open({ name: 'matter', matterId: r.matterId }), style: { cursor: 'pointer' } })}
    />
  );
}
