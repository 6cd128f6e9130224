// The bureau's reports by period (月报, 季报, 年报): the periods the figures page offers, 上季度
// among them, and a report's name from its period, so the Excel copy of 统计 is titled as the
// report it is (「2026年第1季度」) whatever way the period was picked.
import dayjs, { type Dayjs } from 'dayjs';
import type { IsoDate } from '../calendar/deadlines';
import type { Period } from './indicators';

const day = (d: Dayjs): IsoDate => d.format('YYYY-MM-DD');
const quarterStart = (d: Dayjs) => d.month(Math.floor(d.month() / 3) * 3).startOf('month');

/** The periods offered on 统计, worked out on `today`: the current ones run to today. */
export function reportPeriods(today: IsoDate): { key: string; label: string; period: Period }[] {
  const t = dayjs(today);
  const lastMonth = t.subtract(1, 'month');
  const lastQuarter = quarterStart(t).subtract(3, 'month');
  const lastYear = t.subtract(1, 'year');
  return [
    { key: 'this-month', label: '本月', period: { from: day(t.startOf('month')), to: today } },
    { key: 'last-month', label: '上月', period: { from: day(lastMonth.startOf('month')), to: day(lastMonth.endOf('month')) } },
    { key: 'this-quarter', label: '本季度', period: { from: day(quarterStart(t)), to: today } },
    { key: 'last-quarter', label: '上季度', period: { from: day(lastQuarter), to: day(lastQuarter.add(2, 'month').endOf('month')) } },
    { key: 'this-year', label: '本年', period: { from: day(t.startOf('year')), to: today } },
    { key: 'last-year', label: '上年', period: { from: day(lastYear.startOf('year')), to: day(lastYear.endOf('year')) } },
  ];
}

/**
 * A report's name: a whole month, quarter or year by its name and kind (「2026年3月」 月报,
 * 「2026年第1季度」 季报, 「2026年」 年报), any other period by its days (统计).
 */
export function reportTitle(p: Period): { title: string; kind: '月报' | '季报' | '年报' | '统计' } {
  const from = dayjs(p.from);
  const whole = (start: Dayjs, end: Dayjs) => p.from === day(start) && p.to === day(end);
  if (whole(from.startOf('year'), from.endOf('year'))) return { title: `${from.year()}年`, kind: '年报' };
  if (whole(quarterStart(from), quarterStart(from).add(2, 'month').endOf('month'))) return { title: `${from.year()}年第${Math.floor(from.month() / 3) + 1}季度`, kind: '季报' };
  if (whole(from.startOf('month'), from.endOf('month'))) return { title: `${from.year()}年${from.month() + 1}月`, kind: '月报' };
  return { title: `${p.from} 至 ${p.to}`, kind: '统计' };
}
