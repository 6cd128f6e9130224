// A petition matter's lifecycle record: its state and the dates, decisions and counters its
// commands have recorded, with the deadline that runs now (DOMAIN.md §2–§5). It is stored as
// JSON beside the matter and replayed by the city; deadlines.ts says which deadline runs, and
// applyCommand.ts moves the record on.
import { z } from 'zod';
import { deadlineStepSchema, isoDateSchema } from '../calendar/deadlines';
import { opinionSchema, ratingSchema, settlementKindSchema } from './commands';
import { matterClassSchema, matterRouteSchema } from './routes';
import { matterStateSchema } from './states';

export const deadlinePartySchema = z.enum(['authority', 'petitioner', 'optional']);
/**
 * 'authority': the bureau or the handling body must act (red when overdue); 'petitioner': a window
 * that lapses; 'optional': a body may act (the objection to a transfer), never overdue.
 */
export type DeadlineParty = z.infer<typeof deadlinePartySchema>;

const nullableDate = isoDateSchema.nullable();
// Fields added after release carry a default, so a lifecycle stored or synced before them still parses.
const laterDate = nullableDate.default(null);

/** Which handling clock binds an accepted matter (DOMAIN.md §4). */
export const handlingTrackSchema = z.enum(['statutory', 'target', 'simplified']);
/**
 * 'statutory': 60 days, 申诉求决 in the petition procedure (route 6); 'target': the bureau's own
 * target for the other accepted matters (建议意见, 检举控告, route 5); 'simplified': 简易办理, 10 工作日.
 */
export type HandlingTrack = z.infer<typeof handlingTrackSchema>;

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
  // --- the clocks and outcomes of DOMAIN.md §4 (issue #13)
  /** The handling clock chosen at acceptance; null before it (an older record: statutory). */
  handlingTrack: handlingTrackSchema.nullable().default(null),
  /** For the 'target' track: the bureau's target in days, fixed at acceptance so every replay agrees. */
  targetDays: z.number().int().min(1).max(120).nullable().default(null),
  /** The day the extension was approved: before the handling deadline, or it is refused. */
  extendedOn: laterDate,
  /** 交办: the day the bureau set for the 办结报告, and the day the report came. */
  assignedDueOn: laterDate,
  reportedOn: laterDate,
  /** A hearing (听证) noticed and not yet held. */
  hearingNoticedOn: laterDate,
  /** 调解 / 和解 (art. 33): the day the agreement was signed, and which. */
  settledOn: laterDate,
  settlement: settlementKindSchema.nullable().default(null),
  /** A 复查 ordered the matter handled again: the new handling period runs from this day. */
  rehandleFrom: laterDate,
  /** 办结 for the figures: the first delivery of a handling opinion (or agreement) and the handling deadline then in force. */
  firstClosedOn: laterDate,
  firstDueOn: laterDate,
  /** The first 复查 request: it undoes 一次性化解 (DOMAIN.md §6), whatever came after it. */
  firstReviewRequestedOn: laterDate,
  /** Days a visit on this matter to a higher level (越级, 赴京到省) was reported from above. */
  higherLevelVisitDays: z.array(isoDateSchema).default([]),
  /** 息诉罢访: the petitioner stops — a campaign outcome of its own, not 办结 (DOMAIN.md §6). */
  desistedOn: laterDate,
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
