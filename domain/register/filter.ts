// The full register (台账): which matters a view shows and in what order. One schema serves the
// RPC input, the address bar of the register page (so a reload keeps the view) and the drill-down
// from 统计, whose figures name the matters behind a number with the same indicator definitions
// (domain/figures/indicators.ts) rather than a second copy of them.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/deadlines';
import { indicatorsSchema } from '../figures/indicators';
import { FLAG_LABELS } from '../intake/flags';
import { channelSchema } from '../intake/registration';
import { matterClassSchema, matterRouteSchema } from '../matters/routes';
import { MATTER_STATES, type MatterState, matterStateSchema } from '../matters/states';
import type { Role } from '../staff/roles';

/** A group of matters with no value for a dimension yet (not classified, no category…). */
export const NONE = 'none';

/** Days ahead that count as "due soon", as on the work queue's 3-day warning. */
export const DUE_SOON_DAYS = 3;
export const deadlineStateSchema = z.enum(['overdue', 'due-soon']);
export type DeadlineState = z.infer<typeof deadlineStateSchema>;
export const DEADLINE_STATE_LABELS: Readonly<Record<DeadlineState, string>> = { overdue: '已超期', 'due-soon': `${DUE_SOON_DAYS}日内到期` };

const flagNames = Object.keys(FLAG_LABELS) as (keyof typeof FLAG_LABELS)[];
/** The marks a matter carries from the form; 越级 counts whatever level was skipped to. */
export const registerFlagSchema = z.enum(['skipLevel', ...flagNames]);
export type RegisterFlag = z.infer<typeof registerFlagSchema>;
export const REGISTER_FLAG_LABELS: Readonly<Record<RegisterFlag, string>> = { skipLevel: '越级', ...FLAG_LABELS };

export const indicatorKeySchema = indicatorsSchema.keyof();
export type IndicatorKey = z.infer<typeof indicatorKeySchema>;
const period = { from: isoDateSchema, to: isoDateSchema };

/**
 * The matters behind one number on 统计: those an indicator counted over a period (its
 * numerator, or its whole denominator), or those with a visit of a kind in the period.
 */
export const drillSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('indicator'), indicator: indicatorKeySchema, part: z.enum(['numerator', 'denominator']), ...period }),
  z.strictObject({ kind: z.literal('visits'), visits: z.enum(['all', 'first', 'repeat']), ...period }),
]);
export type Drill = z.infer<typeof drillSchema>;

const codes = (re: RegExp, max: number) => z.array(z.string().regex(re, { error: '代码格式不正确' })).max(max).default([]);

export const registerFilterSchema = z
  .strictObject({
    states: z.array(matterStateSchema).max(20).default([]),
    classes: z.array(matterClassSchema.or(z.literal(NONE))).max(5).default([]),
    routes: z.array(matterRouteSchema.or(z.literal(NONE))).max(12).default([]),
    /** 问题分类: a first-level code (2 digits) takes in its second level. */
    categories: codes(/^(\d{2}|\d{4}|none)$/, 50),
    /** 属地: a township (9 digits) or a county-level code (6 digits) as recorded. */
    places: codes(/^(\d{6}|\d{9}|none)$/, 200),
    /** 责任单位 as the lifecycle records it (set by classify, replaced by transfer or assign). */
    units: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    channels: z.array(channelSchema).max(4).default([]),
    /** Received on or after / on or before (local days). */
    from: isoDateSchema.nullable().default(null),
    to: isoDateSchema.nullable().default(null),
    deadline: deadlineStateSchema.nullable().default(null),
    /** Every mark chosen must be on the matter. */
    flags: z.array(registerFlagSchema).max(10).default([]),
    /** The device that registered it: the county and device parts of the matter number. */
    devices: codes(/^[0-9A-Za-z]{1,12}-[0-9A-Za-z]{1,12}$/, 50),
    drill: drillSchema.nullable().default(null),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((f) => !f.drill || f.drill.from <= f.drill.to, { error: '开始日期不能晚于结束日期', path: ['drill', 'to'] });
export type RegisterFilter = z.output<typeof registerFilterSchema>;
export type RegisterFilterInput = z.input<typeof registerFilterSchema>;

/** The orders the register offers: each has an index of its own (db/schema.ts). */
export const registerSortKeySchema = z.enum(['receivedAt', 'nextDue', 'matterNo']);
export type RegisterSortKey = z.infer<typeof registerSortKeySchema>;
export const registerSortSchema = z.strictObject({
  key: registerSortKeySchema.default('receivedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type RegisterSort = z.output<typeof registerSortSchema>;

/** The register's three kinds of matter (open, closed, terminated), as the state filter groups the states. */
const CLOSED: readonly MatterState[] = ['guided', 'not-accepted', 'closed', 'settled'];
export const STATE_GROUPS: readonly { label: string; states: readonly MatterState[] }[] = [
  { label: '在办', states: MATTER_STATES.filter((s) => !CLOSED.includes(s) && s !== 'terminated') },
  { label: '已办结', states: CLOSED },
  { label: '已终结', states: ['terminated'] },
];

/** Issue #12: a voided (作废) registration is kept, out of the figures, and shown to supervisors only. */
export const seesVoided = (role: Role): boolean => role === 'supervisor';

export const emptyFilter = (): RegisterFilter => registerFilterSchema.parse({});
export const defaultSort = (): RegisterSort => registerSortSchema.parse({});
