// 专项: the city's campaigns, each with its period, its counties and its 化解率 in total (by the
// domain's formula, shown), opened for the rate per county and its matters; the 督办员 and the
// 管理员 make one; and the campaigns the counties run themselves, as their windows reported them.
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { may } from '../../../domain/console/access';
import type { ConsoleCampaign } from '../../../domain/console/campaigns';
import { CAMPAIGN_RATE_FORMULA, CAMPAIGN_RATE_LABEL } from '../../../domain/figures/indicators';
import { api, messageOf } from '../api';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { CampaignDetail, rateText } from './CampaignDetail';

interface CountyCampaign {
  countyCode: string;
  occurredAt: string;
  payload: { name?: string; issuedBy?: string; dueOn?: string; matterIds?: string[] };
}
interface Campaigns {
  campaigns: ConsoleCampaign[];
  counties: string[];
  countyCampaigns: CountyCampaign[];
}
interface NewCampaign {
  name: string;
  period: [Dayjs, Dayjs];
  countyCodes: string[];
}

const FORMULA = `${CAMPAIGN_RATE_LABEL} = ${CAMPAIGN_RATE_FORMULA}`;

function CreateCampaign({ counties, onCreated }: { counties: string[]; onCreated: () => void }) {
  const [form] = Form.useForm<NewCampaign>();
  const { message } = App.useApp();
  const create = async (v: NewCampaign) => {
    try {
      await api('POST', '/api/console/campaigns', { name: v.name, startsOn: v.period[0].format('YYYY-MM-DD'), dueOn: v.period[1].format('YYYY-MM-DD'), countyCodes: v.countyCodes });
      void message.success(`已建立专项：${v.name}`);
      form.resetFields();
      onCreated();
    } catch (e) {
      void message.error(messageOf(e));
    }
  };
  return (
    <Card size="small" title="新建专项">
      <Form form={form} layout="inline" onFinish={create}>
        <Form.Item name="name" label="专项名称" rules={[{ required: true, message: '请填写专项名称' }]}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="period" label="期限" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="countyCodes" label="交办县区" rules={[{ required: true, message: '请至少选择一个县（区）' }]}>
          <Select mode="tags" style={{ minWidth: 220 }} placeholder="选择或输入6位县区代码" options={counties.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          建立
        </Button>
      </Form>
    </Card>
  );
}

export function CampaignsPage() {
  const role = useSession((s) => s.state?.staff?.role);
  const canManage = role !== undefined && may(role, 'campaigns.manage');
  const { data, error, reload } = useLoad(() => api<Campaigns>('GET', '/api/console/campaigns'), []);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canManage && <CreateCampaign counties={data?.counties ?? []} onCreated={reload} />}
      {error && <Alert type="error" title={error} />}
      <Card size="small" title="市级专项" extra={<Typography.Text type="secondary">{FORMULA}</Typography.Text>}>
        <Table<ConsoleCampaign>
          rowKey="campaignId"
          size="small"
          dataSource={data?.campaigns ?? []}
          pagination={{ pageSize: 20 }}
          expandable={{ expandedRowRender: (c) => <CampaignDetail campaign={c} canManage={canManage} onChanged={reload} /> }}
          columns={[
            { title: '专项', dataIndex: 'name' },
            { title: '期限', render: (_, c) => `${c.startsOn} 至 ${c.dueOn}` },
            { title: '交办县区', render: (_, c) => c.countyCodes.join('、') },
            { title: '交办件数', render: (_, c) => c.total.rate.denominator },
            { title: CAMPAIGN_RATE_LABEL, render: (_, c) => <Tooltip title={FORMULA}>{rateText(c.total.rate)}</Tooltip> },
            { title: '建立人', dataIndex: 'createdBy' },
          ]}
        />
      </Card>
      <Card size="small" title="县区自行开展的专项工作">
        <Table<CountyCampaign>
          rowKey={(e) => `${e.countyCode}-${e.occurredAt}-${e.payload.name ?? ''}`}
          size="small"
          dataSource={data?.countyCampaigns ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '县区', dataIndex: 'countyCode' },
            { title: '专项', render: (_, e) => e.payload.name ?? '' },
            { title: '部署单位', render: (_, e) => e.payload.issuedBy ?? '' },
            { title: '期限', render: (_, e) => e.payload.dueOn ?? '' },
            { title: '事项数', render: (_, e) => e.payload.matterIds?.length ?? 0 },
            { title: '时间', dataIndex: 'occurredAt', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
          ]}
        />
      </Card>
    </Space>
  );
}
