// Sync event payloads of a matter's life after registration: every lifecycle transition, and the
// supervision records (督办, 包案, participants, campaigns) the city must learn of.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/deadlines';
import { documentKindSchema } from '../documents/kinds';
import { isoTimestamp } from '../schema/timestamps';
import { deliveryMethodSchema, matterCommandSchema } from './commands';
import { matterStateSchema } from './states';
import { participantRoleSchema } from './supervision';

export const matterTransitionedPayload = z.strictObject({
  matterId: z.uuid(),
  matterNo: z.string().min(1),
  transitionId: z.uuid(),
  from: matterStateSchema,
  to: matterStateSchema,
  command: matterCommandSchema,
  at: isoTimestamp,
  nextDue: isoDateSchema.nullable(),
});

export const documentDeliveredPayload = z.strictObject({
  documentId: z.uuid(),
  matterId: z.uuid(),
  kind: documentKindSchema,
  method: deliveryMethodSchema,
  to: z.string().min(1),
  at: isoTimestamp,
});

export const supervisionIssuedPayload = z.strictObject({
  supervisionId: z.uuid(),
  matterId: z.uuid(),
  noticeNo: z.string().min(1),
  issuedBy: z.string().min(1),
  issuedAt: isoTimestamp,
  dueOn: isoDateSchema,
  content: z.string().min(1),
});

export const supervisionResolvedPayload = z.strictObject({ supervisionId: z.uuid(), matterId: z.uuid(), resolvedAt: isoTimestamp });

export const leaderCaseAssignedPayload = z.strictObject({
  matterId: z.uuid(),
  leader: z.string().min(1),
  staff: z.string().min(1),
  plan: z.string().min(1),
  dueOn: isoDateSchema,
  assignedAt: isoTimestamp,
});

export const participantRecordedPayload = z.strictObject({
  participantId: z.uuid(),
  visitId: z.uuid(),
  matterId: z.uuid(),
  role: participantRoleSchema,
  name: z.string().min(1),
  organisation: z.string(),
});

export const campaignCreatedPayload = z.strictObject({
  campaignId: z.uuid(),
  name: z.string().min(1),
  issuedBy: z.string().min(1),
  issuedAt: isoTimestamp,
  dueOn: isoDateSchema,
  matterIds: z.array(z.uuid()).min(1),
});

export const matterEventSchemas = {
  'matter.transitioned': matterTransitionedPayload,
  'document.delivered': documentDeliveredPayload,
  'supervision.issued': supervisionIssuedPayload,
  'supervision.resolved': supervisionResolvedPayload,
  'leaderCase.assigned': leaderCaseAssignedPayload,
  'participant.recorded': participantRecordedPayload,
  'campaign.created': campaignCreatedPayload,
} as const;
