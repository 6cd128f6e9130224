// Per-county figures over a period of Beijing-time days (DOMAIN.md §6): the counts are SQL
// aggregates grouped by county, so that work stays in the database however many visits there
// are; so are the published rates, counted over each matter's stored figure facts (figureFacts.ts).
import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { periodFiguresSchema } from '../../domain/figures/rpc';
import { INDICATOR_KEYS, type IndicatorKey } from '../../domain/figures/facts';
import { fromTallies, repeatRate, sumIndicators, type Indicators, type Tally } from '../../domain/figures/indicators';
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import { bureauPolicyFor, deviceSettingsSchema } from '../../domain/sync/pull';
import type { CityDb } from '../store/db';
import { countyTallies } from './figureFacts';
import { referenceValue } from './referenceValue';
import { allVisits, matters } from '../store/schema';

/** DOMAIN.md §2: what bureaus usually count as 集体访, unless the city's settings say otherwise. */
export const DEFAULT_GROUP_VISIT_THRESHOLD = 5;

/** One county's figures (or the city's total): the window's period figures and what only the city counts. */
export const countyFiguresSchema = periodFiguresSchema.extend({
  matters: z.number().int(),
  groupVisits: z.number().int(),
  terminatedMatterVisits: z.number().int(),
});
export type CountyFigures = z.infer<typeof countyFiguresSchema>;

const count = (filter?: ReturnType<typeof sql>) => (filter ? sql`count(*) filter (where ${filter})` : sql`count(*)`).mapWith(Number);

/** Voided registrations and records imported from a 历史台账 are in no figure. */
const countedMatter = and(isNull(matters.voidedAt), eq(matters.origin, 'window'));
/** A voided matter's visits are not counted; few matters are voided. */
const countedVisit = sql`${allVisits.matterId} NOT IN (SELECT matter_id FROM matters WHERE voided_at IS NOT NULL)`;

/** 00:00 of a day in Beijing. */
const beijingMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** [from 00:00, the day after `to` 00:00) in Beijing time. */
export function bounds(from: string, to: string): [Date, Date] {
  const end = beijingMidnight(to);
  end.setUTCDate(end.getUTCDate() + 1);
  return [beijingMidnight(from), end];
}

export async function groupVisitThreshold(db: CityDb): Promise<number> {
  const settings = deviceSettingsSchema.safeParse(await referenceValue(db, 'settings'));
  return settings.success ? settings.data.groupVisitThreshold : DEFAULT_GROUP_VISIT_THRESHOLD;
}

/** `today` (Beijing) decides which deadlines have run out. */
export async function countyFigures(db: CityDb, from: string, to: string, today = chinaDateOf(new Date().toISOString())) {
  const [start, end] = bounds(from, to);
  const threshold = await groupVisitThreshold(db);
  const { figures: options } = bureauPolicyFor(await referenceValue(db, 'settings'));
  const tallies = await countyTallies(db, { from, to }, today);
  const visitRows = await db
    .select({
      countyCode: allVisits.countyCode,
      visits: count(),
      firstVisits: count(sql`${allVisits.kind} = 'first'`),
      repeatVisits: count(sql`${allVisits.kind} = 'repeat'`),
      groupVisits: count(sql`${allVisits.headcount} >= ${threshold}`),
      people: sql`coalesce(sum(${allVisits.headcount}), 0)`.mapWith(Number),
      terminatedMatterVisits: count(sql`${allVisits.terminatedMatter}`),
    })
    .from(allVisits)
    .where(and(gte(allVisits.receivedAt, start), lt(allVisits.receivedAt, end), countedVisit))
    .groupBy(allVisits.countyCode);
  const matterRows = await db
    .select({ countyCode: matters.countyCode, matters: count() })
    .from(matters)
    .where(and(gte(matters.receivedAt, start), lt(matters.receivedAt, end), countedMatter))
    .groupBy(matters.countyCode);

  const byCounty = new Map<string, Counts>();
  const empty = { visits: 0, firstVisits: 0, repeatVisits: 0, matters: 0, groupVisits: 0, people: 0, terminatedMatterVisits: 0 };
  for (const { countyCode, ...v } of visitRows) byCounty.set(countyCode, { ...empty, ...v });
  for (const { countyCode, matters: n } of matterRows) byCounty.set(countyCode, { ...(byCounty.get(countyCode) ?? empty), matters: n });
  const ratesByCounty = new Map([...tallies].map(([countyCode, t]) => [countyCode, fromTallies(t, options)]));
  // A county shows when something happened or fell due in the period (a county tallied had something due).
  const counties = [...new Set([...byCounty.keys(), ...ratesByCounty.keys()])].sort((a, b) => a.localeCompare(b));
  const noRates = fromTallies(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, { numerator: 0, denominator: 0 }])) as Record<IndicatorKey, Tally>, options);

  const total = { ...empty };
  for (const f of byCounty.values()) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += f[k];
  return {
    from,
    to,
    groupVisitThreshold: threshold,
    counties: counties.map((countyCode) => ({ countyCode, ...withRates(byCounty.get(countyCode) ?? empty, ratesByCounty.get(countyCode) ?? noRates) })),
    total: withRates(total, sumIndicators([...ratesByCounty.values()], options)),
  };
}

type Counts = Omit<CountyFigures, 'repeatRate' | 'indicators'>;

function withRates(f: Counts, rates: Indicators): CountyFigures {
  return {
    ...f,
    repeatRate: repeatRate(f.repeatVisits, f.visits),
    indicators: rates,
  };
}
