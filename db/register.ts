// The full register's SQL (台账): a filter as WHERE conditions, keyset pages in any of the offered
// orders, the count, and the distinct values the filter offers. Pages are keyset, never OFFSET:
// the 1,000th page costs what the first does. What each filter means is the domain's
// (domain/register/filter.ts); matters a drill-down from 统计 names arrive here as ids.
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { plusDays } from '../domain/calendar/deadlines';
import { AUTHORITY_STEPS } from '../domain/matters/deadlines';
import { DUE_SOON_DAYS, NONE, type RegisterFilter, type RegisterSort, type RegisterSortKey } from '../domain/register/filter';
import type { LocalDb } from './open';
import { flagColumns } from './registerColumns';
import { matter, visit, visitor } from './schema';

const NO_DUE = '9999-12-31';
/** The order's expression, exactly as its index in schema.ts spells it, so SQLite walks the index. */
const SORT_EXPR: Readonly<Record<RegisterSortKey, SQL>> = {
  receivedAt: sql`${matter.receivedAt}`,
  matterNo: sql`${matter.matterNo}`,
  nextDue: sql`coalesce(${matter.nextDue}, ${sql.raw(`'${NO_DUE}'`)})`,
};
const lifecycleField = (field: 'class' | 'route' | 'body') => sql`json_extract(${matter.lifecycle}, ${sql.raw(`'$.${field}'`)})`;

/**
 * A column as a filter term reads it. The unary plus keeps SQLite from driving the query by a
 * filter's own index (say status, then sorting every match): the register walks the order's
 * index, whose columns hold every filter's value, so a row that does not match is never read.
 */
const term = (c: SQL | SQLiteColumn) => sql`+${c}`;

/** One of `values`, where NONE means "not set yet" (SQL NULL, or '' for text columns). */
function oneOf(column: SQL, values: readonly string[], none: SQL): SQL | undefined {
  const set = values.filter((v) => v !== NONE);
  const parts = [set.length > 0 ? inArray(column, set) : undefined, values.includes(NONE) ? none : undefined];
  return or(...parts.filter((p): p is SQL => p !== undefined));
}

/**
 * The WHERE of a view; `drillRows` are the rowids of the matters an indicator drill-down counted
 * (null: none); voided registrations only for a role that sees them.
 */
export function registerWhere(f: RegisterFilter, o: { today: string; drillRows: readonly number[] | null; voided: boolean }): SQL | undefined {
  const { today, drillRows } = o;
  const conds: (SQL | undefined)[] = [o.voided ? undefined : sql`${term(matter.voidedAt)} IS NULL`];
  if (f.states.length) conds.push(inArray(term(matter.status), f.states));
  if (f.classes.length) conds.push(oneOf(term(lifecycleField('class')), f.classes, sql`${term(lifecycleField('class'))} IS NULL`));
  if (f.routes.length) conds.push(oneOf(term(lifecycleField('route')), f.routes, sql`${term(lifecycleField('route'))} IS NULL`));
  if (f.units.length) conds.push(inArray(term(lifecycleField('body')), f.units));
  if (f.categories.length) {
    const category = term(matter.categoryCode);
    conds.push(or(...f.categories.map((c) => (c === NONE ? sql`${category} = ''` : c.length === 2 ? sql`${category} GLOB ${`${c}*`}` : sql`${category} = ${c}`))));
  }
  if (f.places.length) conds.push(inArray(term(matter.placeRegion), f.places.map((p) => (p === NONE ? '' : p))));
  if (f.channels.length) conds.push(inArray(term(matter.channel), f.channels));
  if (f.from) conds.push(sql`${term(matter.receivedOn)} >= ${f.from}`);
  if (f.to) conds.push(sql`${term(matter.receivedOn)} <= ${f.to}`);
  if (f.deadline === 'overdue') conds.push(and(inArray(term(matter.nextStep), AUTHORITY_STEPS), sql`${term(matter.nextDue)} < ${today}`));
  // A petitioner's window still open counts as due soon, as on the work queue; a lapsed one is nobody's.
  if (f.deadline === 'due-soon') conds.push(sql`${term(matter.nextDue)} BETWEEN ${today} AND ${plusDays(today, DUE_SOON_DAYS)}`);
  for (const flag of f.flags) conds.push(flag === 'skipLevel' ? sql`${term(matter.skipLevel)} IS NOT NULL` : sql`${term(matter[flag])} = 1`);
  if (f.devices.length) conds.push(or(...f.devices.map((d) => sql`${term(matter.matterNo)} GLOB ${`${d}-*`}`)));
  if (f.drill?.kind === 'visits') {
    // Once, as a set of rowids (the index holds those), not a look-up per row walked; the visits
    // counted on 统计, so none of a voided registration (db/figures.ts visitCounts).
    const kind = f.drill.visits === 'all' ? sql`` : sql` AND ${visit.kind} = ${f.drill.visits}`;
    conds.push(
      sql`+${matter}.rowid IN (SELECT m.rowid FROM ${visit} JOIN ${matter} AS m ON m.id = ${visit.matterId} WHERE ${visit.receivedOn} BETWEEN ${f.drill.from} AND ${f.drill.to} AND m.voided_at IS NULL${kind})`,
    );
  }
  if (drillRows) conds.push(sql`+${matter}.rowid IN (SELECT value FROM json_each(${JSON.stringify(drillRows)}))`);
  return and(...conds);
}

