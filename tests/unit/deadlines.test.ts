// Statutory deadlines: every expected date below was worked out by hand from DOMAIN.md §4, the
// counting rules of 民法典 arts. 201/203 and the State Council holiday arrangements for
// 2024–2026 (checked against node_modules/chinese-days/dist/years/*.json). "+N" is the day
// `start + N`; "->" is the roll forward off rest days.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEADLINE_RULES,
  addPause,
  chineseDaysCalendar,
  createDeadlineEngine,
  daysLeft,
  deadlineFor,
  deadlineStepSchema,
  plusDays,
  isWorkingDay,
  isoDateSchema,
  overrideCalendar,
  type CountedStep,
  type DeadlineStep,
} from '../../domain/calendar/deadlines';

// Independent of the module under test, for the properties.
const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const toIso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const plus = (iso: string, n: number) => toIso(toDay(iso) + n);

describe('deadlineFor — hand-computed table', () => {
  const cases: [DeadlineStep, string, string, string][] = [
    // --- acceptance-notice: 15 calendar days from receipt
    ['acceptance-notice', '2025-09-16', '2025-10-09', '+15 = Wed 10-01 国庆; 10-01..10-08 off -> Thu 10-09'],
    ['acceptance-notice', '2025-09-13', '2025-09-28', '+15 = Sun 09-28, a 调休 working Sunday: no roll'],
    ['acceptance-notice', '2025-09-26', '2025-10-11', '+15 = Sat 10-11, a 调休 working Saturday: no roll'],
    ['acceptance-notice', '2025-10-03', '2025-10-20', 'received in the holiday; +15 = Sat 10-18 -> Mon 10-20'],
    ['acceptance-notice', '2024-09-16', '2024-10-08', '+15 = Tue 10-01; 10-01..10-07 off -> Tue 10-08'],
    ['acceptance-notice', '2024-09-14', '2024-09-29', 'start is a working Sat; +15 = Sun 09-29, working (调休)'],
    ['acceptance-notice', '2024-09-27', '2024-10-12', '+15 = Sat 10-12, working (调休)'],
    ['acceptance-notice', '2026-09-16', '2026-10-08', '+15 = Thu 10-01; 10-01..10-07 off -> Thu 10-08'],
    ['acceptance-notice', '2026-09-25', '2026-10-10', '+15 = Sat 10-10, working (调休)'],
    ['acceptance-notice', '2026-09-05', '2026-09-20', '+15 = Sun 09-20, working (调休)'],
    ['acceptance-notice', '2024-01-26', '2024-02-18', '+15 = Sat 02-10 春节; 02-10..02-17 off -> Sun 02-18 (调休)'],
    ['acceptance-notice', '2024-01-20', '2024-02-04', '+15 = Sun 02-04, working (调休)'],
    ['acceptance-notice', '2025-01-13', '2025-02-05', '+15 = Tue 01-28 春节; 01-28..02-04 off -> Wed 02-05'],
    ['acceptance-notice', '2025-01-11', '2025-01-26', '+15 = Sun 01-26, working (调休)'],
    ['acceptance-notice', '2025-01-24', '2025-02-08', '+15 = Sat 02-08, working (调休)'],
    ['acceptance-notice', '2026-01-31', '2026-02-24', '+15 = Sun 02-15 春节; 02-15..02-23 off -> Tue 02-24'],
    ['acceptance-notice', '2026-01-30', '2026-02-14', '+15 = Sat 02-14, working (调休)'],
    ['acceptance-notice', '2026-02-13', '2026-02-28', '+15 = Sat 02-28, working (调休)'],
    ['acceptance-notice', '2024-02-14', '2024-02-29', 'leap year: 14 + 15 = 29 Feb, a Thursday'],
    ['acceptance-notice', '2024-02-15', '2024-03-01', 'leap year: Feb has 29 days, +15 = Fri 03-01'],
    ['acceptance-notice', '2025-02-14', '2025-03-03', 'Feb has 28 days: +15 = Sat 03-01 -> Mon 03-03'],
    ['acceptance-notice', '2024-12-17', '2025-01-02', '+15 = Wed 2025-01-01 元旦 -> Thu 01-02'],
    ['acceptance-notice', '2025-12-17', '2026-01-04', '+15 = Thu 2026-01-01; 01-01..01-03 off -> Sun 01-04 (调休)'],
    ['acceptance-notice', '2025-03-03', '2025-03-18', 'ordinary: +15 = Tue 03-18'],
    ['acceptance-notice', '2025-03-07', '2025-03-24', '+15 = Sat 03-22 -> Mon 03-24'],

    // --- handling: 60 calendar days from acceptance
    ['handling', '2025-08-02', '2025-10-09', 'Aug 2 +29 = Aug 31, +31 = Oct 1 (国庆) -> Thu 10-09'],
    ['handling', '2024-08-02', '2024-10-08', '+60 = Tue 10-01 -> Tue 10-08'],
    ['handling', '2026-08-02', '2026-10-08', '+60 = Thu 10-01 -> Thu 10-08'],
    ['handling', '2024-01-01', '2024-03-01', 'leap: Jan 1 +30 = Jan 31, +29 = Feb 29 (59), +1 = Fri 03-01'],
    ['handling', '2025-01-01', '2025-03-03', 'Jan 1 +30 = Jan 31, +28 = Feb 28 (58), +2 = Sun 03-02 -> Mon 03-03'],
    ['handling', '2023-12-31', '2024-02-29', 'Dec 31 +31 = Jan 31, +29 = Thu Feb 29'],
    ['handling', '2025-11-02', '2026-01-04', 'Nov 2 +28 = Nov 30, +31 = Dec 31 (59), +1 = 2026-01-01 -> Sun 01-04 (调休)'],
    ['handling', '2024-12-15', '2025-02-13', 'Dec 15 +16 = Dec 31, +31 = Jan 31 (47), +13 = Thu Feb 13'],
    ['handling', '2025-12-17', '2026-02-24', '+14 = Dec 31, +31 = Jan 31 (45), +15 = Sun Feb 15 春节 -> Tue 02-24'],
    ['handling', '2025-11-29', '2026-01-28', '+1 = Nov 30, +31 = Dec 31 (32), +28 = Wed 2026-01-28'],
    // 2027 is beyond chinese-days 1.5.7: only weekends rest. Really 元旦 2027 is a holiday; this
    // row must change when the 2027 arrangement arrives (package update or overrideCalendar).
    ['handling', '2026-11-02', '2027-01-01', '+60 = Fri 2027-01-01, outside the data: treated as working'],
    ['handling', '2026-11-03', '2027-01-04', '+60 = Sat 2027-01-02 -> Mon 01-04 (weekend rule only)'],

    // --- extension: 30 more calendar days from the original last day
    ['extension', '2025-09-01', '2025-10-09', '+30 = Wed 10-01 -> Thu 10-09'],
    ['extension', '2024-09-02', '2024-10-08', '+30 = Wed 10-02 -> Tue 10-08'],
    ['extension', '2026-01-30', '2026-03-02', '+1 = Jan 31, +28 = Feb 28 (29), +1 = Sun 03-01 -> Mon 03-02'],
    ['extension', '2024-01-30', '2024-02-29', 'leap: +1 = Jan 31, +29 = Thu Feb 29'],
    ['extension', '2025-12-02', '2026-01-04', '+30 = Thu 2026-01-01 -> Sun 01-04 (调休)'],

    // --- review-request: 30 calendar days from receipt of the written reply
    ['review-request', '2025-09-01', '2025-10-09', '+30 = Wed 10-01 -> Thu 10-09'],
    ['review-request', '2025-09-11', '2025-10-11', '+30 = Sat 10-11, working (调休)'],
    ['review-request', '2025-08-29', '2025-09-28', 'Aug 29 +2 = Aug 31, +28 = Sun 09-28, working (调休)'],
    ['review-request', '2025-12-31', '2026-01-30', 'year end start: +30 = Fri 2026-01-30'],
    ['review-request', '2024-12-31', '2025-02-05', '+30 = Thu 2025-01-30 春节 (01-28..02-04) -> Wed 02-05'],

    // --- review-opinion: 30 calendar days from receipt of the review request
    ['review-opinion', '2026-01-16', '2026-02-24', '+15 = Jan 31, +15 = Sun Feb 15 -> Tue 02-24'],
    ['review-opinion', '2024-01-11', '2024-02-18', '+30 = Sat 02-10 春节 -> Sun 02-18 (调休)'],
    ['review-opinion', '2024-09-07', '2024-10-08', '+30 = Mon 10-07 国庆 -> Tue 10-08'],
    ['review-opinion', '2026-08-21', '2026-09-20', '+10 = Aug 31, +20 = Sun 09-20, working (调休)'],

    // --- re-review-request: 30 calendar days from receipt of the review opinion
    ['re-review-request', '2026-09-10', '2026-10-10', '+30 = Sat 10-10, working (调休)'],
    ['re-review-request', '2024-09-12', '2024-10-12', '+30 = Sat 10-12, working (调休)'],
    ['re-review-request', '2026-04-05', '2026-05-06', 'Apr 5 +25 = Apr 30, +5 = Tue 05-05 劳动节 -> Wed 05-06'],

    // --- re-review-opinion: 30 calendar days from receipt of the re-review request
    ['re-review-opinion', '2025-01-29', '2025-02-28', 'received in 春节; +2 = Jan 31, +28 = Fri 02-28'],
    ['re-review-opinion', '2025-05-02', '2025-06-03', '+29 = May 31, +1 = Sun 06-01 端午 (05-31..06-02) -> Tue 06-03'],
    ['re-review-opinion', '2024-11-30', '2024-12-30', '+30 = Mon 12-30'],

    // --- transfer-objection: 5 working days, counted from the day after receipt
    ['transfer-objection', '2025-09-26', '2025-10-10', 'Sat off; Sun 09-28 (1), 29 (2), 30 (3); 10-01..08 off; 10-09 (4), 10-10 (5)'],
    ['transfer-objection', '2025-10-08', '2025-10-14', '10-09 (1), 10-10 (2), Sat 10-11 (3, 调休), Sun off, 10-13 (4), 10-14 (5)'],
    ['transfer-objection', '2024-09-27', '2024-10-10', 'Sat off; Sun 09-29 (1), 09-30 (2); 10-01..07 off; 10-08 (3), 09 (4), 10 (5)'],
    ['transfer-objection', '2026-02-12', '2026-02-26', '02-13 (1), Sat 02-14 (2, 调休); 02-15..23 off; 24 (3), 25 (4), 26 (5)'],
    ['transfer-objection', '2025-01-24', '2025-02-07', 'Sat off; Sun 01-26 (1), 01-27 (2); 01-28..02-04 off; 02-05 (3), 06 (4), 07 (5)'],
    ['transfer-objection', '2025-03-03', '2025-03-10', 'Tue..Fri (1-4), weekend off, Mon 03-10 (5)'],
    ['transfer-objection', '2024-02-26', '2024-03-04', 'leap: 27 (1), 28 (2), 29 (3), Fri 03-01 (4), Mon 03-04 (5)'],
    ['transfer-objection', '2024-12-27', '2025-01-06', 'Mon 12-30 (1), 12-31 (2), 元旦 off, 01-02 (3), 01-03 (4), Mon 01-06 (5)'],

    // --- receiving-notice (条例 art. 23): 15 calendar days from the receiving body's receipt of the transfer
    ['receiving-notice', '2025-03-04', '2025-03-19', '+15 = Wed 03-19'],
    ['receiving-notice', '2025-09-26', '2025-10-11', '+4 = 09-30, +11 = Sat 10-11, working (调休)'],
    // --- handling-target: the bureau's target for matters outside route 6, 60 calendar days by default
    ['handling-target', '2025-03-10', '2025-05-09', '+21 = 03-31, +30 = 04-30, +9 = Fri 05-09'],
    ['handling-target', '2025-03-05', '2025-05-06', '+60 = Sun 05-04 劳动节 -> Tue 05-06'],
    // --- simplified-handling: 10 working days from acceptance
    ['simplified-handling', '2025-09-26', '2025-10-16', '09-28,29,30 (3); 10-09,10,11(Sat 调休) (6); 13,14,15,16 (10)'],
    ['simplified-handling', '2026-09-18', '2026-10-09', 'Sun 09-20 (1), 21-24 (5), 中秋 25-27 off, 28-30 (8), 国庆 off, 10-08 (9), 10-09 (10)'],
    ['simplified-handling', '2024-02-05', '2024-02-23', '02-06..09 (4), 02-10..17 off, Sun 02-18 (5), 19-23 (10)'],
    ['simplified-handling', '2025-12-24', '2026-01-08', '12-25,26,29,30,31 (5); 01-01..03 off; Sun 01-04 (6), 05-08 (10)'],
    ['simplified-handling', '2026-12-24', '2027-01-07', '12-25,28,29,30,31 (5); 2027-01-01 outside data, counts (6); 01-04..07 (10)'],
  ];

  it.each(cases)('%s from %s ends %s (%s)', (step, start, expected) => {
    expect(deadlineFor(step, start)).toBe(expected);
  });

  it('covers every step with a counted period (a 交办 办结报告 is due on the day the bureau set)', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(deadlineStepSchema.options.filter((s) => s !== 'assignment-report')));
    expect(() => deadlineFor('assignment-report', '2025-03-04')).toThrow(RangeError);
  });
});

