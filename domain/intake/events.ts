// Sync event payloads of the intake desk: a new matter with its first visit, and a repeat
// visit linked to a matter the visitor already has.
import { z } from 'zod';
import { credentialTypeSchema } from '../identity/credentials';
import { isoTimestamp } from '../schema/timestamps';
import { attachmentAddedPayload } from './attachments';
import { channelSchema } from './registration';
import { flagsSchema } from './flags';

/** A person as registered, apart from their 证件. */
export const personDetails = z.strictObject({
  visitorId: z.uuid(),
  name: z.string().min(1),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  regionCode: z.string().regex(/^\d{6}$/).nullable(),
  ethnicity: z.string(),
  mobile: z.string(),
  landline: z.string(),
  householdRegion: z.string(),
  householdAddress: z.string(),
  currentRegion: z.string(),
  currentAddress: z.string(),
  workUnit: z.string(),
});

export const personPayload = personDetails.extend({
  // Wire names of sync protocol v1 (held fixed): `document*` here is the visitor's 证件
  // (sync/wireCredential.ts maps them to idType/idNumber).
  documentType: credentialTypeSchema,
  documentNumber: z.string().min(1),
});
export type PersonPayload = z.infer<typeof personPayload>;

const visitPart = {
  visitId: z.uuid(),
  matterId: z.uuid(),
  receivedAt: isoTimestamp,
  /** Device clock minus city clock at the last sync, so the city can correct statutory clocks. */
  clockOffsetMs: z.number().int().nullable(),
  channel: channelSchema,
  headcount: z.number().int().min(1),
  visitor: personPayload,
  representatives: z.array(personPayload).max(5),
};

export const matterRegisteredPayload = z.strictObject({
  ...visitPart,
  matterNo: z.string().min(1),
  categoryCode: z.string(),
  placeRegion: z.string(),
  respondent: z.string(),
  summary: z.string().min(1),
  facts: z.string(),
  flags: flagsSchema.required(),
});
export type MatterRegisteredPayload = z.infer<typeof matterRegisteredPayload>;

export const visitRecordedPayload = z.strictObject({
  ...visitPart,
  matterNo: z.string().min(1),
  summary: z.string(),
  /** The matter was terminated: the visit is registered and the visitor told it is not accepted again. */
  terminatedMatter: z.boolean(),
});
export type VisitRecordedPayload = z.infer<typeof visitRecordedPayload>;

export const intakeEventSchemas = {
  'matter.registered': matterRegisteredPayload,
  'visit.recorded': visitRecordedPayload,
  'attachment.added': attachmentAddedPayload,
} as const;
