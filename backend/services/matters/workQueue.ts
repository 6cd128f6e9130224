// The work queue (工作台): the open matters with their next deadlines, overdue ones first, a page at
// a time. Read on the reader worker; the order, the counts and the paging are SQL's (db/queue.ts)
// over the deadline each matter stores when it changes, so no call holds every open matter.
import { plusDays } from '../../../domain/calendar/deadlines';
import { deadlineOn } from '../../../domain/matters/deadlines';
import type { QueueScope } from '../../../domain/matters/rpc';
import { STATE_LABELS, type MatterState } from '../../../domain/matters/states';
import { ok } from '../../../domain/result';
import { maskName } from '../../../domain/staff/roles';
import { queuePage } from '../../../db/queue';
import { localDay, type ReadContext } from '../context';
import { reporterVisible } from '../operator';

export function workQueue(ctx: ReadContext, q: { scope: QueueScope; dueSoonDays: number; offset: number; limit: number }) {
  const today = localDay(ctx.now());
  const showReporter = reporterVisible(ctx);
  const engine = ctx.reference().deadlines;
  const page = queuePage(ctx.db, { scope: q.scope, today, horizon: plusDays(today, q.dueSoonDays), offset: q.offset, limit: q.limit });
  return ok({
    counts: page.counts,
    total: page.total,
    offset: q.offset,
    items: page.rows.map((m) => ({
      matterId: m.matterId,
      matterNo: m.matterNo,
      visitorName: m.reporterProtected && !showReporter ? maskName(m.visitorName) : m.visitorName,
      summary: m.summary,
      statusLabel: STATE_LABELS[m.status as MatterState] ?? m.status,
      nextDeadline: m.nextStep && m.nextDue ? deadlineOn(m.nextStep, m.nextDue, today, engine) : null,
      supervised: Boolean(m.supervised),
    })),
  });
}