describe('deadlineFor options: another length, and days not counted added before the roll (DOMAIN §4)', () => {
  it.each([
    ['re-review-opinion', '2025-09-01', {}, '2025-10-09', '+30 = Wed 10-01 国庆 -> Thu 10-09'],
    ['re-review-opinion', '2025-09-01', { extraDays: 3 }, '2025-10-09', '+33 = Sat 10-04, in the holiday -> Thu 10-09'],
    // Added after the roll it would be 10-09 + 10 = Sun 10-19 -> Mon 10-20: four days too many.
    ['re-review-opinion', '2025-09-01', { extraDays: 10 }, '2025-10-11', '+40 = Sat 10-11, a 调休 working day'],
    ['handling-target', '2025-03-10', { days: 30 }, '2025-04-09', 'a 30-day target: +21 = 03-31, +9 = Wed 04-09'],
    ['handling-target', '2025-03-10', { days: 90 }, '2025-06-09', '+90 = Sun 06-08 -> Mon 06-09'],
  ] as const)('%s from %s with %o ends %s (%s)', (step, start, options, expected, _why) => {
    expect(deadlineFor(step, start, options)).toBe(expected);
  });
  it('refuses negative or fractional days', () => {
    expect(() => deadlineFor('re-review-opinion', '2025-09-01', { extraDays: -1 })).toThrow(RangeError);
    expect(() => deadlineFor('handling-target', '2025-09-01', { days: 1.5 })).toThrow(RangeError);
  });
});

