// When the holiday calendar changes (the city published next year's arrangement), every open
// matter's running deadline is counted again over it (DOMAIN.md §4): a last day estimated over
// weekends only becomes the real one. Deadlines are derived from the lifecycle's dates, so this
// changes no step and sends nothing to the city, which counts over the same calendar itself.
// One transaction, read a batch at a time, so a store of many open matters is never held whole.
import { currentDeadline } from '../../../domain/matters/deadlines';
import type { DeadlineEngine } from '../../../domain/calendar/deadlines';
import { openLifecyclesAfter, saveLifecycle } from '../../../db/matters';
import type { LocalDb } from '../../../db/open';
import { lifecycleOf } from '../storedLifecycle';

const BATCH = 1000;

/** Returns how many open matters got a different last day. */
export function recomputeOpenDeadlines(db: LocalDb, engine: DeadlineEngine, updatedAt: string): number {
  return db.transaction((tx) => {
    let changed = 0;
    for (let after = 0; ; ) {
      const batch = openLifecyclesAfter(tx, after, BATCH);
      if (batch.length === 0) return changed;
      after = batch.at(-1)!.rowid;
      for (const m of batch) {
        const lifecycle = lifecycleOf(m.lifecycle);
        const deadlines = currentDeadline(lifecycle, engine);
        if (deadlines?.lastDay === lifecycle.deadlines?.lastDay && deadlines?.nextStep === lifecycle.deadlines?.nextStep) continue;
        const next = { ...lifecycle, deadlines };
        saveLifecycle(tx, m.matterId, {
          status: next.state,
          lifecycle: JSON.stringify(next),
          nextStep: deadlines?.nextStep ?? null,
          nextDue: deadlines?.lastDay ?? null,
          reporterProtected: m.reporterProtected,
          updatedAt,
        });
        changed++;
      }
    }
  });
}
