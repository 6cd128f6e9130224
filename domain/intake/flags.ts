// The marks a matter carries from the 来访登记 form (DOMAIN.md §2–§3): 越级 (the level skipped
// to), 三跨三分离 (joint handling), 涉法涉诉 and 重大紧急 — what routing and the bureau's daily
// figures count. One schema; pickFlags copies them wherever a row holds them as columns.
import { z } from 'zod';

/** 越级: the level a visitor went to, skipping the competent one (DOMAIN.md §2). */
export const skipLevelSchema = z.enum(['city', 'province', 'national']);
export const SKIP_LEVEL_LABELS: Record<z.infer<typeof skipLevelSchema>, string> = { city: '越级到市', province: '越级到省', national: '越级进京' };

export const flagsSchema = z.strictObject({
  skipLevel: skipLevelSchema.nullable().default(null),
  crossRegion: z.boolean().default(false),
  crossDepartment: z.boolean().default(false),
  crossSector: z.boolean().default(false),
  personHouseholdApart: z.boolean().default(false),
  personMatterApart: z.boolean().default(false),
  matterHouseholdApart: z.boolean().default(false),
  lawRelated: z.boolean().default(false),
  majorUrgent: z.boolean().default(false),
});
export type Flags = z.output<typeof flagsSchema>;
/** The nine flags' names, in the schema's order (which the register's indexes follow too). */
export const FLAG_KEYS = flagsSchema.keyof().options;

/** The yes/no marks and their names (越级 has its own levels). */
export const FLAG_LABELS = {
  crossRegion: '跨地区',
  crossDepartment: '跨部门',
  crossSector: '跨行业',
  personHouseholdApart: '人户分离',
  personMatterApart: '人事分离',
  matterHouseholdApart: '事户分离',
  lawRelated: '涉法涉诉',
  majorUrgent: '重大紧急',
} as const satisfies Record<Exclude<keyof Flags, 'skipLevel'>, string>;
export type FlagName = keyof typeof FLAG_LABELS;

/** The flags out of anything that holds them side by side (a form's values, a table row), checked. */
export function pickFlags(row: { readonly [K in keyof Flags]: unknown }): Flags {
  return flagsSchema.parse(Object.fromEntries(FLAG_KEYS.map((k) => [k, row[k]])));
}
