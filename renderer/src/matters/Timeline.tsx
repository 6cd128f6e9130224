// 办理过程: every recorded step of the matter, oldest first, with who did it, why, and the
// documents it produced — the file's own account of its statutory history.
import { Empty, Tag, Timeline as AntTimeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { DOCUMENT_TITLES, documentKindSchema } from '../../../domain/documents/kinds';
import type { MatterDetail } from '../../../domain/matters/rpc';

const titleOf = (kind: string) => {
  const k = documentKindSchema.safeParse(kind);
  return k.success ? DOCUMENT_TITLES[k.data] : kind;
};

export function Timeline({ matter }: { matter: MatterDetail }) {
  if (matter.transitions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="已登记，尚未办理" />;
  return (
    <AntTimeline
      data-testid="timeline"
      items={matter.transitions.map((t) => ({
        key: t.id,
        color: t.to === 'terminated' || t.to === 'closed' ? 'gray' : 'blue',
        content: (
          <div>
            <Typography.Text type="secondary" style={{ marginRight: 8 }}>
              {dayjs(t.at).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            <Typography.Text strong>{t.label}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {t.actorName}
            </Typography.Text>
            {t.reason && <div style={{ whiteSpace: 'pre-wrap' }}>{t.reason}</div>}
            {t.documents.length > 0 && (
              <div style={{ marginTop: 2 }}>
                {t.documents.map((d) => (
                  <Tag key={d}>{titleOf(d)}</Tag>
                ))}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
