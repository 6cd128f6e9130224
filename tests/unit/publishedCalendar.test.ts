// The holiday years the city publishes (DOMAIN.md §4): a deadline past the calendar's last known
// year is estimated over weekends only; once the year is published it follows the arrangement.
// Expected days are counted by hand from DOMAIN.md's rules (day after the event, roll off rest days).
import { describe, expect, it } from 'vitest';
import { chineseDaysCalendar, createDeadlineEngine } from '../../domain/calendar/deadlines';
import { publishedCalendarSchema, publishedYearSchema, publishedYearsCalendar, withPublishedYear, type PublishedYear } from '../../domain/calendar/published';
import { deadlineOn, ESTIMATED_DEADLINE_NOTE } from '../../domain/matters/deadlines';
import { deadlineEngineFor } from '../../domain/sync/pull';

// A test arrangement for 2027 (not the real one, which is not out when this is written):
// 元旦 Fri 01-01 to Sun 01-03; a swapped working Saturday 01-09; 劳动节 Sat 05-01 to Wed 05-05.
const Y2027: PublishedYear = {
  year: 2027,
  source: '测试用2027年节假日安排',
  restDays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05'],
  workingDays: ['2027-01-09'],
};
const before = createDeadlineEngine(chineseDaysCalendar);
const after = deadlineEngineFor(undefined, { years: [Y2027] });

describe('a deadline in a year not yet published is estimated, then counted over the published year', () => {
  it.each([
    // step, from, last day before publication (weekends only), after publication, why
    ['acceptance-notice', '2026-12-17', '2027-01-01', '2027-01-04', '+15 = Fri 01-01: a working day by weekends, 元旦 once published -> Mon 01-04'],
    ['handling', '2026-11-02', '2027-01-01', '2027-01-04', '+60 = Fri 2027-01-01 -> after 元旦 Mon 01-04'],
    ['review-request', '2027-04-01', '2027-05-03', '2027-05-06', '+30 = Sat 05-01 -> Mon 05-03 by weekends; 劳动节 to 05-05 -> Thu 05-06'],
    ['transfer-objection', '2027-01-06', '2027-01-13', '2027-01-12', '5 working days after Wed 01-06: Thu 7, Fri 8, (Sat 9 worked), Mon 11, Tue 12'],
  ] as const)('%s from %s', (step, from, estimated, published, _why) => {
    expect(before.deadlineFor(step, from)).toBe(estimated);
    expect(after.deadlineFor(step, from)).toBe(published);
    expect(deadlineOn(step, estimated, '2026-12-20', before)).toMatchObject({ estimated: true });
    expect(deadlineOn(step, published, '2026-12-20', after)).toMatchObject({ estimated: false });
  });

  it('a deadline inside the data is never estimated', () => {
    expect(deadlineOn('handling', before.deadlineFor('handling', '2026-03-02'), '2026-03-02', before)).toMatchObject({ estimated: false });
  });

  it('the note the window shows says why', () => {
    expect(ESTIMATED_DEADLINE_NOTE).toBe('节假日安排未公布，按周末估算');
  });
});

describe('a published year', () => {
  it('replaces the package data for that year, and only that year', () => {
    // Publishing 2026 without 国庆 makes Thu 2026-10-01 a working day; 2025's 国庆 stands.
    const cal = publishedYearsCalendar(chineseDaysCalendar, { years: [{ year: 2026, source: '更正', restDays: [], workingDays: [] }] });
    expect(chineseDaysCalendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(cal.isWorkingDay('2026-10-01')).toBe(true);
    expect(cal.isWorkingDay('2025-10-01')).toBe(false);
    expect(cal.isWorkingDay('2026-10-03')).toBe(false); // a Saturday still rests
  });

  it('is covered; the year after it is not', () => {
    expect(after.calendarCovers('2027-07-01')).toBe(true);
    expect(after.calendarCovers('2028-01-01')).toBe(false);
    expect(before.calendarCovers('2027-07-01')).toBe(false);
  });

  it('published again replaces the earlier entry', () => {
    const once = withPublishedYear(undefined, Y2027);
    const again = withPublishedYear(once, { ...Y2027, restDays: ['2027-01-01'] });
    expect(again.years).toHaveLength(1);
    expect(again.years[0]!.restDays).toEqual(['2027-01-01']);
    expect(withPublishedYear(again, { ...Y2027, year: 2026, restDays: [], workingDays: [] }).years.map((y) => y.year)).toEqual([2026, 2027]);
  });

  it.each([
    [{ ...Y2027, restDays: ['2026-12-31'] }, '不在2027年内'],
    [{ ...Y2027, workingDays: ['2027-01-01'] }, '不能既是休息日又是工作日'],
    [{ ...Y2027, restDays: ['2027-01-01', '2027-01-01'] }, '重复'],
    [{ ...Y2027, restDays: ['2027-02-30'] }, '日期格式'],
    [{ ...Y2027, source: ' ' }, '发文依据'],
  ])('refuses a year that cannot be right (%#)', (year, message) => {
    const r = publishedYearSchema.safeParse(year);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join(' ')).toContain(message);
  });

  it('a calendar may not publish one year twice', () => {
    expect(publishedCalendarSchema.safeParse({ years: [Y2027, Y2027] }).success).toBe(false);
  });

  it('an unreadable stored calendar is left out, not guessed at', () => {
    expect(deadlineEngineFor(undefined, { years: 'x' }).deadlineFor('handling', '2026-11-02')).toBe('2027-01-01');
  });
});
