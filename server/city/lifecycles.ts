// A matter's lifecycle as the city holds it: replayed from the window's steps (push/apply.ts), or,
// before the first step arrives, the lifecycle as registered on its day of receipt.
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import { initialLifecycle } from '../../domain/matters/applyCommand';
import { matterLifecycleSchema, type MatterLifecycle } from '../../domain/matters/lifecycle';

export function cityLifecycle(row: { lifecycle: unknown; receivedAt: Date }): MatterLifecycle {
  return row.lifecycle === null ? initialLifecycle(chinaDateOf(row.receivedAt.toISOString())) : matterLifecycleSchema.parse(row.lifecycle);
}
