// Reading the city's matter projection back, for administrators (and tests) on the city side.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { CityDb } from '../store/db';
import { matters } from '../store/schema';
import { personPayload } from '../../domain/intake/events';
import { flagsSchema } from '../../domain/intake/flags';

export const matterQuerySchema = z.strictObject({
  matterNo: z.string().min(1).optional(),
  countyCode: z.string().regex(/^\d{6}$/).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type MatterQuery = z.infer<typeof matterQuerySchema>;

export const cityMatterSchema = z.object({
  matterId: z.string(),
  matterNo: z.string(),
  countyCode: z.string(),
  deviceId: z.string(),
  channel: z.string(),
  headcount: z.number().int(),
  summary: z.string(),
  receivedAt: z.string(),
  clockOffsetMs: z.number().int().nullable(),
  categoryCode: z.string(),
  placeRegion: z.string(),
  respondent: z.string(),
  facts: z.string(),
  flags: flagsSchema,
  visitor: personPayload,
  representatives: z.array(personPayload),
});
export type CityMatter = z.infer<typeof cityMatterSchema>;

export async function listMatters(db: CityDb, q: MatterQuery): Promise<CityMatter[]> {
  const where: SQL[] = [];
  if (q.matterNo !== undefined) where.push(eq(matters.matterNo, q.matterNo));
  if (q.countyCode !== undefined) where.push(eq(matters.countyCode, q.countyCode));
  const rows = await db
    .select()
    .from(matters)
    .where(and(...where))
    .orderBy(asc(matters.matterNo))
    .limit(q.limit);
  return rows.map((m) => ({
    matterId: m.matterId,
    matterNo: m.matterNo,
    countyCode: m.countyCode,
    deviceId: m.deviceId,
    channel: m.channel,
    headcount: m.headcount,
    summary: m.summary,
    receivedAt: m.receivedAt.toISOString(),
    clockOffsetMs: m.clockOffsetMs,
    categoryCode: m.categoryCode,
    placeRegion: m.placeRegion,
    respondent: m.respondent,
    facts: m.facts,
    // jsonb columns hold what the payload schema accepted; parsing again types them.
    flags: flagsSchema.parse(m.flags),
    visitor: personPayload.parse(m.visitor),
    representatives: z.array(personPayload).parse(m.representatives),
  }));
}
