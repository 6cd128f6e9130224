// What the city sends down (DESIGN.md §4 "Pull"): reference data it maintains and the 督办
// notices it issued about the county's matters. Device and city validate against these shapes.
import { z } from 'zod';
import { categoriesFileSchema } from '../reference/categories';
import { terminationEntrySchema } from '../records/terminationRegister';
import { DEFAULT_FIGURE_OPTIONS, figureOptionsSchema, type FigureOptions } from '../figures/options';
import { DEFAULT_HANDLING_TARGET_DAYS } from '../matters/deadlines';
import { chineseDaysCalendar, createDeadlineEngine, isoDateSchema as isoDate, overrideCalendar, type DeadlineEngine } from '../calendar/deadlines';
import { publishedCalendarSchema, publishedYearsCalendar } from '../calendar/published';
import { organisationTreeSchema } from '../reference/organisation';

/** 责任单位: the bodies a matter can be routed to. Codes are permanent; a withdrawn unit is retired. */
export const unitsSchema = z
  .array(
    z.strictObject({
      code: z.string().trim().min(1).max(40),
      name: z.string().trim().min(1).max(100),
      retired: z.boolean().optional(),
    }),
  )
  .superRefine((units, ctx) => {
    const seen = new Set<string>();
    units.forEach((u, i) => {
      if (seen.has(u.code)) ctx.addIssue({ code: 'custom', message: `单位代码重复：${u.code}`, path: [i, 'code'] });
      seen.add(u.code);
    });
  });

/** The city's overrides of the statutory holiday calendar: extra rest days and 调休 working days. */
export const holidaysSchema = z
  .strictObject({ restDays: z.array(isoDate), workingDays: z.array(isoDate) })
  .refine((h) => !h.restDays.some((d) => h.workingDays.includes(d)), { error: '同一天不能既是休息日又是工作日' });

/**
 * The deadline engine over the package's calendar, the years the city published (`calendar`) laid
 * over it, and the city's day overrides (`holidays`) on top, each as stored. A piece that does
 * not read is left out rather than guessed at.
 */
export function deadlineEngineFor(holidays: unknown, published?: unknown): DeadlineEngine {
  const years = publishedCalendarSchema.safeParse(published);
  const base = years.success ? publishedYearsCalendar(chineseDaysCalendar, years.data) : chineseDaysCalendar;
  const patch = holidaysSchema.safeParse(holidays);
  return createDeadlineEngine(patch.success ? overrideCalendar(base, patch.data) : base);
}

export const deviceSettingsSchema = z.strictObject({
  syncIntervalMinutes: z.number().int().min(1).max(1440),
  /** Headcount from which a visit counts as 集体访 (DOMAIN.md §2: usually 5). */
  groupVisitThreshold: z.number().int().min(2).max(1000),
  // --- the bureau's own choices in the law's clocks and figures (issue #13; DOMAIN.md §4, §6)
  /** The handling target in days for 建议意见, 检举控告 and route 5 (default 60). */
  handlingTargetDays: z.number().int().min(1).max(120).optional(),
  figures: figureOptionsSchema.optional(),
});

/** What the window and the city take from the settings for the clocks and the figures; absent or unreadable gives the defaults. */
export function bureauPolicyFor(settings: unknown): { handlingTargetDays: number; figures: FigureOptions } {
  const parsed = deviceSettingsSchema.safeParse(settings);
  const s = parsed.success ? parsed.data : undefined;
  return { handlingTargetDays: s?.handlingTargetDays ?? DEFAULT_HANDLING_TARGET_DAYS, figures: s?.figures ?? DEFAULT_FIGURE_OPTIONS };
}

export const referenceValueSchemas = {
  units: unitsSchema,
  categories: categoriesFileSchema,
  holidays: holidaysSchema,
  settings: deviceSettingsSchema,
  // #13: the organisation tree (review bodies) and the holiday years the city published.
  organisations: organisationTreeSchema,
  calendar: publishedCalendarSchema,
} as const;
export const referenceKeySchema = z.enum(['units', 'categories', 'holidays', 'settings', 'organisations', 'calendar']);
export type ReferenceKey = z.infer<typeof referenceKeySchema>;

const referenceItem = <K extends ReferenceKey>(key: K) =>
  z.object({ key: z.literal(key), value: referenceValueSchemas[key], updatedAt: z.string() });

export const referenceItemSchema = z.discriminatedUnion('key', [
  referenceItem('units'),
  referenceItem('categories'),
  referenceItem('holidays'),
  referenceItem('settings'),
  referenceItem('organisations'),
  referenceItem('calendar'),
]);
export type ReferenceItem = z.infer<typeof referenceItemSchema>;

export const supervisionNoticeSchema = z.object({
  id: z.uuid(),
  matterId: z.uuid(),
  matterNo: z.string(),
  /** 督〔2026〕12号 */
  noticeNo: z.string(),
  issuedBy: z.string(),
  issuedAt: z.string(),
  dueOn: isoDate,
  content: z.string(),
});
export type SupervisionNotice = z.infer<typeof supervisionNoticeSchema>;

/** At most this many notices per answer; `hasMore` tells the device to pull again at once. */
export const PULL_PAGE_SIZE = 500;

/** Headers a device may send with its pull (both) and its push (its version): what the city's console shows beside it. The bodies stay protocol v1. */
export const DEVICE_REPORT_HEADERS = { appVersion: 'x-xf-app-version', backlog: 'x-xf-backlog' } as const;

export const pullQuerySchema = z.strictObject({ since: z.string().min(1).max(100).optional() });

export const pullResponseSchema = z.object({
  /** Opaque; send it back as `since` next time. */
  cursor: z.string(),
  hasMore: z.boolean(),
  /** Each item replaces the whole value the device holds for its key. */
  reference: z.array(referenceItemSchema),
  supervision: z.array(supervisionNoticeSchema),
  /** The city's termination register (终结库), entries changed since the cursor; absent from a city that predates it. */
  terminations: z.array(terminationEntrySchema).default([]),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
