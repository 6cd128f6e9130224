// The city's figure facts (domain/figures/facts.ts) per matter, beside its county: made again in
// the push's own transaction for every matter an accepted event touched (a registration, a step,
// a repeat visit, a void, a withdrawal), all made again when the published holiday calendar or
// the bureau's figure options change (publishReference) or at start when they changed unseen (an
// upgrade). A period's rates are then sums over the daily tallies that triggers keep beside them
// (fact_tallies, migration 0011), grouped by county, saying facts.ts `counts` in SQL.
import { and, between, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import { initialLifecycle } from '../../domain/matters/applyCommand';
import type { DeadlineEngine } from '../../domain/calendar/deadlines';
import { factsBasis, figureFacts, INDICATOR_KEYS, type FigureFacts, type IndicatorKey, type Period } from '../../domain/figures/facts';
import type { Tally } from '../../domain/figures/indicators';
import type { FigureOptions } from '../../domain/figures/options';
import { bureauPolicyFor, deadlineEngineFor } from '../../domain/sync/pull';
import type { CityDb } from '../store/db';
import { factTallies, matterFacts, matterFactsBasis, matters, referenceData, visits } from '../store/schema';
import { cityLifecycle } from './lifecycles';

type Rules = { engine: DeadlineEngine; options: FigureOptions; basis: string };

/** The calendar and the bureau's figure options the city's settings give the rates, and what they come to; one read. */
export async function rateRules(db: CityDb): Promise<Rules> {
  const rows = await db.select({ key: referenceData.key, value: referenceData.value }).from(referenceData).where(inArray(referenceData.key, ['holidays', 'calendar', 'settings']));
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  const { figures: options } = bureauPolicyFor(value('settings'));
  return { engine: deadlineEngineFor(value('holidays'), value('calendar')), options, basis: factsBasis(value('holidays'), value('calendar'), options) };
}

/** Facts of the given matters (null for one the figures do not count), from their rows and repeat visits. */
async function madeFacts(db: CityDb, rules: Rules, ids: string[]) {
  const counted = and(sql`${matters.voidedAt} IS NULL`, eq(matters.origin, 'window'));
  // One jsonb parameter for any number of ids (a push group registers thousands).
  const named = (col: PgColumn) => sql`${col} IN (SELECT value::uuid FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
  const rows = await db
    .select({ matterId: matters.matterId, countyCode: matters.countyCode, receivedAt: matters.receivedAt, lifecycle: matters.lifecycle, counted: sql<boolean>`${counted}` })
    .from(matters)
    .where(named(matters.matterId));
  const repeats = await db
    .select({ matterId: visits.matterId, receivedAt: visits.receivedAt })
    .from(visits)
    .where(and(eq(visits.kind, 'repeat'), named(visits.matterId)));
  const days = new Map<string, string[]>();
  for (const v of repeats) days.set(v.matterId, [...(days.get(v.matterId) ?? []), chinaDateOf(v.receivedAt.toISOString())]);
  return rows.map((r) => ({
    matterId: r.matterId,
    countyCode: r.countyCode,
    facts: r.counted ? figureFacts({ lifecycle: cityLifecycle(r), repeatVisitDays: days.get(r.matterId) ?? [] }, rules.engine, rules.options) : null,
  }));
}

/** Writes facts in one statement (one jsonb parameter), replacing a matter's earlier ones. */
export async function writeFacts(db: CityDb, rows: { matterId: string; countyCode: string; facts: FigureFacts }[]): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map(({ matterId, countyCode, facts: f }) => ({
    matter_id: matterId,
    county_code: countyCode,
    acceptance_due: f.acceptanceDue,
    decided: f.decided,
    decided_in_time: f.decidedInTime,
    handling_due: f.handlingDue,
    closed: f.closed,
    closed_in_time: f.closedInTime,
    window_end: f.windowEnd,
    returned: f.returned,
    closed_on: f.closedOn,
    rated: f.rated,
    satisfied: f.satisfied,
  }));
  const columns = Object.keys(records[0]!);
  await db.execute(sql`INSERT INTO matter_facts (${sql.raw(columns.join(', '))})
    SELECT ${sql.raw(columns.join(', '))} FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS f(matter_id uuid, county_code varchar, acceptance_due date,
      decided boolean, decided_in_time boolean, handling_due date, closed boolean, closed_in_time boolean, window_end date, returned boolean, closed_on date, rated boolean, satisfied boolean)
    ON CONFLICT (matter_id) DO UPDATE SET ${sql.raw(columns.filter((c) => c !== 'matter_id').map((c) => `${c} = excluded.${c}`).join(', '))}`);
}

/** A matter just registered: its facts follow from the day of receipt alone (nothing done yet, no repeat visit). */
export interface Registered {
  matterId: string;
  countyCode: string;
  receivedAt: string;
}

/**
 * Makes the facts of these matters again, inside the caller's transaction: the registered ones
 * from their day of receipt, without reading them back (the bulk of every push); the others, which
 * a step, a visit or a correction touched, from their rows (also when registered in the same group).
 */
export async function refreshCityFacts(tx: CityDb, changed: { registered: readonly Registered[]; touched: readonly string[] }): Promise<void> {
  const touched = [...new Set(changed.touched)];
  const fresh = changed.registered.filter((r) => !touched.includes(r.matterId.toLowerCase()));
  if (touched.length === 0 && fresh.length === 0) return;
  const rules = await rateRules(tx);
  const byDay = new Map<string, FigureFacts>();
  const factsOn = (day: string) => byDay.get(day) ?? byDay.set(day, figureFacts({ lifecycle: initialLifecycle(day), repeatVisitDays: [] }, rules.engine, rules.options)).get(day)!;
  const made = [
    ...fresh.map((r) => ({ matterId: r.matterId, countyCode: r.countyCode, facts: factsOn(chinaDateOf(r.receivedAt)) as FigureFacts | null })),
    ...(touched.length > 0 ? await madeFacts(tx, rules, touched) : []),
  ];
  const gone = made.filter((m) => m.facts === null).map((m) => m.matterId);
  if (gone.length > 0) await tx.delete(matterFacts).where(inArray(matterFacts.matterId, gone));
  await writeFacts(tx, made.filter((m): m is typeof m & { facts: FigureFacts } => m.facts !== null));
}

/** Rows per statement when every matter's facts are made again. */
const CHUNK = 5000;

/** Makes every matter's facts again when the rules changed since they were made (or they never were); true when it did. */
export async function ensureCityFacts(db: CityDb): Promise<boolean> {
  const rules = await rateRules(db);
  const [held] = await db.select({ basis: matterFactsBasis.basis }).from(matterFactsBasis);
  if (held?.basis === rules.basis) return false;
  const write = async (tx: CityDb) => {
    await tx.execute(sql`TRUNCATE matter_facts, fact_tallies`);
    // A page of matters at a time, in id order: a million lifecycles held at once would be gigabytes.
    for (let after = ''; ; ) {
      const ids = await tx
        .select({ id: matters.matterId })
        .from(matters)
        .where(and(sql`${matters.voidedAt} IS NULL`, eq(matters.origin, 'window'), after ? gt(matters.matterId, after) : undefined))
        .orderBy(matters.matterId)
        .limit(CHUNK);
      if (ids.length === 0) break;
      const made = await madeFacts(tx, rules, ids.map((r) => r.id));
      await writeFacts(tx, made.filter((m): m is typeof m & { facts: FigureFacts } => m.facts !== null));
      after = ids.at(-1)!.id;
    }
    await tx.insert(matterFactsBasis).values({ id: 1, basis: rules.basis }).onConflictDoUpdate({ target: matterFactsBasis.id, set: { basis: rules.basis } });
  };
  // Inside a transaction already (publishReference) it writes there; otherwise in one of its own.
  if ('rollback' in db) await write(db);
  else await db.transaction(write);
  return true;
}

/**
 * Each county's numerators and denominators over the period, summed over fact_tallies' days (kept
 * by triggers on matter_facts, migration 0011) as facts.ts `counts` says: a deadline due before
 * `today` counts every row, one due from `today` on only those done; the window once closed;
 * ratings by the day of 办结. One statement: at most a year of days per county and kind.
 */
export async function countyTallies(db: CityDb, period: Period, today: string): Promise<Map<string, Record<IndicatorKey, Tally>>> {
  const t = factTallies;
  const sum = (expr: SQL) => sql`coalesce(sum(${expr}), 0)`.mapWith(Number);
  const past = lt(t.day, today);
  const rows = await db
    .select({
      countyCode: t.countyCode,
      kind: t.kind,
      due: sum(sql`CASE WHEN ${past} THEN ${t.total} ELSE ${t.done} END`),
      total: sum(sql`${t.total}`),
      done: sum(sql`${t.done}`),
      met: sum(sql`${t.met}`),
      pastTotal: sum(sql`CASE WHEN ${past} THEN ${t.total} ELSE 0 END`),
      pastMet: sum(sql`CASE WHEN ${past} THEN ${t.met} ELSE 0 END`),
    })
    .from(t)
    .where(between(t.day, period.from, period.to))
    .groupBy(t.countyCode, t.kind);
  const tallies: Record<string, (r: (typeof rows)[number]) => [IndicatorKey, Tally][]> = {
    acceptance: (r) => [['timelyAcceptance', { numerator: r.met, denominator: r.due }]],
    handling: (r) => [['onTimeClosure', { numerator: r.met, denominator: r.due }]],
    window: (r) => [['resolvedFirstTime', { numerator: r.pastMet, denominator: r.pastTotal }]],
    rating: (r) => [
      ['ratingParticipation', { numerator: r.done, denominator: r.total }],
      ['satisfaction', { numerator: r.met, denominator: r.done }],
    ],
  };
  const out = new Map<string, Record<IndicatorKey, Tally>>();
  for (const r of rows) {
    const county = out.get(r.countyCode) ?? (Object.fromEntries(INDICATOR_KEYS.map((key) => [key, { numerator: 0, denominator: 0 }])) as Record<IndicatorKey, Tally>);
    for (const [key, tally] of tallies[r.kind]!(r)) county[key] = tally;
    out.set(r.countyCode, county);
  }
  // A county with nothing counted (only deadlines still running, or days summed back to zero) has no entry, as if it had no rows.
  for (const [code, county] of out) if (INDICATOR_KEYS.every((k) => county[k].denominator === 0)) out.delete(code);
  return out;
}

/** The facts of every matter with a due day in the period (in one county, or all): what a drill-down puts to facts.ts `counts`. */
export async function periodFactRows(db: CityDb, period: Period, countyCode?: string): Promise<{ matterId: string; facts: FigureFacts }[]> {
  const within = (col: PgColumn) => between(col, period.from, period.to);
  const f = matterFacts;
  const rows = await db
    .select()
    .from(f)
    .where(and(or(within(f.acceptanceDue), within(f.handlingDue), within(f.windowEnd), within(f.closedOn)), countyCode ? eq(f.countyCode, countyCode) : undefined));
  return rows.map(({ matterId, countyCode: _county, ...facts }) => ({ matterId, facts }));
}
