// RPC method of the window's figures page (统计): this window's visits and the bureau's
// published rates over a period (DOMAIN.md §6), computed the way the city computes them.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/deadlines';
import { INDICATOR_LABELS, indicatorsSchema, type Rate, rateSchema, REPEAT_RATE_LABEL } from './indicators';

export const figuresPeriodSchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((p) => p.from <= p.to, { error: '开始日期不能晚于结束日期', path: ['to'] });

/** What the window and the city both count over a period, and the rates from it. */
export const periodFiguresSchema = z.object({
  visits: z.number().int(),
  firstVisits: z.number().int(),
  repeatVisits: z.number().int(),
  people: z.number().int(),
  /** 重复信访率 over the period's visits. */
  repeatRate: rateSchema,
  indicators: indicatorsSchema,
});

export const windowFiguresSchema = periodFiguresSchema.extend({
  from: z.string(),
  to: z.string(),
  /** The day the rates were worked out on: deadlines after it have not run out yet. */
  today: z.string(),
});
export type WindowFigures = z.infer<typeof windowFiguresSchema>;

/** Every rate the page and the workbook show, in order, with its label. */
export function labelledRates(f: WindowFigures): { key: string; label: string; rate: Rate }[] {
  const published = (Object.keys(INDICATOR_LABELS) as (keyof typeof INDICATOR_LABELS)[]).map((key) => ({ key, label: INDICATOR_LABELS[key], rate: f.indicators[key] }));
  return [...published, { key: 'repeatRate', label: REPEAT_RATE_LABEL, rate: f.repeatRate }];
}

export const figuresMethods = {
  'figures.get': { input: figuresPeriodSchema, output: windowFiguresSchema },
  /** The same figures as an Excel workbook. */
  'figures.export': { input: figuresPeriodSchema, output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }) },
} as const;
