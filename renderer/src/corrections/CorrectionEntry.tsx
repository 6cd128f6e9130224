// One correction in a matter's 办理过程: a 更正 with each field's old → new value, a 作废, or a
// 撤回 with the step it took back and the states before and after — who, when and why.
import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { CORRECTION_KIND_LABELS, type CorrectionEntry as Entry } from '../../../domain/corrections/history';
import { STATE_LABELS } from '../../../domain/matters/states';

export function CorrectionEntry({ c }: { c: Entry }) {
  return (
    <div data-testid={`correction-${c.kind}`}>
      <Typography.Text type="secondary" style={{ marginRight: 8 }}>
        {dayjs(c.at).format('YYYY-MM-DD HH:mm')}
      </Typography.Text>
      <Tag color={c.kind === 'void' ? 'red' : 'orange'}>{CORRECTION_KIND_LABELS[c.kind]}</Tag>
      {c.withdrawn && (
        <Typography.Text strong>
          撤回「{c.withdrawn.label}」：{STATE_LABELS[c.withdrawn.from]} → {STATE_LABELS[c.withdrawn.to]}
        </Typography.Text>
      )}
      {c.kind === 'void' && <Typography.Text strong>登记作废</Typography.Text>}
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
        {c.actorName}
      </Typography.Text>
      {c.changes.map((f) => (
        <div key={f.field} data-testid="correction-change">
          {f.label}：<Typography.Text delete>{f.from}</Typography.Text> → <Typography.Text strong>{f.to}</Typography.Text>
        </div>
      ))}
      <div style={{ whiteSpace: 'pre-wrap' }}>理由：{c.reason}</div>
    </div>
  );
}
