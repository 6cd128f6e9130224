// 基本情况: who came, about what, and how it is classified. A protected reporter (检举控告,
// 条例 art. 30) arrives masked from the backend for most roles; the note says why.
import { LockOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { CHANNEL_LABELS } from '../../../domain/intake/registration';
import { FLAG_LABELS, SKIP_LEVEL_LABELS, type FlagName } from '../../../domain/intake/flags';
import { CLASS_LABELS, ROUTE_LABELS } from '../../../domain/matters/routes';
import type { MatterDetail } from '../../../domain/matters/rpc';

function Flags({ flags }: { flags: MatterDetail['flags'] }) {
  const set = (Object.keys(FLAG_LABELS) as FlagName[]).filter((f) => flags[f]);
  if (!flags.skipLevel && set.length === 0) return <>无</>;
  return (
    <Space size={4} wrap>
      {flags.skipLevel && <Tag color="volcano">{SKIP_LEVEL_LABELS[flags.skipLevel]}</Tag>}
      {set.map((f) => (
        <Tag key={f} color={f === 'majorUrgent' ? 'red' : undefined}>
          {FLAG_LABELS[f]}
        </Tag>
      ))}
    </Space>
  );
}

export function MatterBasics({ matter }: { matter: MatterDetail }) {
  const { visitor, lifecycle } = matter;
  return (
    <>
      {visitor.masked && (
        <Alert
          type="warning"
          showIcon
          // An icon, not the 🔒 emoji: window PCs and CI often have no colour-emoji font.
          icon={<LockOutlined />}
          style={{ marginBottom: 8 }}
          data-testid="reporter-protected"
          title="已按检举人保护要求隐去身份（《信访工作条例》第三十条）"
        />
      )}
      <Descriptions size="small" bordered column={3} data-testid="matter-basics" styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="当事人">
          <span data-testid="visitor-name">{visitor.name}</span>
        </Descriptions.Item>
        {/* A number broken over two lines is misread when checked against the card. */}
        <Descriptions.Item label="证件号码">
          <span style={{ whiteSpace: 'nowrap' }}>{visitor.credential}</span>
        </Descriptions.Item>
        <Descriptions.Item label="手机">{visitor.mobile || '—'}</Descriptions.Item>
        <Descriptions.Item label="登记时间">
          <span style={{ whiteSpace: 'nowrap' }}>{dayjs(matter.receivedAt).format('YYYY-MM-DD HH:mm')}</span>
        </Descriptions.Item>
        <Descriptions.Item label="信访形式">{CHANNEL_LABELS[matter.channel]}</Descriptions.Item>
        <Descriptions.Item label="人数">{matter.headcount}</Descriptions.Item>
        <Descriptions.Item label="问题分类">{matter.category.length > 0 ? matter.category.join(' / ') : '—'}</Descriptions.Item>
        <Descriptions.Item label="被反映人">{matter.respondent || '—'}</Descriptions.Item>
        <Descriptions.Item label="标记">
          <Flags flags={matter.flags} />
        </Descriptions.Item>
        <Descriptions.Item label="事项类别">{lifecycle.class ? CLASS_LABELS[lifecycle.class] : '待分类'}</Descriptions.Item>
        <Descriptions.Item label="处理途径">{lifecycle.route ? ROUTE_LABELS[lifecycle.route] : '—'}</Descriptions.Item>
        <Descriptions.Item label="责任单位">{lifecycle.body ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="诉求摘要" span={3}>
          {matter.summary}
        </Descriptions.Item>
        <Descriptions.Item label="事实与理由" span={3}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{matter.facts || '—'}</span>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
