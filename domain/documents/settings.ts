// What the administrator sets for the notices (DOMAIN.md §5): the issuing bureau's name, address,
// phone and seal, printed on every notice, and — until the city sends its own — the organisation
// tree that names the bodies a 复查 or 复核 goes to. No notice goes out before the bureau is set:
// a notice signed by a made-up name is worse than none.
import { z } from 'zod';
import { requiredText as text } from '../schema/text';
import { organisationTreeSchema } from '../reference/organisation';

export const bureauSettingsSchema = z.strictObject({
  /** The full name, as on the seal: 郑州市中原区信访局. */
  name: text('本局名称', 100),
  address: text('本局地址', 200),
  /** Where a petitioner asks about progress (受理告知书). */
  phone: z
    .string({ error: '请填写联系电话' })
    .trim()
    .regex(/^[0-9+\-（）() 转]{5,40}$/u, { error: '联系电话只能含数字、区号连字符、括号和“转”' }),
  /** The words in the seal's ring, printed where the seal goes. */
  seal: text('印章文字', 100),
});
export type BureauSettings = z.infer<typeof bureauSettingsSchema>;

export const noticeSettingsSchema = z.object({
  bureau: bureauSettingsSchema.nullable(),
  /** The tree the notices use now: the city's once pulled, else the one set here. */
  organisations: organisationTreeSchema,
  organisationsFrom: z.enum(['city', 'local', 'none']),
  /** The tree the administrator set at this window (kept even when the city's is in use). */
  localOrganisations: organisationTreeSchema,
});
export type NoticeSettings = z.infer<typeof noticeSettingsSchema>;

export const noticeSettingsMethods = {
  'noticeSettings.get': { input: z.strictObject({}), output: noticeSettingsSchema },
  'noticeSettings.setBureau': { input: bureauSettingsSchema, output: noticeSettingsSchema },
  'noticeSettings.setOrganisations': { input: z.strictObject({ organisations: organisationTreeSchema }), output: noticeSettingsSchema },
} as const;
