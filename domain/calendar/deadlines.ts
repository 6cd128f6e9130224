// Statutory deadlines of a petition matter (《信访工作条例》 2022, DOMAIN.md §4), counted the way
// 民法典 arts. 201 and 203 count periods. Pure: the calendar of rest days is injected
// (createDeadlineEngine), so the city can replace or patch the holiday data without touching
// the rules; the default engine reads the `chinese-days` package.
import { z } from 'zod';
import chineseDays from 'chinese-days';

/** A calendar day as 'YYYY-MM-DD' (no time, no zone: a deadline is a whole day in China). */
export type IsoDate = string;

export const deadlineStepSchema = z.enum([
  'acceptance-notice',
  'handling',
  'extension',
  'review-request',
  'review-opinion',
  're-review-request',
  're-review-opinion',
  'transfer-objection',
  'simplified-handling',
  // Issue #13: the receiving body's notice after a transfer, the bureau's target for matters
  // outside route 6, and the 办结报告 of a 交办 (its day is set by the bureau, not computed).
  'receiving-notice',
  'handling-target',
  'assignment-report',
]);
export type DeadlineStep = z.infer<typeof deadlineStepSchema>;

export type DeadlineRule = {
  /** Length of the period. */
  days: number;
  /** 'calendar' = 日 (rolled forward off rest days); 'working' = 工作日 (only working days count). */
  count: 'calendar' | 'working';
  /** What the start date is, as the clerk knows it. */
  from: string;
};

/** The steps whose last day is computed from an event; a 交办's 办结报告 is due on the day the bureau set. */
export type CountedStep = Exclude<DeadlineStep, 'assignment-report'>;

// The table of DOMAIN.md §4. Article numbers follow the 2022 条例 as cited in DOMAIN.md.
export const DEADLINE_RULES: Readonly<Record<CountedStep, DeadlineRule>> = {
  // 受理告知 / 转送 / 交办, and the written notice when it cannot be told on the spot.
  'acceptance-notice': { days: 15, count: 'calendar', from: '收到信访事项之日' },
  // Written reply in the petition procedure.
  handling: { days: 60, count: 'calendar', from: '受理之日' },
  // "+30 days at most", with the head's approval: runs on from the original last day.
  extension: { days: 30, count: 'calendar', from: '原办理期限届满之日' },
  'review-request': { days: 30, count: 'calendar', from: '收到书面答复之日' },
  'review-opinion': { days: 30, count: 'calendar', from: '收到复查请求之日' },
  're-review-request': { days: 30, count: 'calendar', from: '收到复查意见之日' },
  // Hearing time is not counted (DOMAIN §4): deadlineFor's extraDays, added before the roll.
  're-review-opinion': { days: 30, count: 'calendar', from: '收到复核请求之日' },
  // A body that got a transfer outside its powers objects within 5 工作日.
  'transfer-objection': { days: 5, count: 'working', from: '收到转送、交办之日' },
  // 简易办理 of a simple first-time matter: 10 工作日.
  'simplified-handling': { days: 10, count: 'working', from: '受理之日' },
  // 条例 art. 23: the body a matter was transferred to tells the petitioner within 15 days of receiving it.
  'receiving-notice': { days: 15, count: 'calendar', from: '收到转送之日' },
  // 建议意见, 检举控告 and route 5 are not bound by the 60 days: the bureau's target (default 60, `days` overrides).
  'handling-target': { days: 60, count: 'calendar', from: '受理之日' },
};

/** How a period differs from its rule: another length (a configured target), or days added before the roll (hearings). */
export type PeriodOptions = { days?: number; extraDays?: number };

/** Where rest days come from. Replaceable: the city may publish its own (or next year's) calendar. */
export interface HolidayCalendar {
  /** Whether offices work that day (a swapped 调休 Saturday/Sunday is a working day). */
  isWorkingDay(date: IsoDate): boolean;
  /** Whether the calendar knows the official arrangement of that day's year; if not, only weekends rest. */
  covers(date: IsoDate): boolean;
}

