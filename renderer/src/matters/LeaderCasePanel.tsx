// 领导包案 "四定四包" (DOMAIN.md §6): a fixed leader, staff, plan and time limit for a hard
// case. Commonly cited practice, not statute; reassigning replaces the four.
import { Button, DatePicker, Descriptions, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { api } from '../api/client';
import { FormDialog } from './FormDialog';
import { useMatterStore } from './matterStore';

type Values = { leader: string; staff: string; plan: string; dueOn: Dayjs };

export function LeaderCasePanel({ matter }: { matter: MatterDetail }) {
  const [editing, setEditing] = useState(false);
  const lc = matter.leaderCase;

  async function assign(v: Values) {
    const r = await api.invoke('leaderCase.assign', { matterId: matter.matterId, leader: v.leader, staff: v.staff, plan: v.plan, dueOn: v.dueOn.format('YYYY-MM-DD') });
    return r.ok ? null : r.message;
  }

  return (
    <>
      {lc ? (
        <Descriptions size="small" column={2} data-testid="leader-case">
          <Descriptions.Item label="包案领导">{lc.leader}</Descriptions.Item>
          <Descriptions.Item label="化解时限">{lc.dueOn}</Descriptions.Item>
          <Descriptions.Item label="责任人员" span={2}>
            {lc.staff}
          </Descriptions.Item>
          <Descriptions.Item label="化解方案" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{lc.plan}</span>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {!matter.voided && (
        <Button size="small" style={{ marginTop: lc ? 8 : 0 }} onClick={() => setEditing(true)}>
          {lc ? '调整包案' : '指定包案领导'}
        </Button>
      )}
      {editing && (
        <FormDialog<Values>
          name="leader-case"
          title={`领导包案（四定四包） — ${matter.matterNo}`}
          initialValues={lc ? { ...lc, dueOn: dayjs(lc.dueOn) } : { dueOn: dayjs().add(30, 'day') }}
          onSubmit={assign}
          onClose={(done) => {
            setEditing(false);
            if (done) void useMatterStore.getState().reload();
          }}
        >
          <Form.Item name="leader" label="包案领导" rules={[{ required: true, whitespace: true, message: '请填写包案领导' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="staff" label="责任人员" rules={[{ required: true, whitespace: true, message: '请填写责任人员' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="plan" label="化解方案" rules={[{ required: true, whitespace: true, message: '请填写化解方案' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="dueOn" label="化解时限" rules={[{ required: true, message: '请选择化解时限' }]}>
            <DatePicker />
          </Form.Item>
        </FormDialog>
      )}
    </>
  );
}
