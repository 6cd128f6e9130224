// 以往信访事项: every earlier matter of the person on the form (DOMAIN.md §2), open, answered
// and terminated, so the clerk can link this visit to one (重复访) or start a new one (初访).
// Offline it covers this device's records only (provisional); online the city adds what other
// windows and counties registered (DESIGN.md §4).
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import type { PriorMatter } from '../../../domain/intake/rpc';
import { EstimatedNote } from '../matters/DaysLeftTag';
import { useIntakeStore } from './intakeStore';

export const TERMINATED_GUIDANCE = '该事项已终结，同一事实和理由不再受理；请登记本次来访并做好解释';

function Deadline({ d }: { d: NonNullable<PriorMatter['nextDeadline']> }) {
  return (
    <Typography.Text type={d.overdue ? 'danger' : d.daysLeft <= 3 ? 'warning' : undefined}>
      {d.label}至 {d.lastDay}（{d.overdue ? `已超期${-d.daysLeft}天` : `剩${d.daysLeft}天`}）
      <EstimatedNote deadline={d} />
    </Typography.Text>
  );
}

function MatterItem({ m, linked, onLink }: { m: PriorMatter; linked: boolean; onLink: () => void }) {
  return (
    <div
      data-testid="prior-matter"
      style={{
        padding: '8px 10px',
        border: `1px solid ${m.terminated ? '#ffa39e' : linked ? '#1d4f91' : '#f0f0f0'}`,
        background: m.terminated ? '#fff1f0' : linked ? '#f0f5ff' : undefined,
        borderRadius: 3,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {m.matterNo}
        </Typography.Text>
        <Tag color={m.terminated ? 'error' : 'processing'}>{m.statusLabel}</Tag>
        {m.source === 'city' && <Tag data-testid="prior-matter-elsewhere">市级记录 · 县区 {m.countyCode}</Tag>}
        {m.source === 'register' && <Tag data-testid="prior-matter-register">市终结库 · 县区 {m.countyCode}</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.receivedOn} 登记 · 来访{m.visits}次{m.lastVisitOn ? ` · 最近 ${m.lastVisitOn}` : ''}
        </Typography.Text>
        <span style={{ flex: 1 }} />
        {/* A matter of another window lives in that window's store: it can be seen, not linked. */}
        {m.source === 'local' && (
          <Button size="small" type={linked ? 'primary' : 'default'} onClick={onLink} aria-pressed={linked}>
            {linked ? '已关联（重复访）' : '关联此事项（重复访）'}
          </Button>
        )}
      </div>
      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
        {m.summary}
      </Typography.Paragraph>
      {m.nextDeadline && <Deadline d={m.nextDeadline} />}
      {m.terminated && <Alert type="error" showIcon title={TERMINATED_GUIDANCE} style={{ marginTop: 6, padding: '4px 8px' }} data-testid="terminated-warning" />}
    </div>
  );
}

export function PriorMatters() {
  const lookup = useIntakeStore((s) => s.lookup);
  const link = useIntakeStore((s) => s.link);
  const setLink = useIntakeStore((s) => s.setLink);
  if (!lookup) return null;
  const { result } = lookup;
  const isFirst = link.kind === 'first';

  return (
    <Card
      size="small"
      data-testid="prior-matters"
      title={
        <Space size={8}>
          <span>以往信访事项{result.visitorName ? ` · ${result.visitorName}` : ''}</span>
          {result.provisional ? <Tag color="gold">本机记录（待市级核对）</Tag> : <Tag color="green">已与市级核对</Tag>}
        </Space>
      }
      extra={
        result.matters.length > 0 && (
          <Button size="small" type={isFirst ? 'primary' : 'default'} onClick={() => setLink({ kind: 'first' })} aria-pressed={isFirst}>
            作为新事项（初访）
          </Button>
        )
      }
    >
      {result.matters.length === 0 ? (
        <Typography.Text type="secondary">未查到此人以往的信访事项，按初访登记。</Typography.Text>
      ) : (
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          {result.matters.map((m) => (
            <MatterItem
              key={m.matterId}
              m={m}
              linked={link.kind === 'repeat' && link.matterId === m.matterId}
              onLink={() => setLink({ kind: 'repeat', matterId: m.matterId })}
            />
          ))}
        </Space>
      )}
    </Card>
  );
}