export interface DeadlineEngine {
  isWorkingDay(date: IsoDate): boolean;
  /**
   * Last day of the period that starts the day after `start`. Throws RangeError on an impossible
   * date or step. `options.days` replaces the rule's length; `options.extraDays` (calendar days not
   * counted, e.g. a hearing) are added before the last day is moved off a rest day.
   */
  deadlineFor(step: DeadlineStep, start: IsoDate, options?: PeriodOptions): IsoDate;
  /** Calendar days from `today` to `lastDay`: 0 = due today, negative = overdue. */
  daysLeft(lastDay: IsoDate, today: IsoDate): number;
  /** `lastDay` pushed back by `pausedDays` more calendar days, then off rest days: an extension running on from a (rolled) last day. */
  addPause(lastDay: IsoDate, pausedDays: number): IsoDate;
  /** False when the day's year is beyond the holiday data: the UI should warn that holidays are not applied. */
  calendarCovers(date: IsoDate): boolean;
}

// --- calendar arithmetic on day numbers (UTC epoch days), so no local time zone can shift a date.

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function toDayNumber(date: IsoDate): number {
  const m = ISO_RE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    // Date.UTC rolls 2025-02-30 over to March; a round trip catches it.
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return ms / MS_PER_DAY;
    }
  }
  throw new RangeError(`not a real date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

export function isRealIsoDate(value: string): boolean {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export const isoDateSchema = z.string().refine(isRealIsoDate, { error: '日期格式应为 YYYY-MM-DD 且真实存在' });

// --- the default calendar over chinese-days

// chinese-days 1.5.7 parses 'YYYY-MM-DD' as UTC midnight and then reads it with local-time
// getters, both when it builds its tables and when it is queried. West of UTC that shifts the
// weekday by one day, while table lookups by string stay consistent. So we ask it only whether
// the day is listed (holiday or 调休 working day) and decide plain weekends ourselves.
const WEEKDAY_NAMES = new Set(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);

function listedByChineseDays(date: IsoDate): { work: boolean } | undefined {
  const detail = chineseDays.getDayDetail(date);
  return WEEKDAY_NAMES.has(detail.name) ? undefined : { work: detail.work };
}

const coveredYears = new Map<number, boolean>();

/**
 * The official arrangement published by the State Council each year (国务院办公厅 节假日安排),
 * as shipped by chinese-days (2004–2026 in 1.5.7). For a year outside its data only weekends
 * are rest days — e.g. 2027-01-01 counts as a working day until the package or an override
 * (overrideCalendar) brings the 2027 arrangement. 元旦 is a holiday in every published year,
 * so a listed 1 January tells whether the year is in the data.
 */
export const chineseDaysCalendar: HolidayCalendar = {
  isWorkingDay(date) {
    const day = toDayNumber(date);
    const listed = listedByChineseDays(date);
    if (listed) return listed.work;
    const wd = weekdayOf(day);
    return wd !== 0 && wd !== 6;
  },
  covers(date) {
    const year = Number(fromDayNumber(toDayNumber(date)).slice(0, 4));
    let known = coveredYears.get(year);
    if (known === undefined) {
      known = listedByChineseDays(`${year}-01-01`) !== undefined;
      coveredYears.set(year, known);
    }
    return known;
  },
};

/**
 * A calendar patched by the city: days it declares rest or working win over `base`, and a
 * year it patches counts as covered. For a year's arrangement published before the package
 * ships it, or a local change.
 */
export function overrideCalendar(
  base: HolidayCalendar,
  patch: { restDays?: readonly IsoDate[]; workingDays?: readonly IsoDate[] },
): HolidayCalendar {
  const rest = new Set((patch.restDays ?? []).map((d) => fromDayNumber(toDayNumber(d))));
  const work = new Set((patch.workingDays ?? []).map((d) => fromDayNumber(toDayNumber(d))));
  for (const d of rest) if (work.has(d)) throw new RangeError(`${d} is declared both rest and working`);
  const years = new Set([...rest, ...work].map((d) => d.slice(0, 4)));
  return {
    isWorkingDay(date) {
      const d = fromDayNumber(toDayNumber(date));
      if (rest.has(d)) return false;
      if (work.has(d)) return true;
      return base.isWorkingDay(d);
    },
    covers(date) {
      const d = fromDayNumber(toDayNumber(date));
      return years.has(d.slice(0, 4)) || base.covers(d);
    },
  };
}

// --- the engine

export function createDeadlineEngine(calendar: HolidayCalendar): DeadlineEngine {
  const working = (day: number) => calendar.isWorkingDay(fromDayNumber(day));

  // 民法典 art. 203: a period whose last day is a 法定休假日 ends on the day after the holiday;
  // weekends count as 法定休假日 there, and a 调休 Saturday is not one.
  const rollForward = (day: number): number => {
    let d = day;
    while (!working(d)) {
      d += 1;
      // No real calendar rests a whole year; a broken replacement calendar must not hang the app.
      if (d - day > 366) throw new RangeError(`calendar has no working day after ${fromDayNumber(day)}`);
    }
    return d;
  };

  const deadlineFor = (step: DeadlineStep, start: IsoDate, options: PeriodOptions = {}): IsoDate => {
    const rule = (DEADLINE_RULES as Partial<Record<string, DeadlineRule>>)[step];
    if (!rule) throw new RangeError(`no counted period for deadline step: ${JSON.stringify(step)}`);
    const days = options.days ?? rule.days;
    const extra = options.extraDays ?? 0;
    for (const n of [days, extra]) if (!Number.isInteger(n) || n < 0) throw new RangeError(`period days must be non-negative integers, got ${n}`);
    // 民法典 art. 201: the day of the event is not counted; the period starts the next day.
    const first = toDayNumber(start) + 1;
    // DOMAIN §4: days not counted (hearings) are added before the last day is moved off a rest day.
    if (rule.count === 'calendar') return fromDayNumber(rollForward(first + days + extra - 1));
    // 工作日 periods count working days only, from the day after the event.
    let d = first;
    for (let counted = 0; ; d += 1) {
      if (working(d) && ++counted === days) return fromDayNumber(d);
      if (d - first > 366) throw new RangeError(`calendar has no working day after ${start}`);
    }
  };

  const daysLeft = (lastDay: IsoDate, today: IsoDate): number => toDayNumber(lastDay) - toDayNumber(today);

  // An extension is a new period that starts the day after the original one ended (its rolled
  // last day), so its days run on from there and the new last day rolls forward again. Hearing
  // days are not this: they go into the period before the roll (deadlineFor's extraDays).
  const addPause = (lastDay: IsoDate, pausedDays: number): IsoDate => {
    if (!Number.isInteger(pausedDays) || pausedDays < 0) {
      throw new RangeError(`pausedDays must be a non-negative integer, got ${pausedDays}`);
    }
    return fromDayNumber(rollForward(toDayNumber(lastDay) + pausedDays));
  };

  return {
    isWorkingDay: (date) => working(toDayNumber(date)),
    deadlineFor,
    daysLeft,
    addPause,
    calendarCovers: (date) => calendar.covers(date),
  };
}

export const defaultDeadlineEngine: DeadlineEngine = createDeadlineEngine(chineseDaysCalendar);
export const { isWorkingDay, deadlineFor, daysLeft, addPause, calendarCovers } = defaultDeadlineEngine;

/** The calendar day `n` days after `day` (before it when negative), rest days or not: daysLeft's inverse. */
export const plusDays = (day: IsoDate, n: number): IsoDate => fromDayNumber(toDayNumber(day) + n);
