// The work queue (工作台): every open matter with its next deadline, overdue ones first. Read on
// the reader worker: over every open matter it can take longer than a window should wait.
import { nextDeadline } from '../../../domain/matters/deadlines';
import { STATE_LABELS } from '../../../domain/matters/states';
import { ok } from '../../../domain/result';
import { maskName } from '../../../domain/staff/roles';
import { openMattersDue } from '../../../db/matters';
import { localDay, type ReadContext } from '../context';
import { reporterVisible } from '../operator';
import { lifecycleOf } from '../storedLifecycle';

export function workQueue(ctx: ReadContext, scope: 'all' | 'overdue' | 'due-soon', dueSoonDays: number) {
  const today = localDay(ctx.now());
  const showReporter = reporterVisible(ctx);
  const calendar = { deadlines: ctx.reference().deadlines };
  const items = openMattersDue(ctx.db, null).map((m) => {
    const lifecycle = lifecycleOf(m.lifecycle);
    return {
      matterId: m.matterId,
      matterNo: m.matterNo,
      visitorName: m.reporterProtected && !showReporter ? maskName(m.visitorName) : m.visitorName,
      summary: m.summary,
      statusLabel: STATE_LABELS[lifecycle.state],
      nextDeadline: nextDeadline(lifecycle, today, calendar),
      supervised: Boolean(m.supervised),
    };
  });
  const overdue = items.filter((i) => i.nextDeadline?.overdue);
  const dueSoon = items.filter((i) => i.nextDeadline && !i.nextDeadline.overdue && i.nextDeadline.daysLeft <= dueSoonDays);
  // Overdue first (most overdue on top), then by days left; matters with no running deadline last.
  const rank = (i: (typeof items)[number]) => (i.nextDeadline ? i.nextDeadline.daysLeft : Number.MAX_SAFE_INTEGER);
  const chosen = scope === 'overdue' ? overdue : scope === 'due-soon' ? [...overdue, ...dueSoon] : items;
  return ok({
    counts: { open: items.length, overdue: overdue.length, dueSoon: dueSoon.length },
    items: [...chosen].sort((a, b) => rank(a) - rank(b)),
  });
}
