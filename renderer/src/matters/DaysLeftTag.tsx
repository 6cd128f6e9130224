// Days left to a statutory deadline, coloured the way the window reads it at a glance: red when
// overdue, orange when three days or fewer remain (DOMAIN.md §4: red when overdue). A deadline in
// a year whose holidays are not yet published is marked as estimated (counted over weekends only).
import { Tag, Tooltip, Typography } from 'antd';
import { ESTIMATED_DEADLINE_NOTE } from '../../../domain/matters/deadlines';

/** The queue's 临期 threshold, also the backend's default `dueSoonDays`. */
export const DUE_SOON_DAYS = 3;

export function DaysLeftTag({ deadline }: { deadline: { daysLeft: number; overdue: boolean; estimated: boolean } }) {
  const { daysLeft, overdue } = deadline;
  const text = overdue ? `逾期${-daysLeft}天` : daysLeft === 0 ? '今日到期' : `剩${daysLeft}天`;
  const color = overdue ? 'red' : daysLeft <= DUE_SOON_DAYS ? 'orange' : undefined;
  return (
    <>
      <Tag color={color}>{text}</Tag>
      {deadline.estimated && (
        <Tooltip title={ESTIMATED_DEADLINE_NOTE}>
          <Tag color="gold" aria-label={ESTIMATED_DEADLINE_NOTE} data-testid="deadline-estimated">
            估算
          </Tag>
        </Tooltip>
      )}
    </>
  );
}

/** The estimate said in full, beside a deadline shown as a date. */
export function EstimatedNote({ deadline }: { deadline: { estimated: boolean } }) {
  return deadline.estimated ? (
    <Typography.Text type="warning" data-testid="deadline-estimated-note">
      （{ESTIMATED_DEADLINE_NOTE}）
    </Typography.Text>
  ) : null;
}
