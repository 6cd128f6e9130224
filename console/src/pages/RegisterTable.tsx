// The register as a table: the same columns wherever matters are listed (the register, a
// figure's drill-down); a row opens the matter's full record.
import { Table, Tag } from 'antd';
import type { RegisterRow } from '../../../domain/console/matters';
import { STATE_LABELS, type MatterState } from '../../../domain/matters/states';

export function RegisterTable({ rows, loading, onOpen }: { rows: RegisterRow[]; loading?: boolean; onOpen: (row: RegisterRow) => void }) {
  return (
    <Table<RegisterRow>
      rowKey="matterId"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20 }}
      onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } })}
      columns={[
        { title: '信访件编号', dataIndex: 'matterNo', width: 220 },
        { title: '县区', dataIndex: 'countyCode', width: 80 },
        { title: '登记时间', dataIndex: 'receivedAt', render: (v: string) => new Date(v).toLocaleString('zh-CN'), width: 170 },
        { title: '信访人', dataIndex: 'visitorName', render: (v: string, r) => (r.masked ? <span title="已按角色隐去">{v}</span> : v), width: 90 },
        { title: '证件号码', dataIndex: 'idNumber', width: 180 },
        { title: '状态', dataIndex: 'status', render: (s: MatterState) => <Tag>{STATE_LABELS[s]}</Tag>, width: 100 },
        { title: '内容摘要', dataIndex: 'summary', ellipsis: true },
      ]}
    />
  );
}
