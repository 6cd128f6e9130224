// 督办: issue a 督办 notice on a county's matter (the county's windows pull it), follow the
// notices — resolved at the window, or overdue — and see the counties' own 督办, 包案 and campaigns.
import { Alert, App, Button, Card, DatePicker, Form, Input, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { may } from '../../../domain/console/access';
import { EVENT_TYPE_LABELS } from '../../../domain/sync/events';
import { api, messageOf } from '../api';
import { useSession } from '../session';
import { useLoad } from '../useLoad';

interface Notice {
  id: string;
  noticeNo: string;
  matterNo: string;
  countyCode: string;
  issuedBy: string;
  issuedAt: string;
  dueOn: string;
  content: string;
  resolvedAt: string | null;
  overdue: boolean;
}
interface CountyEvent {
  countyCode: string;
  type: keyof typeof EVENT_TYPE_LABELS;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export function SupervisionPage() {
  const role = useSession((s) => s.state?.staff?.role);
  const { data, error, reload } = useLoad(() => api<{ notices: Notice[]; countyEvents: CountyEvent[] }>('GET', '/api/console/supervision'), []);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const issue = async (v: { matterNo: string; dueOn: Dayjs; content: string }) => {
    try {
      const n = await api<Notice>('POST', '/api/console/supervision', { ...v, dueOn: v.dueOn.format('YYYY-MM-DD') });
      void message.success(`已下发 ${n.noticeNo}`);
      form.resetFields();
      reload();
    } catch (e) {
      void message.error(messageOf(e));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {role && may(role, 'supervision.issue') && (
        <Card size="small" title="下发督办">
          <Form form={form} layout="inline" onFinish={issue}>
            <Form.Item name="matterNo" label="信访件编号" rules={[{ required: true, message: '请填写信访件编号' }]}>
              <Input style={{ width: 230 }} />
            </Form.Item>
            <Form.Item name="dueOn" label="办结时限" rules={[{ required: true, message: '请选择时限' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="content" label="督办内容" rules={[{ required: true, message: '请填写督办内容' }]}>
              <Input style={{ width: 320 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              下发
            </Button>
          </Form>
        </Card>
      )}
      {error && <Alert type="error" title={error} />}
      <Table<Notice>
        rowKey="id"
        size="small"
        dataSource={data?.notices ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '文号', dataIndex: 'noticeNo' },
          { title: '信访件', dataIndex: 'matterNo' },
          { title: '县区', dataIndex: 'countyCode' },
          { title: '内容', dataIndex: 'content', ellipsis: true },
          { title: '时限', dataIndex: 'dueOn' },
          {
            title: '办理情况',
            render: (_, n) => (n.resolvedAt ? <Tag color="green">已办结 {new Date(n.resolvedAt).toLocaleDateString('zh-CN')}</Tag> : n.overdue ? <Tag color="red">已逾期</Tag> : <Tag color="blue">办理中</Tag>),
          },
        ]}
      />
      <Card size="small" title="县区督办、包案与专项工作">
        <Table<CountyEvent>
          rowKey={(e) => `${e.countyCode}-${e.occurredAt}-${e.type}`}
          size="small"
          dataSource={data?.countyEvents ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '县区', dataIndex: 'countyCode' },
            { title: '事项', dataIndex: 'type', render: (t: CountyEvent['type']) => EVENT_TYPE_LABELS[t] ?? t },
            { title: '时间', dataIndex: 'occurredAt', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
            { title: '内容', render: (_, e) => String(e.payload.content ?? e.payload.name ?? e.payload.leader ?? e.payload.noticeNo ?? '') },
          ]}
        />
      </Card>
    </Space>
  );
}
