// The console's 专项 campaigns (issue #14): what the city bureau gives to make one and to attach
// matters to it, and what the console shows of each — its 化解率 per county and in total, by the
// domain's own formula (figures/indicators.ts: 息诉罢访, not 办结).
import { z } from 'zod';
import { isoDateSchema } from '../calendar/deadlines';
import { rateSchema } from '../figures/indicators';

const countyCode = z.string().regex(/^\d{6}$/, { error: '县级行政区划代码应为6位数字' });

export const createCampaignSchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: '请填写专项名称' }).max(100, { error: '名称不能超过100个字' }),
    startsOn: isoDateSchema,
    dueOn: isoDateSchema,
    countyCodes: z
      .array(countyCode)
      .min(1, { error: '请至少选择一个县（区）' })
      .max(200)
      .refine((c) => new Set(c).size === c.length, { error: '县（区）不能重复' }),
  })
  .refine((c) => c.startsOn <= c.dueOn, { error: '开始日期不能晚于截止日期', path: ['dueOn'] });
export type CreateCampaign = z.infer<typeof createCampaignSchema>;

export const attachMattersSchema = z.strictObject({
  matterNos: z
    .array(z.string().trim().min(1).max(100))
    .min(1, { error: '请填写信访件编号' })
    .max(1000, { error: '一次最多交办1000件' }),
});
export type AttachMatters = z.infer<typeof attachMattersSchema>;

/** A campaign's 化解率 in one county (or, with countyCode null, in all its counties). */
export const campaignRateSchema = z.object({ countyCode: z.string().nullable(), rate: rateSchema });

export const consoleCampaignSchema = z.object({
  campaignId: z.string(),
  name: z.string(),
  startsOn: z.string(),
  dueOn: z.string(),
  countyCodes: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  /** One per assigned county, in the order of countyCodes. */
  counties: z.array(campaignRateSchema),
  total: campaignRateSchema,
});
export type ConsoleCampaign = z.infer<typeof consoleCampaignSchema>;

/** One matter attached to a campaign, with whether its petitioner has stopped (息诉罢访). */
export const campaignMatterSchema = z.object({
  matterNo: z.string(),
  countyCode: z.string(),
  summary: z.string(),
  desistedOn: z.string().nullable(),
});
