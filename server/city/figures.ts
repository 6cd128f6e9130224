// Per-county figures over a period of Beijing-time days (DOMAIN.md §6): the counts are SQL
// aggregates grouped by county, so that work stays in the database however many visits there
// are; so are the published rates, counted over each matter's stored figure facts (figureFacts.ts).
import { and, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { periodFiguresSchema } from '../../domain/figures/rpc';
import { INDICATOR_KEYS, type IndicatorKey } from '../../domain/figures/facts';
import { fromTallies, repeatRate, sumIndicators, type Indicators, type Tally } from '../../domain/figures/indicators';
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import { bureauPolicyFor, deviceSettingsSchema } from '../../domain/sync/pull';
import type { CityDb } from '../store/db';
import { countyTallies } from './figureFacts';
import { referenceValue } from './referenceValue';
import { visitTallies } from '../store/schema';

/** DOMAIN.md §2: what bureaus usually count as 集体访, unless the city's settings say otherwise. */
export const DEFAULT_GROUP_VISIT_THRESHOLD = 5;

/** One county's figures (or the city's total): the window's period figures and what only the city counts. */
export const countyFiguresSchema = periodFiguresSchema.extend({
  matters: z.number().int(),
  groupVisits: z.number().int(),
  terminatedMatterVisits: z.number().int(),
});
export type CountyFigures = z.infer<typeof countyFiguresSchema>;

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
  const threshold = await groupVisitThreshold(db);
  const { figures: options } = bureauPolicyFor(await referenceValue(db, 'settings'));
  const tallies = await countyTallies(db, { from, to }, today);
  // Summed from the days' tallies the triggers keep (migration 0012); a voided registration is in none.
  const t = visitTallies;
  const visitsOnly = sql`${t.kind} <> 'matter'`;
  const sumN = (filter: ReturnType<typeof sql>) => sql`coalesce(sum(${t.n}) filter (where ${filter}), 0)`.mapWith(Number);
  const rows = await db
    .select({
      countyCode: t.countyCode,
      visits: sumN(visitsOnly),
      firstVisits: sumN(sql`${t.kind} = 'first'`),
      repeatVisits: sumN(sql`${t.kind} = 'repeat'`),
      groupVisits: sumN(sql`${visitsOnly} AND ${t.headcount} >= ${threshold}`),
      people: sql`coalesce(sum(${t.n} * ${t.headcount}) filter (where ${visitsOnly}), 0)`.mapWith(Number),
      terminatedMatterVisits: sumN(sql`${visitsOnly} AND ${t.terminated}`),
      matters: sumN(sql`${t.kind} = 'matter'`),
    })
    .from(t)
    .where(and(gte(t.day, from), lte(t.day, to)))
    .groupBy(t.countyCode)
    .having(sql`sum(${t.n}) <> 0`);

  const byCounty = new Map<string, Counts>();
  const empty = { visits: 0, firstVisits: 0, repeatVisits: 0, matters: 0, groupVisits: 0, people: 0, terminatedMatterVisits: 0 };
  for (const { countyCode, ...v } of rows) byCounty.set(countyCode, v);
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
