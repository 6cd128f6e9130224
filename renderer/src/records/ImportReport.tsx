// The report of refused rows: each reason with how many rows it refused, then the rows one by
// one (their row number as Excel shows it) with every reason, so the file can be fixed.
import { Table, Typography } from 'antd';
import { LISTED_REFUSALS, type ImportCheck } from '../../../domain/records/rpc';

export function ImportReport({ check }: { check: ImportCheck }) {
  if (check.refused === 0) return null;
  return (
    <div data-testid="import-report" style={{ marginTop: 12 }}>
      <Typography.Text strong>拒绝导入的原因</Typography.Text>
      <ul style={{ margin: '4px 0 8px' }}>
        {check.byReason.map((r) => (
          <li key={r.reason}>
            {r.reason}：{r.rows} 行
          </li>
        ))}
      </ul>
      <Table
        size="small"
        rowKey="row"
        pagination={{ pageSize: 10, showSizeChanger: false }}
        dataSource={check.refusedRows}
        columns={[
          { title: '行号', dataIndex: 'row', width: 80 },
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '原因', dataIndex: 'reasons', render: (reasons: string[]) => reasons.join('；') },
        ]}
      />
      {check.refused > check.refusedRows.length && (
        <Typography.Text type="secondary">
          共 {check.refused} 行被拒绝，此处列出前 {LISTED_REFUSALS} 行。
        </Typography.Text>
      )}
    </div>
  );
}
