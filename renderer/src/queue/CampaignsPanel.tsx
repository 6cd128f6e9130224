// 专项工作: batches of matters assigned from above (交办) and how many are resolved. The rate's
// formula is shown with it (DOMAIN.md §6: show the formulas in the UI).
import { Button, Card, DatePicker, Form, Input, Table, Tooltip } from 'antd';
import { CAMPAIGN_RATE_FORMULA, CAMPAIGN_RATE_LABEL } from '../../../domain/figures/indicators';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { campaignSchema } from '../../../domain/matters/rpc';
import { api } from '../api/client';
import { FormDialog } from '../matters/FormDialog';

type Campaign = z.infer<typeof campaignSchema>;
type Values = { name: string; issuedBy: string; dueOn: Dayjs; matterNos: string };

// The domain's definition (DOMAIN.md §6): 息诉罢访, not 办结.
const RATE_FORMULA = `${CAMPAIGN_RATE_LABEL} = ${CAMPAIGN_RATE_FORMULA}`;

const columns: ColumnsType<Campaign> = [
  { title: '专项', dataIndex: 'name' },
  { title: '交办单位', dataIndex: 'issuedBy', width: 200, ellipsis: true },
  { title: '时限', dataIndex: 'dueOn', width: 110 },
  { title: '交办数', dataIndex: 'assigned', width: 80, align: 'right' },
  { title: '已化解', dataIndex: 'resolved', width: 80, align: 'right' },
  {
    title: <Tooltip title={RATE_FORMULA}>化解率 ⓘ</Tooltip>,
    dataIndex: 'resolutionRate',
    width: 100,
    align: 'right',
    render: (rate: number | null, c) => (
      <Tooltip title={`${RATE_FORMULA}：${c.resolved} ÷ ${c.assigned}`}>{rate === null ? '—' : `${(rate * 100).toFixed(1)}%`}</Tooltip>
    ),
  },
];

export function CampaignsPanel() {
  const [rows, setRows] = useState<Campaign[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const refresh = useCallback(async () => {
    const r = await api.invoke('campaigns.list', {});
    setError(r.ok ? null : r.message);
    if (r.ok) setRows(r.value);
  }, []);
  useEffect(() => void refresh(), [refresh]);

  async function create(v: Values) {
    const matterNos = v.matterNos.split('\n').map((s) => s.trim()).filter(Boolean);
    const r = await api.invoke('campaigns.create', { name: v.name, issuedBy: v.issuedBy, dueOn: v.dueOn.format('YYYY-MM-DD'), matterNos });
    return r.ok ? null : r.message;
  }

  return (
    <Card
      size="small"
      title="专项工作"
      data-testid="campaigns"
      extra={
        <Button size="small" onClick={() => setCreating(true)}>
          新建专项
        </Button>
      }
    >
      <Table<Campaign> size="small" rowKey="id" columns={columns} dataSource={rows} pagination={false} locale={{ emptyText: error ?? '暂无专项' }} />
      {creating && (
        <FormDialog<Values>
          name="campaign"
          title="新建专项"
          initialValues={{ dueOn: dayjs().add(30, 'day') }}
          onSubmit={create}
          onClose={(done) => {
            setCreating(false);
            if (done) void refresh();
          }}
        >
          <Form.Item name="name" label="专项名称" rules={[{ required: true, whitespace: true, message: '请填写专项名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="issuedBy" label="交办单位" rules={[{ required: true, whitespace: true, message: '请填写交办单位' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="dueOn" label="时限" rules={[{ required: true, message: '请选择时限' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="matterNos" label="交办事项编号（每行一个）" rules={[{ required: true, whitespace: true, message: '请填写至少一个信访件编号' }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
        </FormDialog>
      )}
    </Card>
  );
}
