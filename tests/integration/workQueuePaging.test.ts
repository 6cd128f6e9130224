// The work queue a page at a time (issue #15): over a store of many matters in every kind of
// state, the pages SQL gives, laid end to end, are the queue the rule describes (overdue first,
// then fewest days left, matters with no deadline showing last), each scope with its total; every
// statement walks the queue's partial index instead of sorting the open matters; and the holiday
// recount, read a batch at a time, reaches every open matter.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeadlineEngine, defaultDeadlineEngine } from '../../domain/calendar/deadlines';
import { currentDeadline, deadlineOn } from '../../domain/matters/deadlines';
import type { MethodOutput } from '../../domain/rpc/contract';
import { SETTLED_STATES, type MatterState } from '../../domain/matters/states';
import { queuePage } from '../../db/queue';
import * as schema from '../../db/schema';
import type { LocalDb } from '../../db/open';
import { recomputeOpenDeadlines } from '../../backend/services/matters/recomputeDeadlines';
import { lifecycleOf } from '../../backend/services/storedLifecycle';
import { prepareRaw, rowsFor } from '../../bench/seed';
import { testBackend } from '../support/backend';

const TODAY = '2026-06-15';
const MATTERS = 1460; // every day of 2026 on each of the seed's four paths
let b: ReturnType<typeof testBackend>;

type Queue = MethodOutput<'matters.queue'>;
async function queue(input: { scope: string; dueSoonDays?: number; offset?: number; limit?: number }): Promise<Queue> {
  const r = await b.dispatch('matters.queue', input);
  if (!r.ok) throw new Error(`${r.code} ${r.message}`);
  return r.value as Queue;
}

/** Every page of a scope, fetched `limit` at a time, laid end to end. */
async function allPages(scope: string, limit: number, dueSoonDays = 3) {
  const seen: Queue['items'] = [];
  for (;;) {
    const page = await queue({ scope, dueSoonDays, offset: seen.length, limit });
    seen.push(...page.items);
    if (page.items.length < limit) return { items: seen, total: page.total, counts: page.counts };
  }
}

/** The queue as the rule has it, worked out in JS from every matter in the store (the way it was computed before it paged). */
function expected(scope: 'all' | 'overdue' | 'due-soon', dueSoonDays: number) {
  const rows = b.db.$client
    .prepare('SELECT matter_no AS matterNo, status, voided_at AS voidedAt, next_step AS nextStep, next_due AS nextDue FROM matter ORDER BY next_due IS NULL, next_due, matter_no')
    .all() as { matterNo: string; status: MatterState; voidedAt: string | null; nextStep: Parameters<typeof deadlineOn>[0] | null; nextDue: string | null }[];
  const open = rows
    .filter((r) => !SETTLED_STATES.includes(r.status) && r.voidedAt === null)
    .map((r) => ({ matterNo: r.matterNo, deadline: r.nextStep && r.nextDue ? deadlineOn(r.nextStep, r.nextDue, TODAY, defaultDeadlineEngine) : null }));
  const overdue = open.filter((i) => i.deadline?.overdue);
  const dueSoon = open.filter((i) => i.deadline && !i.deadline.overdue && i.deadline.daysLeft <= dueSoonDays);
  const rank = (i: (typeof open)[number]) => (i.deadline ? i.deadline.daysLeft : Number.MAX_SAFE_INTEGER);
  const chosen = scope === 'overdue' ? overdue : scope === 'due-soon' ? [...overdue, ...dueSoon] : open;
  return { order: [...chosen].sort((x, y) => rank(x) - rank(y)).map((i) => i.matterNo), counts: { open: open.length, overdue: overdue.length, dueSoon: dueSoon.length } };
}

beforeAll(async () => {
  b = testBackend({ now: () => new Date(`${TODAY}T10:00:00+08:00`) });
  const insert = prepareRaw(b.db.$client);
  b.db.$client.transaction(() => {
    for (let n = 0; n < MATTERS; n++) insert(rowsFor(n));
  })();
  // Some open matters with no deadline recorded (settled by agreement), and a few voided registrations.
  b.db.$client.exec("UPDATE matter SET status = 'settled', lifecycle = json_set(lifecycle, '$.state', 'settled', '$.deadlines', json('null')), next_step = NULL, next_due = NULL WHERE status = 'handling' AND rowid % 7 = 0");
  b.db.$client.exec("UPDATE matter SET voided_at = '2026-06-01T09:00:00.000+08:00' WHERE status = 'registered' AND rowid % 11 = 0");
});
afterAll(async () => b.close());

