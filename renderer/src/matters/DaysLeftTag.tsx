// Days left to a statutory deadline, coloured the way the window reads it at a glance: red when
// overdue, orange when three days or fewer remain (DOMAIN.md §4: red when overdue).
import { Tag } from 'antd';

/** The queue's 临期 threshold, also the backend's default `dueSoonDays`. */
export const DUE_SOON_DAYS = 3;

export function DaysLeftTag({ deadline }: { deadline: { daysLeft: number; overdue: boolean } }) {
  const { daysLeft, overdue } = deadline;
  if (overdue) return <Tag color="red">逾期{-daysLeft}天</Tag>;
  const text = daysLeft === 0 ? '今日到期' : `剩${daysLeft}天`;
  return daysLeft <= DUE_SOON_DAYS ? <Tag color="orange">{text}</Tag> : <Tag>{text}</Tag>;
}
