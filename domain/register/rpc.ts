// RPC methods of the full register (台账): a page of matters under a filter and sort (keyset
// pages, so the window scrolls through 100,000 rows without the store skipping over them), the
// count, the values the filter offers, and the Excel export, which runs as a job whose progress
// the window follows.
import { z } from 'zod';
import { nextDeadlineSchema } from '../matters/deadlines';
import { matterStateSchema } from '../matters/states';
import { channelSchema } from '../intake/registration';
import { registerFilterSchema, registerSortSchema } from './filter';

/** Where the next page starts: the last row's sort value and matter number. */
export const registerCursorSchema = z.strictObject({ value: z.string().max(200), matterNo: z.string().max(100) });
export type RegisterCursor = z.infer<typeof registerCursorSchema>;

export const REGISTER_PAGE_MAX = 500;

export const registerRowSchema = z.object({
  matterId: z.string(),
  matterNo: z.string(),
  receivedAt: z.string(),
  channel: channelSchema,
  /** 问题分类 as names, first level first. */
  category: z.array(z.string()),
  /** 属地 by name (the code when the region list does not know it). */
  place: z.string(),
  /** Masked as the matter's file masks it, and the number shortened as lists show it. */
  visitor: z.object({ name: z.string(), credential: z.string(), masked: z.boolean() }),
  /** 被反映人或单位. */
  respondent: z.string(),
  summary: z.string(),
  status: matterStateSchema,
  statusLabel: z.string(),
  classLabel: z.string().nullable(),
  routeLabel: z.string().nullable(),
  unit: z.string().nullable(),
  nextDeadline: nextDeadlineSchema.nullable(),
  flags: z.array(z.string()),
  /** 作废: kept and shown to supervisors only. */
  voided: z.boolean(),
  /** Brought in from the 历史台账 (Excel in). */
  imported: z.boolean(),
});
export type RegisterRow = z.infer<typeof registerRowSchema>;

const view = { filter: registerFilterSchema.default(() => registerFilterSchema.parse({})), sort: registerSortSchema.default(() => registerSortSchema.parse({})) };

export const exportProgressSchema = z.object({
  state: z.enum(['running', 'done', 'failed']),
  written: z.number().int(),
  total: z.number().int(),
  message: z.string().nullable(),
});
export type ExportProgress = z.infer<typeof exportProgressSchema>;
const exportId = z.strictObject({ id: z.string().min(1).max(64) });

export const registerMethods = {
  'register.page': {
    input: z.strictObject({ ...view, after: registerCursorSchema.nullable().default(null), limit: z.number().int().min(1).max(REGISTER_PAGE_MAX).default(100) }),
    output: z.object({ rows: z.array(registerRowSchema), next: registerCursorSchema.nullable() }),
  },
  'register.count': { input: z.strictObject({ filter: view.filter }), output: z.object({ count: z.number().int() }) },
  /** The places, units and devices the store holds, for the filter's lists. */
  'register.options': {
    input: z.strictObject({}),
    output: z.object({
      places: z.array(z.object({ code: z.string(), name: z.string() })),
      units: z.array(z.string()),
      devices: z.array(z.string()),
    }),
  },
  /** Starts writing the view to .xlsx on the reader; `id` names the job. */
  'register.exportStart': { input: z.strictObject(view), output: z.object({ id: z.string(), total: z.number().int() }) },
  'register.exportProgress': { input: exportId, output: exportProgressSchema },
  /** The finished file, handed over once. */
  'register.exportTake': { input: exportId, output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }) },
} as const;
