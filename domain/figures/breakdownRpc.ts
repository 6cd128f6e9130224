// RPC method of 统计's breakdowns: the period's visits and rates per month, category, township,
// channel or route (domain/figures/breakdowns.ts), each row a period and a group the register
// can be opened on.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/deadlines';
import { breakdownDimensionSchema, breakdownRowSchema } from './breakdowns';

export const breakdownMethods = {
  'figures.breakdown': {
    input: z
      .strictObject({ from: isoDateSchema, to: isoDateSchema, by: breakdownDimensionSchema })
      .refine((p) => p.from <= p.to, { error: '开始日期不能晚于结束日期', path: ['to'] }),
    output: z.object({
      by: breakdownDimensionSchema,
      /** Each row's group by name (a category, a township, a channel, a route, a month). */
      rows: z.array(breakdownRowSchema.extend({ label: z.string() })),
      today: z.string(),
    }),
  },
} as const;
