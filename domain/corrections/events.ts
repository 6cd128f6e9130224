// Sync event payloads of corrections that keep history (sync protocol v1: new event types only):
// a registration's fields corrected, a mistaken registration voided, and a lifecycle step
// withdrawn by a compensating step. Each names who did it, when and why; nothing is deleted.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/deadlines';
import { actorSchema } from '../matters/commands';
import { matterStateSchema } from '../matters/states';
import { isoTimestamp } from '../schema/timestamps';
import { fieldChangeSchema } from './fields';

const about = {
  correctionId: z.uuid(),
  matterId: z.uuid(),
  matterNo: z.string().min(1),
  reason: z.string().min(1),
  actor: actorSchema,
  at: isoTimestamp,
};

export const matterCorrectedPayload = z.strictObject({ ...about, changes: z.array(fieldChangeSchema).min(1) });
export type MatterCorrectedPayload = z.infer<typeof matterCorrectedPayload>;

export const matterVoidedPayload = z.strictObject(about);

export const stepWithdrawnPayload = z.strictObject({
  ...about,
  /** The transition taken back; its row stays, marked withdrawn by this one. */
  withdrawnTransitionId: z.uuid(),
  from: matterStateSchema,
  to: matterStateSchema,
  nextDue: isoDateSchema.nullable(),
});
export type StepWithdrawnPayload = z.infer<typeof stepWithdrawnPayload>;

export const correctionEventSchemas = {
  'matter.corrected': matterCorrectedPayload,
  'matter.voided': matterVoidedPayload,
  'matter.stepWithdrawn': stepWithdrawnPayload,
} as const;
