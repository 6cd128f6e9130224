// The 来访登记 form's record: one schema gives the form's rules, the RPC input and the types.
import { z } from 'zod';
import { optionalPhoneSchema } from '../contact/phone';
import { parseResidentId } from '../identity/residentId';

export const channelSchema = z.enum(['visit', 'letter', 'online', 'phone']);
export const CHANNEL_LABELS: Record<z.infer<typeof channelSchema>, string> = {
  visit: '来访',
  letter: '来信',
  online: '网上',
  phone: '电话',
};

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` });

/** What the clerk submits. `today` is needed to refuse future birth dates, so it is a factory. */
export function registerVisitInputSchema(today: () => string) {
  return z.strictObject({
    name: text('姓名', 50),
    idNumber: z.string({ error: '请填写身份证号码' }).transform((v, ctx) => {
      const r = parseResidentId(v, today());
      if (!r.ok) {
        ctx.issues.push({ code: 'custom', message: r.message, input: v, params: { code: r.code } });
        return z.NEVER;
      }
      return r.value.number;
    }),
    // Stored normalised (手机 11 digits, 固话 0371-63212345[-123]); rules in contact/phone.ts.
    phone: optionalPhoneSchema.default(''),
    address: z.string().trim().max(200, { error: '住址不能超过200个字' }).default(''),
    headcount: z
      .number({ error: '来访人数应为数字' })
      .int({ error: '来访人数应为整数' })
      .min(1, { error: '来访人数至少为1' })
      .max(9999, { error: '来访人数不能超过9999' }),
    channel: channelSchema.default('visit'),
    summary: text('诉求摘要', 2000),
  });
}
export type RegisterVisitInput = z.input<ReturnType<typeof registerVisitInputSchema>>;
export type RegisterVisit = z.output<ReturnType<typeof registerVisitInputSchema>>;

export const registrationSummarySchema = z.object({
  matterId: z.string(),
  matterNo: z.string(),
  visitorName: z.string(),
  maskedIdNumber: z.string(),
  headcount: z.number().int(),
  channel: channelSchema,
  summary: z.string(),
  receivedAt: z.string(),
  synced: z.boolean(),
});
export type RegistrationSummary = z.infer<typeof registrationSummarySchema>;