describe('isWorkingDay follows the official calendar with its swapped days', () => {
  it.each([
    ['2025-09-28', true, 'Sunday worked for 国庆 2025'],
    ['2025-10-11', true, 'Saturday worked for 国庆 2025'],
    ['2025-10-06', false, '中秋 inside the 2025 National Day break'],
    ['2025-10-08', false, 'last day of the 8-day 2025 break'],
    ['2025-10-18', false, 'an ordinary Saturday'],
    ['2024-09-29', true, 'Sunday worked for 国庆 2024'],
    ['2024-10-12', true, 'Saturday worked for 国庆 2024'],
    ['2024-02-04', true, 'Sunday worked for 春节 2024'],
    ['2024-02-09', true, '除夕 2024 was not a statutory holiday'],
    ['2024-02-29', true, 'leap day, a Thursday'],
    ['2026-01-04', true, 'Sunday worked for 元旦 2026'],
    ['2026-02-14', true, 'Saturday worked for 春节 2026'],
    ['2026-02-23', false, 'Monday, last day of 春节 2026'],
    ['2026-02-28', true, 'Saturday worked for 春节 2026'],
    ['2027-01-01', true, 'beyond the data: only weekends rest'],
    ['2027-01-02', false, 'beyond the data: Saturday'],
  ] as [string, boolean, string][])('%s -> %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('daysLeft', () => {
  it.each([
    ['2025-10-09', '2025-10-09', 0],
    ['2025-10-09', '2025-10-01', 8],
    ['2025-10-09', '2025-10-10', -1],
    ['2024-03-01', '2024-02-28', 2], // leap day in between
    ['2025-03-01', '2025-02-28', 1],
    ['2026-01-04', '2025-12-31', 4],
    ['2024-01-01', '2025-01-01', -366], // 2024 has 366 days
  ] as [string, string, number][])('last day %s, today %s -> %d', (lastDay, today, expected) => {
    expect(daysLeft(lastDay, today)).toBe(expected);
  });
});

describe('addPause (条例 art. 36: hearing time not counted)', () => {
  it.each([
    ['2026-02-06', 10, '2026-02-24', '+10 = Mon 02-16 春节 -> Tue 02-24'],
    ['2025-09-19', 9, '2025-09-28', '+9 = Sun 09-28, working (调休)'],
    ['2025-03-18', 0, '2025-03-18', 'no hearing, no change'],
    ['2025-03-18', 4, '2025-03-24', '+4 = Sat 03-22 -> Mon 03-24'],
  ] as [string, number, string, string][])('%s + %d paused days -> %s (%s)', (lastDay, paused, expected) => {
    expect(addPause(lastDay, paused)).toBe(expected);
  });

  it('refuses a negative or fractional pause', () => {
    expect(() => addPause('2025-03-18', -1)).toThrow(RangeError);
    expect(() => addPause('2025-03-18', 1.5)).toThrow(RangeError);
  });
});

describe('bad input is a programmer error', () => {
  it.each(['2025-02-29', '2025-13-01', '2025-1-5', '2025-04-31', '', '2025-10-01T00:00:00Z'])(
    'an impossible date %j throws RangeError',
    (start) => {
      expect(() => deadlineFor('handling', start)).toThrow(RangeError);
      expect(isoDateSchema.safeParse(start).success).toBe(false);
    },
  );

  it('an unknown step throws RangeError and fails the schema', () => {
    expect(() => deadlineFor('appeal' as DeadlineStep, '2025-03-03')).toThrow(RangeError);
    expect(deadlineStepSchema.safeParse('appeal').success).toBe(false);
    expect(deadlineStepSchema.safeParse('transfer-objection').success).toBe(true);
    expect(isoDateSchema.safeParse('2024-02-29').success).toBe(true);
  });
});

describe('the holiday calendar is replaceable', () => {
  it('a city override brings 2027 元旦 in before the package does', () => {
    const city = createDeadlineEngine(
      overrideCalendar(chineseDaysCalendar, { restDays: ['2027-01-01', '2027-01-02', '2027-01-03'] }),
    );
    // +60 = Fri 2027-01-01, now a holiday; 01-02, 01-03 weekend -> Mon 01-04.
    expect(city.deadlineFor('handling', '2026-11-02')).toBe('2027-01-04');
    expect(city.calendarCovers('2027-06-01')).toBe(true);
    expect(city.deadlineFor('handling', '2025-08-02')).toBe('2025-10-09'); // base still applies
  });

  it('a calendar with no working days fails instead of hanging', () => {
    const never = createDeadlineEngine({ isWorkingDay: () => false, covers: () => true });
    expect(() => never.deadlineFor('handling', '2025-03-03')).toThrow(RangeError);
    expect(() => never.deadlineFor('transfer-objection', '2025-03-03')).toThrow(RangeError);
  });
});

describe('properties', () => {
  // Every step with a counted period (a 交办's 办结报告 is due on the day the bureau sets).
  const steps = deadlineStepSchema.options.filter((s): s is CountedStep => s !== 'assignment-report');
  // 2004-01-01 .. 2027-12-31: the data years plus one year of weekend-only fallback.
  const dateArb = fc.integer({ min: toDay('2004-01-01'), max: toDay('2027-12-31') }).map(toIso);
  const params = { numRuns: 500 };

  it('the last day is always a working day, after the start', () => {
    fc.assert(
      fc.property(fc.constantFrom(...steps), dateArb, (step, start) => {
        const last = deadlineFor(step, start);
        expect(isWorkingDay(last)).toBe(true);
        expect(last > start).toBe(true);
      }),
      params,
    );
  });

  it('calendar-day periods end on start+N or on the first working day after a run of rest days', () => {
    const calendarSteps = steps.filter((s) => DEADLINE_RULES[s].count === 'calendar');
    fc.assert(
      fc.property(fc.constantFrom(...calendarSteps), dateArb, (step, start) => {
        const last = deadlineFor(step, start);
        const nominal = plus(start, DEADLINE_RULES[step].days);
        expect(last >= nominal).toBe(true);
        for (let d = nominal; d < last; d = plus(d, 1)) expect(isWorkingDay(d), d).toBe(false);
      }),
      params,
    );
  });

  it('working-day periods contain exactly N working days after the start', () => {
    const workingSteps = steps.filter((s) => DEADLINE_RULES[s].count === 'working');
    fc.assert(
      fc.property(fc.constantFrom(...workingSteps), dateArb, (step, start) => {
        const last = deadlineFor(step, start);
        let count = 0;
        for (let d = plus(start, 1); d <= last; d = plus(d, 1)) if (isWorkingDay(d)) count++;
        expect(count).toBe(DEADLINE_RULES[step].days);
      }),
      params,
    );
  });

  it('a pause never shortens a period and lands on a working day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 120 }), (start, paused) => {
        const last = deadlineFor('re-review-opinion', start);
        const paused_ = addPause(last, paused);
        expect(daysLeft(paused_, last)).toBeGreaterThanOrEqual(paused);
        expect(isWorkingDay(paused_)).toBe(true);
      }),
      params,
    );
  });

  it('daysLeft is the signed calendar distance', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -400, max: 400 }), (today, n) => {
        expect(daysLeft(plus(today, n), today)).toBe(n);
      }),
      params,
    );
  });

  it('plusDays moves by calendar days, rest days or not, and daysLeft undoes it', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -400, max: 400 }), (today, n) => {
        expect(plusDays(today, n)).toBe(plus(today, n));
        expect(daysLeft(plusDays(today, n), today)).toBe(n);
      }),
      params,
    );
  });
});
