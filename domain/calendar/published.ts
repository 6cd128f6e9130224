// The official holiday arrangement, a year at a time, as the city publishes it (DOMAIN.md §4):
// the State Council's notice on next year's holidays (国务院办公厅关于××××年部分节假日安排的通知)
// comes out late in the year, before any package ships it, so the city enters it and devices
// pull it. A published year replaces the package's data for that year entirely: its rest days
// and its swapped working days (调休) are the whole arrangement, weekends aside.
import { z } from 'zod';
import { isoDateSchema, type HolidayCalendar, type IsoDate } from './deadlines';

/** One year's arrangement without its year: what the city's administrator sends for a year. */
export const publishedYearBodySchema = z.strictObject({
  /** The notice it comes from, e.g. 国办发明电〔2026〕7号: printed where a deadline is explained. */
  source: z.string().trim().min(1, { error: '请填写发文依据' }).max(200),
  /** Days off of the holidays, weekend days within them included or not: weekends rest anyway. */
  restDays: z.array(isoDateSchema).max(60),
  /** 调休: Saturdays and Sundays worked in exchange. */
  workingDays: z.array(isoDateSchema).max(20),
});

export const publishedYearSchema = publishedYearBodySchema
  .extend({
    year: z.number({ error: '年份应为数字' }).int().min(2000, { error: '年份应在2000至2100之间' }).max(2100, { error: '年份应在2000至2100之间' }),
  })
  .superRefine((y, ctx) => {
    const check = (days: readonly IsoDate[], key: 'restDays' | 'workingDays') => {
      const seen = new Set<string>();
      days.forEach((d, i) => {
        if (!d.startsWith(`${y.year}-`)) ctx.addIssue({ code: 'custom', message: `${d} 不在${y.year}年内`, path: [key, i] });
        if (seen.has(d)) ctx.addIssue({ code: 'custom', message: `${d} 重复`, path: [key, i] });
        seen.add(d);
      });
    };
    check(y.restDays, 'restDays');
    check(y.workingDays, 'workingDays');
    y.workingDays.forEach((d, i) => {
      if (y.restDays.includes(d)) ctx.addIssue({ code: 'custom', message: `${d} 不能既是休息日又是工作日`, path: ['workingDays', i] });
    });
  });
export type PublishedYear = z.infer<typeof publishedYearSchema>;

/** What the city sends down under the reference key `calendar`: every year it has published. */
export const publishedCalendarSchema = z
  .strictObject({ years: z.array(publishedYearSchema).max(100) })
  .superRefine((c, ctx) => {
    const seen = new Set<number>();
    c.years.forEach((y, i) => {
      if (seen.has(y.year)) ctx.addIssue({ code: 'custom', message: `${y.year}年重复发布`, path: ['years', i, 'year'] });
      seen.add(y.year);
    });
  });
export type PublishedCalendar = z.infer<typeof publishedCalendarSchema>;

/** The calendar with `year` published (or published again, replacing the earlier entry), years in order. */
export function withPublishedYear(calendar: PublishedCalendar | undefined, year: PublishedYear): PublishedCalendar {
  const others = (calendar?.years ?? []).filter((y) => y.year !== year.year);
  return { years: [...others, year].sort((a, b) => a.year - b.year) };
}

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));
const weekend = (date: IsoDate) => {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6;
};

/** `base` with the published years laid over it: a published year is covered and follows only its own arrangement. */
export function publishedYearsCalendar(base: HolidayCalendar, published: PublishedCalendar): HolidayCalendar {
  const years = new Map(published.years.map((y) => [y.year, { rest: new Set(y.restDays), work: new Set(y.workingDays) }]));
  return {
    isWorkingDay(date) {
      const y = years.get(yearOf(date));
      if (!y) return base.isWorkingDay(date);
      if (y.rest.has(date)) return false;
      return y.work.has(date) || !weekend(date);
    },
    covers: (date) => years.has(yearOf(date)) || base.covers(date),
  };
}
