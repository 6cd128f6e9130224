// 办理过程: every recorded step of the matter, oldest first, with who did it, why, and the
// documents it produced — the file's own account of its statutory history; with it, in time
// order, every 更正, 作废 and 撤回, and each withdrawn step struck through but kept.
import { Empty, Tag, Timeline as AntTimeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { DOCUMENT_TITLES, documentKindSchema } from '../../../domain/documents/kinds';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { CorrectionEntry } from '../corrections/CorrectionEntry';

const titleOf = (kind: string) => {
  const k = documentKindSchema.safeParse(kind);
  return k.success ? DOCUMENT_TITLES[k.data] : kind;
};

export function Timeline({ matter }: { matter: MatterDetail }) {
  if (matter.transitions.length === 0 && matter.corrections.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="已登记，尚未办理" />;
  const steps = matter.transitions.map((t) => {
    const withdrawn = matter.withdrawnSteps.includes(t.id);
    return {
      at: t.at,
      key: t.id,
      color: withdrawn ? 'gray' : t.to === 'terminated' || t.to === 'closed' ? 'gray' : 'blue',
      content: (
        <div style={withdrawn ? { textDecoration: 'line-through', opacity: 0.6 } : undefined} data-testid={withdrawn ? 'step-withdrawn' : undefined}>
          <Typography.Text type="secondary" style={{ marginRight: 8 }}>
            {dayjs(t.at).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
          <Typography.Text strong>{t.label}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {t.actorName}
          </Typography.Text>
          {t.reason && <div style={{ whiteSpace: 'pre-wrap' }}>{t.reason}</div>}
          {withdrawn && <Tag style={{ marginLeft: 8 }}>已撤回</Tag>}
          {t.documents.length > 0 && (
            <div style={{ marginTop: 2 }}>
              {t.documents.map((d) => (
                <Tag key={d}>{titleOf(d)}</Tag>
              ))}
            </div>
          )}
        </div>
      ),
    };
  });
  const corrections = matter.corrections.map((c) => ({ at: c.at, key: c.id, color: c.kind === 'void' ? 'red' : 'orange', content: <CorrectionEntry c={c} /> }));
  // Both kinds carry their instant with its offset: ordered by the moment, not the text.
  const items = [...steps, ...corrections].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map(({ at: _at, ...item }) => item);
  return <AntTimeline data-testid="timeline" items={items} />;
}
