// 受理前审查 (DOMAIN.md §3): before a matter is classified, the window asks what would keep the
// body from accepting it — a terminated matter raised again, one pending elsewhere, a skip-level
// visit, another organ's powers, 涉法涉诉 — with 越级 and 涉法涉诉 prefilled from the registration
// form. prescreen() decides; the dialog then declines with the ground, or goes on to classify.
import { Alert, Input, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { SKIP_LEVEL_LABELS } from '../../../domain/intake/flags';
import { CHANNEL_LABELS } from '../../../domain/intake/registration';
import { DECLINE_GROUND_LABELS, OTHER_ORGAN_LABELS, otherOrganSchema, prescreen, type OtherOrgan, type PrescreenOutcome } from '../../../domain/matters/prescreen';
import type { MatterDetail } from '../../../domain/matters/rpc';

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

function Question({ id, prompt, children }: { id: string; prompt: string; children: React.ReactNode }) {
  return (
    <div data-testid={`prescreen-${id}`} style={{ marginBottom: 10 }}>
      <Typography.Text strong>{prompt}</Typography.Text>
      <div style={{ marginTop: 4 }}>{children}</div>
    </div>
  );
}

function OutcomeNote({ outcome }: { outcome: PrescreenOutcome }) {
  const bodies = outcome.proposedBodies.length > 0 && (
    <div style={{ marginTop: 6 }} data-testid="proposed-bodies">
      建议涉及的机关：
      {outcome.proposedBodies.map((b) => (
        <Tag key={b}>{b}</Tag>
      ))}
    </div>
  );
  if (outcome.kind === 'classify') return bodies ? <Alert type="success" title="审查通过，请分类" description={bodies} /> : <Alert type="success" title="审查通过，请分类" />;
  const title = outcome.kind === 'decline' ? `不予受理：${DECLINE_GROUND_LABELS[outcome.ground]}` : outcome.next === 'transfer' ? '涉法涉诉来信：分类后转送政法机关' : '涉法涉诉来访：分类后导入法定途径';
  return (
    <Alert
      type={outcome.kind === 'decline' ? 'warning' : 'info'}
      data-testid="prescreen-outcome"
      title={title}
      description={
        <>
          <div>{outcome.visitorText}</div>
          <Typography.Text type="secondary">依据：{outcome.basis}</Typography.Text>
          {bodies}
        </>
      }
    />
  );
}

/** Reports the outcome once every question is answered, and null while one is not. */
export function PrescreenPanel({ matter, onOutcome }: { matter: MatterDetail; onOutcome: (o: PrescreenOutcome | null) => void }) {
  const [terminated, setTerminated] = useState<boolean | null>(null);
  const [pending, setPending] = useState<boolean | null>(null);
  const [pendingAt, setPendingAt] = useState('');
  const [organ, setOrgan] = useState<OtherOrgan | 'none' | null>(null);
  const [lawRelated, setLawRelated] = useState(matter.flags.lawRelated);
  const { skipLevel } = matter.flags;

  const outcome = useMemo(() => {
    if (terminated === null || pending === null || organ === null || (pending && pendingAt.trim() === '')) return null;
    return prescreen(
      { terminatedSameRequest: terminated, pendingAt: pending ? pendingAt.trim() : '', otherOrgan: organ === 'none' ? null : organ, skipLevel, lawRelated, channel: matter.channel },
      matter.flags,
    );
  }, [terminated, pending, pendingAt, organ, skipLevel, lawRelated, matter.channel, matter.flags]);
  useEffect(() => onOutcome(outcome), [outcome, onOutcome]);

  return (
    <div data-testid="prescreen" style={{ marginBottom: 12 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        受理前审查
      </Typography.Title>
      <Question id="terminated" prompt="是否为已终结的信访事项，以同一事实和理由再次提出？">
        <Radio.Group optionType="button" options={YES_NO} value={terminated} onChange={(e) => setTerminated(e.target.value as boolean)} />
      </Question>
      <Question id="pending" prompt="该事项是否正在其他机关或下级机关办理中？">
        <Space wrap>
          <Radio.Group optionType="button" options={YES_NO} value={pending} onChange={(e) => setPending(e.target.value as boolean)} />
          {pending && <Input placeholder="正在办理的机关" maxLength={100} value={pendingAt} onChange={(e) => setPendingAt(e.target.value)} style={{ width: 240 }} data-testid="prescreen-pending-at" />}
        </Space>
      </Question>
      <Question id="organ" prompt="是否属于人民代表大会、人民法院、人民检察院职权范围内的事项？">
        <Radio.Group
          optionType="button"
          value={organ}
          onChange={(e) => setOrgan(e.target.value as OtherOrgan | 'none')}
          options={[...otherOrganSchema.options.map((o) => ({ value: o, label: OTHER_ORGAN_LABELS[o] })), { value: 'none', label: '不属于' }]}
        />
      </Question>
      <Question id="marks" prompt="登记时的标记">
        <Space wrap>
          <span>越级：{skipLevel ? <Tag color="volcano">{SKIP_LEVEL_LABELS[skipLevel]}</Tag> : '否'}</span>
          <span>
            涉法涉诉（{CHANNEL_LABELS[matter.channel]}）：
            <Radio.Group optionType="button" size="small" options={YES_NO} value={lawRelated} onChange={(e) => setLawRelated(e.target.value as boolean)} />
          </span>
        </Space>
      </Question>
      {outcome && <OutcomeNote outcome={outcome} />}
    </div>
  );
}
