// Reference data the form's cascaders need (行政区划, 问题分类), served over RPC because the
// renderer may not read resources/ and the city can replace the categories after a pull.
import { z } from 'zod';
import type { RegionLevel } from '../regions/regions';

export const regionNodeSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'city', 'county', 'township'] as const satisfies readonly RegionLevel[]),
  /** Nothing below it: a township, or a county the data set gives no townships for. */
  isLeaf: z.boolean(),
});
export type RegionNode = z.infer<typeof regionNodeSchema>;

export const categoryGroupSchema = z.object({
  code: z.string(),
  name: z.string(),
  children: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type CategoryGroup = z.infer<typeof categoryGroupSchema>;

export const referenceMethods = {
  /** Children of a region, one level at a time (the data set has ~3,000 parents); null: provinces. */
  'reference.regions': {
    input: z.strictObject({ parent: z.string().regex(/^(\d{2}|\d{4}|\d{6})$/, { error: '地区代码格式不正确' }).nullable() }),
    output: z.array(regionNodeSchema),
  },
  /** The categories a new matter may be filed under: retired ones left out. */
  'reference.categories': { input: z.strictObject({}), output: z.array(categoryGroupSchema) },
} as const;
