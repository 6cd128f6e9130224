// 督查督办 on this matter (DOMAIN.md §6): the notices issued, with their time limits, and the
// supervisor's own actions — issue a notice, mark one done. Notices may also come down from
// the city (origin), so they are listed whoever issued them.
import { App, Button, DatePicker, Form, Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { api } from '../api/client';
import { FormDialog } from './FormDialog';
import { useMayCall } from '../session/useMayCall';
import { useMatterStore } from './matterStore';

type Notice = MatterDetail['supervision'][number];
type IssueValues = { dueOn: Dayjs; content: string };

/** The backend refuses others too (forbidden_role); hiding the button spares the round trip. */

export function SupervisionPanel({ matter }: { matter: MatterDetail }) {
  const { message } = App.useApp();
  const may = useMayCall();
  const [issuing, setIssuing] = useState(false);
  const reload = () => void useMatterStore.getState().reload();

  async function resolve(n: Notice) {
    const r = await api.invoke('supervision.resolve', { id: n.id });
    if (!r.ok) return void message.error(r.message);
    message.success(`${n.noticeNo} 已办结`);
    reload();
  }

  async function issue(v: IssueValues) {
    const r = await api.invoke('supervision.issue', { matterId: matter.matterId, dueOn: v.dueOn.format('YYYY-MM-DD'), content: v.content });
    return r.ok ? null : r.message;
  }

  const columns: ColumnsType<Notice> = [
    { title: '文号', dataIndex: 'noticeNo', width: 120 },
    { title: '签发', width: 130, render: (_, n) => `${n.issuedBy} ${dayjs(n.issuedAt).format('MM-DD')}${n.origin === 'local' ? '' : '（上级）'}` },
    { title: '时限', dataIndex: 'dueOn', width: 100 },
    { title: '督办内容', dataIndex: 'content', ellipsis: true },
    {
      title: '状态',
      width: 80,
      render: (_, n) =>
        n.resolvedAt ? (
          <Tag color="green">已办结</Tag>
        ) : (
          <Button size="small" onClick={() => void resolve(n)}>
            办结
          </Button>
        ),
    },
  ];

  return (
    <>
      <Table<Notice> data-testid="supervision" size="small" rowKey="id" columns={columns} dataSource={matter.supervision} pagination={false} locale={{ emptyText: '未督办' }} />
      {may.method('supervision.issue') && !matter.voided && (
        <Button size="small" style={{ marginTop: 8 }} onClick={() => setIssuing(true)}>
          签发督办
        </Button>
      )}
      {issuing && (
        <FormDialog<IssueValues>
          name="supervision"
          title={`签发督办 — ${matter.matterNo}`}
          initialValues={{ dueOn: dayjs().add(7, 'day') }}
          onSubmit={issue}
          onClose={(done) => {
            setIssuing(false);
            if (done) reload();
          }}
        >
          <Form.Item name="dueOn" label="办理时限" rules={[{ required: true, message: '请选择办理时限' }]}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="content" label="督办内容" rules={[{ required: true, whitespace: true, message: '请填写督办内容' }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </FormDialog>
      )}
    </>
  );
}
