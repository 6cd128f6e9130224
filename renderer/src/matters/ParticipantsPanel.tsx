// 律师、心理咨询师参与接访 (DOMAIN.md §6): who took part in which reception of this matter.
import { Button, Form, Input, Radio, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { PARTICIPANT_ROLE_LABELS, participantRoleSchema, type ParticipantRole } from '../../../domain/matters/supervision';
import { api } from '../api/client';
import { FormDialog } from './FormDialog';
import { useMatterStore } from './matterStore';

type Participant = MatterDetail['participants'][number];
type Values = { visitId: string; role: ParticipantRole; name: string; organisation?: string };

export function ParticipantsPanel({ matter }: { matter: MatterDetail }) {
  const [adding, setAdding] = useState(false);
  const visitLabel = (visitId: string) => {
    const v = matter.visits.find((x) => x.visitId === visitId);
    return v ? `${dayjs(v.receivedAt).format('YYYY-MM-DD HH:mm')} ${v.kind === 'repeat' ? '重复访' : '初访'}` : '';
  };

  async function add(v: Values) {
    const r = await api.invoke('participants.add', { visitId: v.visitId, role: v.role, name: v.name, organisation: v.organisation ?? '' });
    return r.ok ? null : r.message;
  }

  const columns: ColumnsType<Participant> = [
    { title: '接访', dataIndex: 'visitId', width: 170, render: visitLabel },
    { title: '身份', dataIndex: 'role', width: 100, render: (r: ParticipantRole) => PARTICIPANT_ROLE_LABELS[r] },
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '单位', dataIndex: 'organisation' },
  ];
  const latestVisit = matter.visits.at(-1)?.visitId;

  return (
    <>
      <Table<Participant> data-testid="participants" size="small" rowKey={(p) => `${p.visitId}-${p.role}-${p.name}`} columns={columns} dataSource={matter.participants} pagination={false} locale={{ emptyText: '暂无' }} />
      <Button size="small" style={{ marginTop: 8 }} disabled={!latestVisit} onClick={() => setAdding(true)}>
        登记参与人员
      </Button>
      {adding && (
        <FormDialog<Values>
          name="participant"
          title={`律师、心理咨询师参与接访 — ${matter.matterNo}`}
          initialValues={{ visitId: latestVisit, role: 'lawyer' }}
          onSubmit={add}
          onClose={(done) => {
            setAdding(false);
            if (done) void useMatterStore.getState().reload();
          }}
        >
          <Form.Item name="visitId" label="参与的接访" rules={[{ required: true, message: '请选择接访' }]}>
            <Select options={matter.visits.map((v) => ({ value: v.visitId, label: visitLabel(v.visitId) }))} />
          </Form.Item>
          <Form.Item name="role" label="身份">
            <Radio.Group options={participantRoleSchema.options.map((r) => ({ value: r, label: PARTICIPANT_ROLE_LABELS[r] }))} />
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="organisation" label="单位（律师事务所、咨询机构）">
            <Input maxLength={100} />
          </Form.Item>
        </FormDialog>
      )}
    </>
  );
}
