// The 来访登记 form's record (DOMAIN.md §2, §7, §9): one schema gives the form's rules, the RPC
// input and the types. Region and category codes are checked for shape here and against the
// reference data by the service, which holds it.
import { z } from 'zod';
import { optionalPhoneOfKind } from '../contact/phone';
import { credentialInputSchema, credentialTypeSchema } from '../identity/credentials';
import { optionalText, requiredText as text } from '../schema/text';
import { flagsSchema } from './flags';

export const channelSchema = z.enum(['visit', 'letter', 'online', 'phone']);
export type Channel = z.infer<typeof channelSchema>;
export const CHANNEL_LABELS: Record<Channel, string> = { visit: '来访', letter: '来信', online: '网上', phone: '电话' };

/** 条例 art. 18: a group elects at most five representatives. */
export const MAX_REPRESENTATIVES = 5;
/** Our reading (DOMAIN.md §2): five or more visitors make a group visit; configurable later. */
export const GROUP_VISIT_THRESHOLD = 5;

export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族', '其他', '外国血统',
] as const;

const regionCode = z
  .string()
  .trim()
  .regex(/^(\d{6}|\d{9})?$/, { error: '地区代码应为6位（县级）或9位（乡镇级）数字' })
  .default('');

export const addressSchema = z.strictObject({ region: regionCode, detail: optionalText('详细地址', 200) });

/** A person at the window: the visitor, or one of a group's representatives. */
function personSchema(today: () => string) {
  return z.strictObject({
    credential: credentialInputSchema(today),
    name: text('姓名', 50),
    mobile: optionalPhoneOfKind('mobile').default(''),
  });
}

/** 初访 starts a matter; 重复访 links the visit to one the visitor already has. */
export const visitKindSchema = z.enum(['first', 'repeat']);
export const visitLinkSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal(visitKindSchema.enum.first) }),
  z.strictObject({ kind: z.literal(visitKindSchema.enum.repeat), matterId: z.string().min(1) }),
]);

/** What the clerk submits. `today` is needed to refuse future birth dates, so it is a factory. */
export function registerVisitInputSchema(today: () => string) {
  return z
    .strictObject({
      visitor: personSchema(today).extend({
        gender: z.enum(['male', 'female']).nullable().default(null),
        ethnicity: z.string().trim().max(20).default(''),
        birthDate: z
          .string()
          .regex(/^(\d{4}-\d{2}-\d{2})?$/, { error: '出生日期格式应为 YYYY-MM-DD' })
          .default(''),
        landline: optionalPhoneOfKind('landline').default(''),
        household: addressSchema.default({ region: '', detail: '' }),
        current: addressSchema.default({ region: '', detail: '' }),
        workUnit: optionalText('工作单位', 100),
      }),
      channel: channelSchema.default('visit'),
      headcount: z
        .number({ error: '来访人数应为数字' })
        .int({ error: '来访人数应为整数' })
        .min(1, { error: '来访人数至少为1' })
        .max(9999, { error: '来访人数不能超过9999' }),
      representatives: z
        .array(personSchema(today))
        .max(MAX_REPRESENTATIVES, { error: `集体访代表最多${MAX_REPRESENTATIVES}人（《信访工作条例》第十八条）` })
        .default([]),
      categoryCode: z.string().trim().regex(/^(\d{4})?$/, { error: '请选择二级问题分类' }).default(''),
      placeRegion: regionCode,
      respondent: optionalText('被反映人或单位', 100),
      summary: text('诉求摘要', 2000),
      facts: optionalText('事实与理由', 5000),
      flags: flagsSchema.default(flagsSchema.parse({})),
      link: visitLinkSchema.default({ kind: 'first' }),
      draftId: z.string().optional(),
    })
    .superRefine((v, ctx) => {
      if (v.representatives.length > v.headcount) {
        ctx.addIssue({ code: 'custom', path: ['headcount'], message: '来访人数不能少于代表人数', params: { code: 'headcount_below_representatives' } });
      }
      if (v.headcount >= GROUP_VISIT_THRESHOLD && v.representatives.length === 0 && v.channel === 'visit') {
        ctx.addIssue({
          code: 'custom',
          path: ['representatives'],
          message: `${GROUP_VISIT_THRESHOLD}人以上集体访须登记推选的代表（至多${MAX_REPRESENTATIVES}人）`,
          params: { code: 'representatives_required' },
        });
      }
    });
}
export type RegisterVisitInput = z.input<ReturnType<typeof registerVisitInputSchema>>;
export type RegisterVisit = z.output<ReturnType<typeof registerVisitInputSchema>>;

export const registrationSummarySchema = z.object({
  matterId: z.string(),
  matterNo: z.string(),
  visitKind: visitKindSchema,
  visitorName: z.string(),
  maskedIdNumber: z.string(),
  headcount: z.number().int(),
  channel: channelSchema,
  summary: z.string(),
  receivedAt: z.string(),
  synced: z.boolean(),
});
export type RegistrationSummary = z.infer<typeof registrationSummarySchema>;

export { credentialTypeSchema };
