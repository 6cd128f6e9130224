// The store side of the figure facts (domain/figures/facts.ts): reading what a matter's facts are
// made of, writing them, and counting a period's rates in SQL over the daily sums that triggers
// keep beside them (fact_tally, migration 0009). The sums say the conditions of facts.ts `counts`;
// tests/integration/figureFacts.test.ts holds them to the replay.
import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { FigureFacts, IndicatorKey, Period } from '../domain/figures/facts';
import type { Tally } from '../domain/figures/indicators';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { LocalDb } from './open';
import { factTally, matter, matterFact, visit } from './schema';

type Tx = Pick<LocalDb, 'insert' | 'select' | 'update' | 'delete'>;

/** A matter as its facts are made: its lifecycle JSON, whether the figures count it, the local days of its repeat visits. */
export function factSource(tx: Tx, matterId: string): { lifecycle: string; counted: boolean; repeatVisitDays: string[] } | undefined {
  const row = tx.select({ lifecycle: matter.lifecycle, voidedAt: matter.voidedAt, origin: matter.origin }).from(matter).where(eq(matter.id, matterId)).get();
  if (!row) return undefined;
  const repeats = tx.select({ day: visit.receivedOn }).from(visit).where(and(eq(visit.matterId, matterId), eq(visit.kind, 'repeat'))).all();
  return { lifecycle: row.lifecycle, counted: row.voidedAt === null && row.origin === 'window', repeatVisitDays: repeats.map((r) => r.day) };
}

/** The local days of every repeat visit, by matter: what a full rebuild reads beside the matters. */
export function repeatVisitDays(db: Tx): Map<string, string[]> {
  const repeats = new Map<string, string[]>();
  for (const v of db.select({ matterId: visit.matterId, day: visit.receivedOn }).from(visit).where(eq(visit.kind, 'repeat')).all()) {
    repeats.set(v.matterId, [...(repeats.get(v.matterId) ?? []), v.day]);
  }
  return repeats;
}

/** The next `limit` matters the figures count after `afterRowid`, in rowid order: a full rebuild reads them a page at a time. */
export function countedMattersAfter(db: Tx, afterRowid: number, limit: number): { rowid: number; id: string; lifecycle: string }[] {
  return db
    .select({ rowid: sql<number>`${matter}.rowid`, id: matter.id, lifecycle: matter.lifecycle })
    .from(matter)
    .where(and(isNull(matter.voidedAt), eq(matter.origin, 'window'), sql`${matter}.rowid > ${afterRowid}`))
    .orderBy(sql`${matter}.rowid`)
    .limit(limit)
    .all();
}

/** Writes a matter's facts, or removes them when it no longer counts (null). */
export function putFacts(tx: Tx, matterId: string, facts: FigureFacts | null): void {
  if (facts === null) {
    tx.delete(matterFact).where(eq(matterFact.matterId, matterId)).run();
    return;
  }
  tx.insert(matterFact)
    .values({ matterId, ...facts })
    .onConflictDoUpdate({ target: matterFact.matterId, set: facts })
    .run();
}

/** Removes every matter's facts; the triggers take each out of fact_tally, and the days left at zero go too. */
export function clearFacts(tx: Tx): void {
  tx.delete(matterFact).run();
  tx.delete(factTally).run();
}

export function countFacts(db: Pick<LocalDb, 'select'>): number {
  return db.select({ n: sql<number>`count(*)` }).from(matterFact).get()!.n;
}

/**
 * A period's numerators and denominators, summed over fact_tally's days (kept by triggers on
 * matter_fact, migration 0009) as facts.ts `counts` says: a deadline due before `today` counts
 * every row, one due from `today` on only those done; the window once closed; ratings by 办结 day.
 */
export function factTallies(db: Pick<LocalDb, '$client'>, period: Period, today: string): Record<IndicatorKey, Tally> {
  type Sums = { due: number; total: number; done: number; met: number; pastTotal: number; pastMet: number };
  const rows = db.$client
    .prepare(
      `SELECT kind, sum(CASE WHEN day < @today THEN total ELSE done END) AS due, sum(total) AS total, sum(done) AS done, sum(met) AS met,
        sum(CASE WHEN day < @today THEN total ELSE 0 END) AS pastTotal, sum(CASE WHEN day < @today THEN met ELSE 0 END) AS pastMet
      FROM fact_tally WHERE day >= @from AND day <= @to GROUP BY kind`,
    )
    .all({ from: period.from, to: period.to, today }) as (Sums & { kind: string })[];
  const of = (kind: string): Sums => rows.find((r) => r.kind === kind) ?? { due: 0, total: 0, done: 0, met: 0, pastTotal: 0, pastMet: 0 };
  const tally = (numerator: number, denominator: number): Tally => ({ numerator, denominator });
  const [acceptance, handling, window, rating] = [of('acceptance'), of('handling'), of('window'), of('rating')];
  return {
    timelyAcceptance: tally(acceptance.met, acceptance.due),
    onTimeClosure: tally(handling.met, handling.due),
    resolvedFirstTime: tally(window.pastMet, window.pastTotal),
    ratingParticipation: tally(rating.done, rating.total),
    satisfaction: tally(rating.met, rating.done),
  };
}

/**
 * The facts of every matter with a due day in the period, with what a breakdown groups it by and
 * its rowid (for a drill-down): the matters a breakdown or a drill-down puts to facts.ts `counts`.
 */
export function periodFacts(db: LocalDb, period: Period) {
  const within = (col: SQLiteColumn) => and(gte(col, period.from), lte(col, period.to));
  return db
    .select({
      id: matter.id,
      rowid: sql<number>`${matter}.rowid`,
      categoryCode: matter.categoryCode,
      placeRegion: matter.placeRegion,
      channel: matter.channel,
      route: sql<string | null>`json_extract(${matter.lifecycle}, '$.route')`,
      facts: {
        acceptanceDue: matterFact.acceptanceDue,
        decided: matterFact.decided,
        decidedInTime: matterFact.decidedInTime,
        handlingDue: matterFact.handlingDue,
        closed: matterFact.closed,
        closedInTime: matterFact.closedInTime,
        windowEnd: matterFact.windowEnd,
        returned: matterFact.returned,
        closedOn: matterFact.closedOn,
        rated: matterFact.rated,
        satisfied: matterFact.satisfied,
      },
    })
    .from(matterFact)
    .innerJoin(matter, eq(matter.id, matterFact.matterId))
    .where(or(within(matterFact.acceptanceDue), within(matterFact.handlingDue), within(matterFact.windowEnd), within(matterFact.closedOn)))
    .all();
}
