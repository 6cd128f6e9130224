// What the city sends down (DESIGN.md §4 "Pull"): reference data it maintains and the 督办
// notices it issued about the county's matters. Device and city validate against these shapes.
import { z } from 'zod';
import { categoriesFileSchema } from '../reference/categories';
import { chineseDaysCalendar, createDeadlineEngine, defaultDeadlineEngine, isoDateSchema as isoDate, overrideCalendar, type DeadlineEngine } from '../calendar/deadlines';

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

/** The deadline engine for the city's holiday overrides as stored; anything unreadable gives the statutory calendar. */
export function deadlineEngineFor(holidays: unknown): DeadlineEngine {
  const parsed = holidaysSchema.safeParse(holidays);
  return parsed.success ? createDeadlineEngine(overrideCalendar(chineseDaysCalendar, parsed.data)) : defaultDeadlineEngine;
}

export const deviceSettingsSchema = z.strictObject({
  syncIntervalMinutes: z.number().int().min(1).max(1440),
  /** Headcount from which a visit counts as 集体访 (DOMAIN.md §2: usually 5). */
  groupVisitThreshold: z.number().int().min(2).max(1000),
});

export const referenceValueSchemas = {
  units: unitsSchema,
  categories: categoriesFileSchema,
  holidays: holidaysSchema,
  settings: deviceSettingsSchema,
} as const;
export const referenceKeySchema = z.enum(['units', 'categories', 'holidays', 'settings']);
export type ReferenceKey = z.infer<typeof referenceKeySchema>;

const referenceItem = <K extends ReferenceKey>(key: K) =>
  z.object({ key: z.literal(key), value: referenceValueSchemas[key], updatedAt: z.string() });

export const referenceItemSchema = z.discriminatedUnion('key', [
  referenceItem('units'),
  referenceItem('categories'),
  referenceItem('holidays'),
  referenceItem('settings'),
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

/** Headers a device may send with its pull: its version and the events waiting on it, which the city's console shows. */
export const DEVICE_REPORT_HEADERS = { appVersion: 'x-xf-app-version', backlog: 'x-xf-backlog' } as const;

export const pullQuerySchema = z.strictObject({ since: z.string().min(1).max(100).optional() });

export const pullResponseSchema = z.object({
  /** Opaque; send it back as `since` next time. */
  cursor: z.string(),
  hasMore: z.boolean(),
  /** Each item replaces the whole value the device holds for its key. */
  reference: z.array(referenceItemSchema),
  supervision: z.array(supervisionNoticeSchema),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
