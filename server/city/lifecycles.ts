// A matter's lifecycle as the city holds it: replayed from the window's steps (push/apply.ts), or,
// before the first step arrives, the lifecycle as registered on its day of receipt.
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import { initialLifecycle } from '../../domain/matters/applyCommand';
import type { MatterLifecycle } from '../../domain/matters/lifecycle';

/**
 * Not parsed again: the column's one writer is push/apply.ts, which stores what the domain's own
 * replay returned; parsing it once more per matter was half the time of a year's figures (issue #14).
 */
export function cityLifecycle(row: { lifecycle: unknown; receivedAt: Date }): MatterLifecycle {
  return row.lifecycle === null ? initialLifecycle(chinaDateOf(row.receivedAt.toISOString())) : (row.lifecycle as MatterLifecycle);
}
