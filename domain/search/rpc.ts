// The RPC method of the search from every screen (issue #12): a fragment in, the newest
// matching matters out, each with what the window needs to recognise it.
import { z } from 'zod';
import { nextDeadlineSchema } from '../matters/deadlines';
import { matterDetailSchema } from '../matters/rpc';
import { parseSearchQuery } from './query';

const querySchema = z.string().transform((raw, ctx) => {
  const q = parseSearchQuery(raw);
  if (q.ok) return q.value;
  ctx.issues.push({ code: 'custom', message: q.message, input: raw, params: { code: q.code } });
  return z.NEVER;
});

export const searchHitSchema = z.object({
  matterId: z.string(),
  matterNo: z.string(),
  /** The petitioner as the matter's file shows them to this role, the ID number masked for a list. */
  visitor: matterDetailSchema.shape.visitor.omit({ mobile: true }),
  /** 问题分类, first and second level. */
  category: z.array(z.string()),
  statusLabel: z.string(),
  /** 作废: found only by the roles that may see a voided registration. */
  voided: z.boolean(),
  nextDeadline: nextDeadlineSchema.nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchMethods = {
  'search.matters': {
    input: z.strictObject({ query: querySchema }),
    output: z.object({ hits: z.array(searchHitSchema), more: z.boolean() }),
  },
} as const;
