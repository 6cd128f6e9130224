// What each lifecycle command records on a matter (DOMAIN.md §2–§6): dates, decisions and
// counters, including the handling clock chosen at acceptance and the first 办结 kept for the
// figures. Pure; applyCommand.ts calls it once a command has passed every check.
import type { DeadlineEngine, IsoDate } from '../calendar/deadlines';
import type { MatterCommand } from './commands';
import { DEFAULT_HANDLING_TARGET_DAYS, handlingDeadline, type LifecycleContext } from './deadlines';
import type { HandlingTrack, MatterLifecycle } from './lifecycle';

/** Route 6 runs on the statutory 60 days; other accepted matters on the bureau's target (DOMAIN §4). */
function acceptance(m: MatterLifecycle, day: IsoDate, ctx: LifecycleContext | undefined, simplified = false): Partial<MatterLifecycle> {
  const track: HandlingTrack = simplified ? 'simplified' : m.route === null || m.route === 'petition-procedure' ? 'statutory' : 'target';
  return {
    acceptedOn: m.acceptedOn ?? day,
    handlingTrack: track,
    targetDays: track === 'target' ? (ctx?.handlingTargetDays ?? DEFAULT_HANDLING_TARGET_DAYS) : null,
  };
}

/** 办结 for the figures (DOMAIN §6): the first handling opinion delivered, or agreement signed, with the deadline then in force. */
function firstClosure(m: MatterLifecycle, day: IsoDate, engine: DeadlineEngine): Partial<MatterLifecycle> {
  if (m.firstClosedOn !== null) return {};
  return { firstClosedOn: day, firstDueOn: handlingDeadline(m, engine)?.lastDay ?? null };
}

/** The fields a command records. */
export function recordedFields(m: MatterLifecycle, c: MatterCommand, day: IsoDate, engine: DeadlineEngine, ctx?: LifecycleContext): Partial<MatterLifecycle> {
  switch (c.type) {
    case 'classify':
      return {
        class: c.class,
        route: c.route,
        body: c.body,
        classifiedOn: day,
        // 条例 art. 30: the reporter's identity and materials never reach the accused.
        protectReporter: c.class === 'accusation',
      };
    case 'guide':
    case 'decline':
      return { routedOn: day };
    case 'transfer':
      return { routedOn: day, body: c.toBody };
    case 'assign':
      return { routedOn: day, body: c.toBody, assignedDueOn: c.dueOn };
    // Out of 简易办理 into the ordinary procedure too (startHandling): the period counts from the same acceptance.
    case 'accept':
    case 'startHandling':
      return acceptance(m, day, ctx);
    case 'acceptSimplified':
      return acceptance(m, day, ctx, true);
    case 'extend':
      return { extended: true, extensionDays: c.days, extendedOn: day };
    case 'reply':
      return { repliedOn: day, replyOpinion: c.opinion };
    case 'deliver':
      if (m.state === 'replied') return { replyDeliveredOn: day, ...firstClosure(m, day, engine) };
      if (m.state === 'review-opinion') return { reviewOpinionDeliveredOn: day };
      return { reReviewOpinionDeliveredOn: day };
    case 'settle':
      return { settledOn: day, settlement: c.kind, ...firstClosure(m, day, engine) };
    case 'rate':
      return { rating: c.rating };
    case 'close':
      return { closedOn: day };
    case 'requestReview':
      return { reviewRequestedOn: day, firstReviewRequestedOn: m.firstReviewRequestedOn ?? day };
    case 'reviewOpinion':
      return { reviewOpinionOn: day, reviewOpinion: c.opinion };
    case 'orderRehandling':
      // A new handling period from the order (our reading): the earlier reply, its delivery and
      // the extension belong to the period that ended; the first 办结 stays for the figures.
      return {
        reviewOpinionOn: day,
        reviewOpinion: null,
        rehandleFrom: day,
        repliedOn: null,
        replyOpinion: null,
        replyDeliveredOn: null,
        rating: null,
        closedOn: null,
        extended: false,
        extensionDays: 0,
        extendedOn: null,
      };
    case 'requestReReview':
      return { reReviewRequestedOn: day };
    case 'reReviewOpinion':
      return { reReviewOpinionOn: day, reReviewOpinion: c.opinion };
    case 'noticeHearing':
      return { hearingNoticedOn: day };
    case 'pauseForHearing':
      // Only in the re-review are hearing days not counted (DOMAIN §4).
      return { hearingNoticedOn: null, hearingPauseDays: m.hearingPauseDays + (m.state === 're-review-requested' ? c.days : 0) };
    case 'terminate':
      return { terminatedOn: day };
    case 'repeatVisit':
      return { repeatVisits: m.repeatVisits + 1 };
    case 'report':
      return { reportedOn: day };
    case 'higherLevelVisit':
      return { higherLevelVisitDays: [...m.higherLevelVisitDays, day] };
    case 'desist':
      return { desistedOn: day };
  }
}
