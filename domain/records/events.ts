// Sync event payload of a record brought in from the 历史台账 (Excel in): an earlier matter,
// closed or terminated before this window kept its records, so the city's repeat and
// termination checks know it too. A new event type (sync protocol v1 stays as it is).
import { z } from 'zod';
import { isoDateSchema } from '../calendar/deadlines';
import { personPayload } from '../intake/events';
import { channelSchema } from '../intake/registration';
import { isoTimestamp } from '../schema/timestamps';
import { importedStateSchema } from './importedLifecycle';

export const matterImportedPayload = z.strictObject({
  matterId: z.uuid(),
  /** Numbered by this window like its own matters, with an H before the sequence. */
  matterNo: z.string().min(1),
  /** 原编号: the number the record had in the ledger, if any. */
  sourceNo: z.string(),
  batchId: z.uuid(),
  visitor: personPayload,
  channel: channelSchema,
  categoryCode: z.string(),
  respondent: z.string(),
  summary: z.string().min(1),
  receivedOn: isoDateSchema,
  state: importedStateSchema,
  closedOn: isoDateSchema,
  importedAt: isoTimestamp,
});
export type MatterImportedPayload = z.infer<typeof matterImportedPayload>;

export const recordEventSchemas = { 'matter.imported': matterImportedPayload } as const;
