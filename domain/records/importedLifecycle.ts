// The lifecycle of a record brought in from the 历史台账: history, not a matter handled here, so
// it is not replayed from steps; it stands closed or terminated from the day the ledger says,
// with no deadline running, and the terminated check treats it like any terminated matter.
import { z } from 'zod';
import type { IsoDate } from '../calendar/deadlines';
import { initialLifecycle } from '../matters/applyCommand';
import type { MatterLifecycle } from '../matters/lifecycle';

/** Our reading: an earlier record still in handling is registered at the window, not imported. */
export const importedStateSchema = z.enum(['closed', 'terminated']);
export type ImportedState = z.infer<typeof importedStateSchema>;

export function importedLifecycle(receivedOn: IsoDate, state: ImportedState, closedOn: IsoDate): MatterLifecycle {
  return {
    ...initialLifecycle(receivedOn),
    state,
    closedOn,
    terminatedOn: state === 'terminated' ? closedOn : null,
    deadlines: null,
  };
}
