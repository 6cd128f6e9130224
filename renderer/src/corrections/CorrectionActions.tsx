// 更正, 作废 and 撤回 on a matter's file: each a dialog that asks for the reason, offered only to
// the roles the backend's table allows (it checks again), and answered with the file as it now
// stands. Nothing is deleted: the timeline shows what was and what replaced it.
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { CHANNEL_LABELS, type Channel } from '../../../domain/intake/registration';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { api } from '../api/client';
import { CategoryCascader } from '../intake/CategoryCascader';
import { FormDialog } from '../matters/FormDialog';
import { useMatterStore } from '../matters/matterStore';
import { useMayCall } from '../session/useMayCall';

type Open = 'correct' | 'void' | 'withdraw' | null;

const reasonField = (label: string) => (
  <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
    <Input.TextArea rows={2} maxLength={500} showCount />
  </Form.Item>
);

interface CorrectionForm {
  visitorName: string;
  mobile: string;
  channel: Channel;
  headcount: number;
  category: string[];
  respondent: string;
  summary: string;
  facts: string;
  reason: string;
}

function CorrectDialog({ matter, onClose }: { matter: MatterDetail; onClose: () => void }) {
  const person = matter.visitor.masked ? {} : { visitorName: matter.visitor.name, mobile: matter.visitor.mobile };
  const initial = { ...person, channel: matter.channel, headcount: matter.headcount, category: matter.categoryCode ? [matter.categoryCode.slice(0, 2), matter.categoryCode] : [], respondent: matter.respondent, summary: matter.summary, facts: matter.facts };
  async function submit({ reason, category, ...v }: CorrectionForm) {
    // Only what changed goes to the backend: each is one line of old → new in the history.
    const next = { ...v, categoryCode: category.at(-1) ?? '' };
    const current: Record<string, unknown> = { ...initial, categoryCode: matter.categoryCode };
    const values = Object.fromEntries(Object.entries(next).filter(([k, x]) => k in current && x !== current[k]));
    const r = await api.invoke('matters.correct', { matterId: matter.matterId, values, reason });
    if (!r.ok) return r.message;
    useMatterStore.getState().show(r.value);
    return null;
  }
  return (
    <FormDialog<CorrectionForm> name="correct" title="更正登记信息" initialValues={initial} onSubmit={submit} onClose={onClose}>
      {!matter.visitor.masked && (
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="visitorName" label="信访人姓名" style={{ flex: 1 }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="mobile" label="手机号码" style={{ flex: 1 }}>
            <Input maxLength={20} />
          </Form.Item>
        </div>
      )}
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item name="channel" label="信访方式" style={{ flex: 1 }}>
          <Select options={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="headcount" label="人数" style={{ flex: 1 }}>
          <InputNumber min={1} max={9999} style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item name="category" label="问题分类">
        <CategoryCascader />
      </Form.Item>
      <Form.Item name="respondent" label="被反映人或单位">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="summary" label="诉求摘要">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="facts" label="事实与理由">
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      {reasonField('更正理由')}
    </FormDialog>
  );
}

/** The latest lifecycle step that still stands: what a 撤回 takes back. */
export function latestStandingStep(matter: MatterDetail) {
  return matter.transitions.filter((t) => !matter.withdrawnSteps.includes(t.id)).at(-1) ?? null;
}

export function CorrectionActions({ matter }: { matter: MatterDetail }) {
  const [open, setOpen] = useState<Open>(null);
  const may = useMayCall();
  const latest = latestStandingStep(matter);
  if (matter.voided) return null;
  const simple = (kind: 'void' | 'withdraw') => async ({ reason }: { reason: string }) => {
    const r = kind === 'void' ? await api.invoke('matters.void', { matterId: matter.matterId, reason }) : await api.invoke('matters.withdrawStep', { matterId: matter.matterId, transitionId: latest!.id, reason });
    if (!r.ok) return r.message;
    useMatterStore.getState().show(r.value);
    return null;
  };
  return (
    <>
      <Space wrap data-testid="correction-actions">
        {may.method('matters.correct') && (
          <Button data-testid="action-correct" onClick={() => setOpen('correct')}>
            更正
          </Button>
        )}
        {may.method('matters.withdrawStep') && latest && matter.origin === 'window' && (
          <Button data-testid="action-withdraw" onClick={() => setOpen('withdraw')}>
            撤回「{latest.label}」
          </Button>
        )}
        {may.method('matters.void') && (
          <Button danger data-testid="action-void" onClick={() => setOpen('void')}>
            作废
          </Button>
        )}
      </Space>
      {open === 'correct' && <CorrectDialog matter={matter} onClose={() => setOpen(null)} />}
      {open === 'withdraw' && latest && (
        <FormDialog name="withdraw" title={`撤回「${latest.label}」`} onSubmit={simple('withdraw')} onClose={() => setOpen(null)}>
          <p>撤回后该步骤仍保留在办理过程中并标注“已撤回”，事项回到该步骤之前的状态。</p>
          {reasonField('撤回理由')}
        </FormDialog>
      )}
      {open === 'void' && (
        <FormDialog name="void" title="作废登记" onSubmit={simple('void')} onClose={() => setOpen(null)}>
          <p>作废的登记仍然保留，但不再计入统计、不再出现在工作台和以往事项中，仅科长/督办可以查看。</p>
          {reasonField('作废理由')}
        </FormDialog>
      )}
    </>
  );
}
