// The work queue's SQL (工作台): the open matters as runs of one partial index (matter_queue_idx),
// each read in the index's own order, so a page walks the index up to its offset and reads the
// table only for the rows it shows, never every open matter sorted in memory (issue #15: the queue
// over 1,000,000 matters on the reader). The runs, in the queue's order:
//   running: a deadline that still shows, an authority's duty (overdue or not) or a window still
//            open, earliest last day first;
//   lapsed:  a petitioner's window or a body's option that ran out, nobody's fault, so no deadline
//            shows (domain/matters/deadlines.ts deadlineOn);
//   undated: no deadline recorded.
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { AUTHORITY_STEPS } from '../domain/matters/deadlines';
import type { QueueScope } from '../domain/matters/rpc';
import type { LocalDb } from './open';
import { openMatter } from './queueColumns';
import { matter, visitor } from './schema';

const OPEN = openMatter(matter);
const AUTHORITY = inArray(matter.nextStep, AUTHORITY_STEPS);

export interface QueueCounts {
  open: number;
  overdue: number;
  dueSoon: number;
}

/** One pass over the index: the cards' counts and the sizes of the runs. */
function counts(db: Pick<LocalDb, 'select'>, today: string, horizon: string) {
  const row = db
    .select({
      open: sql<number>`count(*)`,
      overdue: sql<number>`coalesce(sum(${AUTHORITY} AND ${matter.nextDue} < ${today}), 0)`,
      dueSoon: sql<number>`coalesce(sum(${matter.nextDue} BETWEEN ${today} AND ${horizon}), 0)`,
      lapsed: sql<number>`coalesce(sum(${matter.nextDue} < ${today} AND NOT coalesce(${AUTHORITY}, 0)), 0)`,
      undated: sql<number>`coalesce(sum(${matter.nextDue} IS NULL), 0)`,
    })
    .from(matter)
    .where(OPEN)
    .get();
  return row ?? { open: 0, overdue: 0, dueSoon: 0, lapsed: 0, undated: 0 };
}

/** The runs a scope lists, each with its size; 'due-soon' lists the overdue too, as the cards count them. */
function runs(scope: QueueScope, c: ReturnType<typeof counts>, today: string, horizon: string): { where: SQL | undefined; size: number }[] {
  const running = and(sql`${matter.nextDue} IS NOT NULL`, or(AUTHORITY, sql`${matter.nextDue} >= ${today}`));
  if (scope === 'overdue') return [{ where: and(AUTHORITY, sql`${matter.nextDue} < ${today}`), size: c.overdue }];
  if (scope === 'due-soon') return [{ where: and(running, sql`${matter.nextDue} <= ${horizon}`), size: c.overdue + c.dueSoon }];
  return [
    { where: running, size: c.open - c.lapsed - c.undated },
    { where: and(sql`${matter.nextDue} < ${today}`, sql`NOT coalesce(${AUTHORITY}, 0)`), size: c.lapsed },
    { where: isNull(matter.nextDue), size: c.undated },
  ];
}

const ROW = {
  rowid: sql<number>`${matter}.rowid`,
  matterId: matter.id,
  matterNo: matter.matterNo,
  status: matter.status,
  summary: matter.summary,
  visitorName: visitor.name,
  reporterProtected: matter.reporterProtected,
  nextStep: matter.nextStep,
  nextDue: matter.nextDue,
  supervised: sql<number>`EXISTS (SELECT 1 FROM supervision WHERE supervision.matter_id = ${matter.id} AND supervision.resolved_at IS NULL)`,
};

/**
 * The counts, the scope's total and its rows from `offset` (at most `limit`), in the queue's order,
 * read in one transaction so the counts and the page agree. `horizon` is the last day that is
 * still "due soon".
 */
export function queuePage(db: LocalDb, q: { scope: QueueScope; today: string; horizon: string; offset: number; limit: number }) {
  return db.transaction((tx) => {
    const c = counts(tx, q.today, q.horizon);
    const scoped = runs(q.scope, c, q.today, q.horizon);
    const rowids: number[] = [];
    let skip = q.offset;
    for (const run of scoped) {
      if (rowids.length === q.limit) break;
      if (skip >= run.size) {
        skip -= run.size;
        continue;
      }
      const page = tx
        .select({ rowid: ROW.rowid })
        .from(matter)
        .where(and(OPEN, run.where))
        .orderBy(matter.nextDue, matter.matterNo)
        .limit(q.limit - rowids.length)
        .offset(skip)
        .all();
      rowids.push(...page.map((r) => r.rowid));
      skip = 0;
    }
    const rows =
      rowids.length === 0
        ? []
        : tx
            .select(ROW)
            .from(matter)
            .innerJoin(visitor, eq(visitor.id, matter.visitorId))
            .where(sql`${matter}.rowid IN (SELECT value FROM json_each(${JSON.stringify(rowids)}))`)
            .all();
    const byRowid = new Map(rows.map((r) => [r.rowid, r]));
    return {
      counts: { open: c.open, overdue: c.overdue, dueSoon: c.dueSoon } satisfies QueueCounts,
      total: scoped.reduce((n, r) => n + r.size, 0),
      rows: rowids.map((id) => byRowid.get(id)!),
    };
  });
}
