// A petition matter's lifecycle record: its state and the dates, decisions and counters its
// commands have recorded, with the deadline that runs now (DOMAIN.md §2–§5). It is stored as
// JSON beside the matter and replayed by the city; deadlines.ts says which deadline runs, and
// applyCommand.ts moves the record on.
import { z } from 'zod';
import { deadlineStepSchema, isoDateSchema } from '../calendar/deadlines';
import { opinionSchema, ratingSchema } from './commands';
import { matterClassSchema, matterRouteSchema } from './routes';
import { matterStateSchema } from './states';

export const deadlinePartySchema = z.enum(['authority', 'petitioner']);
/** 'authority': the bureau or the handling body must act (red when overdue); 'petitioner': a window that lapses. */
export type DeadlineParty = z.infer<typeof deadlinePartySchema>;

const nullableDate = isoDateSchema.nullable();

export const matterLifecycleSchema = z.object({
  state: matterStateSchema,
  class: matterClassSchema.nullable(),
  route: matterRouteSchema.nullable(),
  /** The responsible unit: set by classify, replaced by transfer/assign. */
  body: z.string().nullable(),
  /** 检举控告: the reporter is protected (条例 art. 30). */
  protectReporter: z.boolean(),
  receivedOn: isoDateSchema,
  classifiedOn: nullableDate,
  /** Day of guide / transfer / assign / decline. */
  routedOn: nullableDate,
  acceptedOn: nullableDate,
  extended: z.boolean(),
  extensionDays: z.number().int().min(0).max(30),
  repliedOn: nullableDate,
  replyOpinion: opinionSchema.nullable(),
  /** The day the petitioner received the written reply: the review window runs from it. */
  replyDeliveredOn: nullableDate,
  rating: ratingSchema.nullable(),
  closedOn: nullableDate,
  reviewRequestedOn: nullableDate,
  reviewOpinionOn: nullableDate,
  reviewOpinion: opinionSchema.nullable(),
  reviewOpinionDeliveredOn: nullableDate,
  reReviewRequestedOn: nullableDate,
  hearingPauseDays: z.number().int().min(0),
  reReviewOpinionOn: nullableDate,
  reReviewOpinion: opinionSchema.nullable(),
  reReviewOpinionDeliveredOn: nullableDate,
  terminatedOn: nullableDate,
  repeatVisits: z.number().int().min(0),
  /** The deadline that runs now, or null when none does. `from` is the event it counts from. */
  deadlines: z
    .object({ nextStep: deadlineStepSchema, from: isoDateSchema, lastDay: isoDateSchema, party: deadlinePartySchema })
    .nullable(),
  /** Number of transitions applied. */
  historyLength: z.number().int().min(0),
  /** Instant of the last transition: commands must come in time order. */
  lastEventAt: z.string().nullable(),
});
export type MatterLifecycle = z.infer<typeof matterLifecycleSchema>;
export type MatterDeadline = NonNullable<MatterLifecycle['deadlines']>;
