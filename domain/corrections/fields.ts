// 更正 (correcting a registration): which fields of a registered matter may be corrected, their
// names at the window, and the rules a corrected value must meet — the registration form's own.
// A document number is not among them: a wrong number is another person, so such a registration
// is voided (作废) and registered again.
import { z } from 'zod';
import { optionalPhoneOfKind } from '../contact/phone';
import { channelSchema } from '../intake/registration';
import { optionalText, requiredText as text } from '../schema/text';

export const correctableFieldSchema = z.enum(['visitorName', 'mobile', 'channel', 'headcount', 'categoryCode', 'placeRegion', 'respondent', 'summary', 'facts']);
export type CorrectableField = z.infer<typeof correctableFieldSchema>;

export const CORRECTABLE_FIELD_LABELS: Readonly<Record<CorrectableField, string>> = {
  visitorName: '信访人姓名',
  mobile: '手机号码',
  channel: '信访方式',
  headcount: '人数',
  categoryCode: '问题分类',
  placeRegion: '问题属地',
  respondent: '被反映人或单位',
  summary: '诉求摘要',
  facts: '事实与理由',
};

/** The corrected values, each checked as the registration form checks it (codes against the reference data by the service). */
export const correctionValuesSchema = z
  .strictObject({
    visitorName: text('姓名', 50),
    mobile: optionalPhoneOfKind('mobile'),
    channel: channelSchema,
    headcount: z.number({ error: '人数应为数字' }).int({ error: '人数应为整数' }).min(1, { error: '人数至少为1' }).max(9999, { error: '人数不能超过9999' }),
    categoryCode: z.string().trim().regex(/^\d{4}$/, { error: '请选择二级问题分类' }),
    placeRegion: z.string().trim().regex(/^(\d{6}|\d{9})?$/, { error: '地区代码应为6位（县级）或9位（乡镇级）数字' }),
    respondent: optionalText('被反映人或单位', 100),
    summary: text('诉求摘要', 2000),
    facts: optionalText('事实与理由', 5000),
  })
  .partial();
export type CorrectionValues = z.infer<typeof correctionValuesSchema>;

/** Every correction, void and withdrawal gives its reason: required, as a 不予受理 reason is. */
export const correctionReasonSchema = text('更正理由', 500);

/** One field as it was and as it is now: the headcount a whole number, every other field text. */
export const fieldChangeSchema = z
  .strictObject({
    field: correctableFieldSchema,
    from: z.union([z.string(), z.number()]),
    to: z.union([z.string(), z.number()]),
  })
  .refine((c) => (c.field === 'headcount' ? Number.isSafeInteger(c.from) && Number.isSafeInteger(c.to) : typeof c.from === 'string' && typeof c.to === 'string'), {
    error: '人数应为整数，其余各项应为文字',
  })
  // The city keeps a matter's channel as one of the four: a corrected one is too.
  .refine((c) => c.field !== 'channel' || channelSchema.safeParse(c.to).success, { error: '信访方式应为来访、来信、网上或电话' });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** The fields that really change, in the list's order: a value equal to the current one is no correction. */
export function changesBetween(current: Readonly<Record<CorrectableField, string | number>>, next: CorrectionValues): FieldChange[] {
  return correctableFieldSchema.options.flatMap((field) => {
    const to = next[field];
    return to === undefined || to === current[field] ? [] : [{ field, from: current[field], to }];
  });
}
