// When the holiday calendar changes (the city published next year's arrangement), every open
// matter's running deadline is counted again over it (DOMAIN.md §4): a last day estimated over
// weekends only becomes the real one. Deadlines are derived from the lifecycle's dates, so this
// changes no step and sends nothing to the city, which counts over the same calendar itself.
import { currentDeadline } from '../../../domain/matters/deadlines';
import type { DeadlineEngine } from '../../../domain/calendar/deadlines';
import { openMattersDue, saveLifecycle } from '../../../db/matters';
import type { LocalDb } from '../../../db/open';
import { lifecycleOf } from '../storedLifecycle';

/** Returns how many open matters got a different last day. */
export function recomputeOpenDeadlines(db: LocalDb, engine: DeadlineEngine, updatedAt: string): number {
  const changes = openMattersDue(db, null).flatMap((m) => {
    const lifecycle = lifecycleOf(m.lifecycle);
    const deadlines = currentDeadline(lifecycle, engine);
    if (deadlines?.lastDay === lifecycle.deadlines?.lastDay && deadlines?.nextStep === lifecycle.deadlines?.nextStep) return [];
    return [{ id: m.matterId, reporterProtected: m.reporterProtected, next: { ...lifecycle, deadlines } }];
  });
  if (changes.length === 0) return 0;
  db.transaction((tx) => {
    for (const c of changes) {
      saveLifecycle(tx, c.id, {
        status: c.next.state,
        lifecycle: JSON.stringify(c.next),
        nextStep: c.next.deadlines?.nextStep ?? null,
        nextDue: c.next.deadlines?.lastDay ?? null,
        reporterProtected: c.reporterProtected,
        updatedAt,
      });
    }
  });
  return changes.length;
}
