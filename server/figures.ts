// Per-county figures over a period of Beijing-time days (DOMAIN.md §6), each an SQL aggregate
// grouped by county, so the work stays in the database however many visits there are.
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { deviceSettingsSchema } from '../domain/sync/pull';
import type { CityDb } from './db';
import { matters, referenceData, visits } from './schema';

/** DOMAIN.md §2: what bureaus usually count as 集体访, unless the city's settings say otherwise. */
export const DEFAULT_GROUP_VISIT_THRESHOLD = 5;
export const REPEAT_RATE_FORMULA = '重复访次数 ÷ 来访总次数';

export interface CountyFigures {
  visits: number;
  firstVisits: number;
  repeatVisits: number;
  matters: number;
  groupVisits: number;
  people: number;
  terminatedMatterVisits: number;
  repeatRate: { value: number | null; numerator: number; denominator: number; formula: string };
}

const count = (filter?: ReturnType<typeof sql>) => (filter ? sql`count(*) filter (where ${filter})` : sql`count(*)`).mapWith(Number);

/** [from 00:00, the day after `to` 00:00) in Beijing time. */
function bounds(from: string, to: string): [Date, Date] {
  const end = new Date(`${to}T00:00:00+08:00`);
  end.setUTCDate(end.getUTCDate() + 1);
  return [new Date(`${from}T00:00:00+08:00`), end];
}

async function groupVisitThreshold(db: CityDb): Promise<number> {
  const [row] = await db.select({ value: referenceData.value }).from(referenceData).where(eq(referenceData.key, 'settings'));
  const settings = deviceSettingsSchema.safeParse(row?.value);
  return settings.success ? settings.data.groupVisitThreshold : DEFAULT_GROUP_VISIT_THRESHOLD;
}

export async function countyFigures(db: CityDb, from: string, to: string) {
  const [start, end] = bounds(from, to);
  const threshold = await groupVisitThreshold(db);
  const visitRows = await db
    .select({
      countyCode: visits.countyCode,
      visits: count(),
      firstVisits: count(sql`${visits.kind} = 'first'`),
      repeatVisits: count(sql`${visits.kind} = 'repeat'`),
      groupVisits: count(sql`${visits.headcount} >= ${threshold}`),
      people: sql`coalesce(sum(${visits.headcount}), 0)`.mapWith(Number),
      terminatedMatterVisits: count(sql`${visits.terminatedMatter}`),
    })
    .from(visits)
    .where(and(gte(visits.receivedAt, start), lt(visits.receivedAt, end)))
    .groupBy(visits.countyCode);
  const matterRows = await db
    .select({ countyCode: matters.countyCode, matters: count() })
    .from(matters)
    .where(and(gte(matters.receivedAt, start), lt(matters.receivedAt, end)))
    .groupBy(matters.countyCode);

  const byCounty = new Map<string, Omit<CountyFigures, 'repeatRate'>>();
  const empty = { visits: 0, firstVisits: 0, repeatVisits: 0, matters: 0, groupVisits: 0, people: 0, terminatedMatterVisits: 0 };
  for (const { countyCode, ...v } of visitRows) byCounty.set(countyCode, { ...empty, ...v });
  for (const { countyCode, matters: n } of matterRows) byCounty.set(countyCode, { ...(byCounty.get(countyCode) ?? empty), matters: n });

  const total = { ...empty };
  for (const f of byCounty.values()) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += f[k];
  return {
    from,
    to,
    groupVisitThreshold: threshold,
    counties: [...byCounty.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([countyCode, f]) => ({ countyCode, ...withRate(f) })),
    total: withRate(total),
  };
}

function withRate(f: Omit<CountyFigures, 'repeatRate'>): CountyFigures {
  return {
    ...f,
    repeatRate: { value: f.visits === 0 ? null : f.repeatVisits / f.visits, numerator: f.repeatVisits, denominator: f.visits, formula: REPEAT_RATE_FORMULA },
  };
}