describe('the work queue, a page at a time', () => {
  it('lays its pages end to end into the whole queue in its order, across the runs of deadlines, lapsed windows and none', async () => {
    const want = expected('all', 3);
    // The store holds every kind the order must place.
    const nextDeadlines = (await allPages('all', 200)).items.map((i) => i.nextDeadline);
    expect(nextDeadlines.some((d) => d?.overdue)).toBe(true);
    expect(nextDeadlines.some((d) => d && !d.overdue)).toBe(true);
    expect(nextDeadlines.filter((d) => d === null).length).toBeGreaterThan(100);

    const got = await allPages('all', 150);
    expect(got.items.map((i) => i.matterNo)).toEqual(want.order);
    expect(got.total).toBe(want.order.length);
    expect(got.counts).toEqual(want.counts);
  });

  it('gives the second page, the total and the counts, and nothing past the end', async () => {
    const want = expected('all', 3);
    const second = await queue({ scope: 'all', offset: 50, limit: 50 });
    expect(second).toMatchObject({ offset: 50, total: want.order.length, counts: want.counts });
    expect(second.items.map((i) => i.matterNo)).toEqual(want.order.slice(50, 100));
    // Overdue first: the most overdue lead the queue, and days left only grow along a page.
    const days = second.items.map((i) => i.nextDeadline!.daysLeft);
    expect(days).toEqual([...days].sort((x, y) => x - y));
    expect((await queue({ scope: 'all', offset: want.order.length, limit: 50 })).items).toEqual([]);
  });

  it('lists each scope in the same order, with the total the cards count', async () => {
    for (const [scope, dueSoonDays] of [['overdue', 3], ['due-soon', 20]] as const) {
      const want = expected(scope, dueSoonDays);
      const got = await allPages(scope, 40, dueSoonDays);
      expect(got.items.map((i) => i.matterNo), scope).toEqual(want.order);
      expect(got.total).toBe(scope === 'overdue' ? want.counts.overdue : want.counts.overdue + want.counts.dueSoon);
      expect(got.items.every((i) => i.nextDeadline && (i.nextDeadline.overdue || (scope === 'due-soon' && i.nextDeadline.daysLeft <= dueSoonDays)))).toBe(true);
    }
  });

  it('walks the partial index of open matters in its order for every statement, never sorting the open matters', () => {
    const statements: { sql: string; params: unknown[] }[] = [];
    const logged = drizzle(b.db.$client, { schema, logger: { logQuery: (sql, params) => statements.push({ sql, params }) } }) as LocalDb;
    // 'all' from where its page runs on from the deadlines into the lapsed windows and the undated.
    const { total } = queuePage(logged, { scope: 'all', today: TODAY, horizon: '2026-06-18', offset: 0, limit: 1 });
    const count = (where: string) => (b.db.$client.prepare(`SELECT count(*) AS n FROM matter WHERE ${where}`).get() as { n: number }).n;
    const undated = count("status = 'settled'");
    const lapsed = count(`next_step = 'review-request' AND next_due < '${TODAY}'`);
    expect(lapsed).toBeGreaterThan(0);
    queuePage(logged, { scope: 'all', today: TODAY, horizon: '2026-06-18', offset: total - undated - lapsed - 10, limit: lapsed + 20 });
    for (const scope of ['overdue', 'due-soon'] as const) queuePage(logged, { scope, today: TODAY, horizon: '2026-06-18', offset: 10, limit: 50 });
    const reads = statements.filter((s) => s.sql.startsWith('select'));
    // Counts, a run and the rows for each call, and two more runs for the page across them.
    expect(reads).toHaveLength(14);
    for (const s of reads) {
      const plan = (b.db.$client.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...(s.params as unknown[])) as { detail: string }[]).map((p) => p.detail).join(' | ');
      expect(plan, s.sql).not.toMatch(/TEMP B-TREE|SCAN matter(?! USING)/);
      if (!s.sql.includes('json_each')) expect(plan, s.sql).toMatch(/matter USING COVERING INDEX matter_queue_idx/);
    }
  });
});

describe('the holiday recount', () => {
  it('counts every open matter again, past its first batch', () => {
    // A calendar with no rest day at all: every last day that had been moved off one comes back.
    const engine = createDeadlineEngine({ isWorkingDay: () => true, covers: () => true });
    const changed = recomputeOpenDeadlines(b.db, engine, `${TODAY}T10:00:00.000+08:00`);
    const open = b.db.$client
      .prepare("SELECT lifecycle, next_due AS nextDue FROM matter WHERE status NOT IN ('guided', 'not-accepted', 'closed', 'terminated') AND voided_at IS NULL")
      .all() as { lifecycle: string; nextDue: string | null }[];
    expect(open.length).toBeGreaterThan(1000);
    expect(changed).toBeGreaterThan(100);
    for (const m of open) expect(m.nextDue).toBe(currentDeadline(lifecycleOf(m.lifecycle), engine)?.lastDay ?? null);
  });
});