const ROW = {
  matterId: matter.id,
  matterNo: matter.matterNo,
  receivedAt: matter.receivedAt,
  channel: matter.channel,
  categoryCode: matter.categoryCode,
  placeRegion: matter.placeRegion,
  respondent: matter.respondent,
  summary: matter.summary,
  status: matter.status,
  lifecycle: matter.lifecycle,
  nextStep: matter.nextStep,
  nextDue: matter.nextDue,
  ...flagColumns(matter),
  reporterProtected: matter.reporterProtected,
  voidedAt: matter.voidedAt,
  origin: matter.origin,
  visitorName: visitor.name,
  idNumber: visitor.idNumber,
  mobile: visitor.mobile,
};

/** One page in the view's order, after the row `after` names (its sort value and matter number). */
export function registerPage(db: LocalDb, where: SQL | undefined, sort: RegisterSort, after: { value: string; matterNo: string } | null, limit: number) {
  const expr = SORT_EXPR[sort.key];
  const dir = sort.dir === 'desc' ? sql`DESC` : sql`ASC`;
  const cmp = sort.dir === 'desc' ? sql`<` : sql`>`;
  const keyset = !after ? undefined : sort.key === 'matterNo' ? sql`${matter.matterNo} ${cmp} ${after.matterNo}` : sql`(${expr}, ${matter.matterNo}) ${cmp} (${after.value}, ${after.matterNo})`;
  const order = sort.key === 'matterNo' ? [sql`${matter.matterNo} ${dir}`] : [sql`${expr} ${dir}`, sql`${matter.matterNo} ${dir}`];
  return db
    .select({ ...ROW, sortValue: sql<string>`${expr}` })
    .from(matter)
    .innerJoin(visitor, eq(visitor.id, matter.visitorId))
    .where(and(where, keyset))
    .orderBy(...order)
    .limit(limit)
    .all();
}
export type RegisterDbRow = ReturnType<typeof registerPage>[number];

export function registerCount(db: LocalDb, where: SQL | undefined): number {
  return db.select({ n: sql<number>`count(*)` }).from(matter).where(where).get()?.n ?? 0;
}

/**
 * The distinct values of an indexed expression, one index probe each (a skip scan), so the
 * filter's lists cost as many probes as there are values, not a pass over every matter.
 */
function distinctOf(db: LocalDb, expr: SQL, max: number): string[] {
  const out: string[] = [];
  let last: string | null = null;
  while (out.length < max) {
    const bound: SQL = last === null ? sql`${expr} IS NOT NULL` : sql`${expr} > ${last}`;
    const row = db.select({ v: sql<string>`${expr}` }).from(matter).where(bound).orderBy(expr).limit(1).get();
    if (!row) break;
    out.push(row.v);
    last = row.v;
  }
  return out;
}

/** The places (属地 codes as recorded), units and devices ("county-device" of the matter numbers) in the store. */
export function registerOptions(db: LocalDb, max = 500) {
  const places = distinctOf(db, sql`${matter.placeRegion}`, max).filter((p) => p !== '');
  const units = distinctOf(db, lifecycleField('body'), max);
  // Every number of a device begins "county-device-"; the next device's numbers sort after "county-device.".
  const devices: string[] = [];
  let from = '';
  while (devices.length < 100) {
    const row = db.select({ no: matter.matterNo }).from(matter).where(sql`${matter.matterNo} >= ${from}`).orderBy(matter.matterNo).limit(1).get();
    if (!row) break;
    const device = row.no.split('-').slice(0, 2).join('-');
    devices.push(device);
    from = `${device}.`;
  }
  return { places, units, devices };
}
