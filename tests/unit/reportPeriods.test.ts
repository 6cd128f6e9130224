// The periods 统计 offers for the bureau's reports (上季度 among them) and a report's name from its period.
import { expect, it } from 'vitest';
import { reportPeriods, reportTitle } from '../../domain/figures/reportPeriods';

it('offers this and the last month, quarter and year, the last quarter across a new year', () => {
  const byKey = Object.fromEntries(reportPeriods('2026-02-15').map((p) => [p.key, [p.label, p.period.from, p.period.to]]));
  expect(byKey).toEqual({
    'this-month': ['本月', '2026-02-01', '2026-02-15'],
    'last-month': ['上月', '2026-01-01', '2026-01-31'],
    'this-quarter': ['本季度', '2026-01-01', '2026-02-15'],
    'last-quarter': ['上季度', '2025-10-01', '2025-12-31'],
    'this-year': ['本年', '2026-01-01', '2026-02-15'],
    'last-year': ['上年', '2025-01-01', '2025-12-31'],
  });
  expect(reportPeriods('2026-08-31').find((p) => p.key === 'last-quarter')!.period).toEqual({ from: '2026-04-01', to: '2026-06-30' });
});

it('names a whole month, quarter or year as its report, and any other period by its days', () => {
  expect(reportTitle({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ title: '2026年3月', kind: '月报' });
  expect(reportTitle({ from: '2026-02-01', to: '2026-02-28' })).toEqual({ title: '2026年2月', kind: '月报' });
  expect(reportTitle({ from: '2025-10-01', to: '2025-12-31' })).toEqual({ title: '2025年第4季度', kind: '季报' });
  expect(reportTitle({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ title: '2026年', kind: '年报' });
  expect(reportTitle({ from: '2026-01-01', to: '2026-02-15' })).toEqual({ title: '2026-01-01 至 2026-02-15', kind: '统计' });
  expect(reportTitle({ from: '2026-03-02', to: '2026-03-31' }).kind).toBe('统计');
});
