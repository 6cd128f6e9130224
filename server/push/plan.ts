// What one push batch does (DESIGN.md §4), worked out before anything is written: which events
// the device already sent (and what the city answered then), which are new, and whether the
// batch is refused whole for a seq gap or a seq conflict. Pure, so a batch refused here leaves
// the other batches committed with it untouched; the caller reads lastSeq and the stored events
// under the device's lock.
import type { CheckedEvent, PushBody, PushResponse, SyncEvent } from '../../domain/sync/events';
import type { AuthedDevice } from '../http/auth';
import { HttpError } from '../http/errors';
import { checkContent, checkFields, hasOverlongText, type ContentVerdict, type Verdict } from './eventChecks';
import { mayEscapeUnstorable, type ReceivedJson, rewritten, verbatim } from './receivedJson';

type Rejected = PushResponse['rejected'][number];

/** An event the device sent before, as the city holds it (in the record or in quarantine). */
export interface Stored {
  eventId: string;
  rejection: { code: string; message: string } | null;
}

/** A batch for the push queue: its envelope validated, its device authenticated. */
export interface Push {
  device: AuthedDevice;
  body: PushBody;
  /** The body as it came over the wire, if it did (receivedJson.ts). */
  received: ReceivedJson | null;
}

/** What checkPush finds, before the batch is planned. */
export interface Checked {
  /** checkContent of each event of the batch. */
  content: ContentVerdict[];
  /** The batch as JSON whose `events[k].payload` the registration statement reads (apply.ts). */
  json: ReceivedJson;
}

/** A new event, the `at`-th of its batch; its verdict is its content failure, or null until applying it decides. */
export interface Fresh {
  e: SyncEvent;
  at: number;
  verdict: Verdict | null;
  /** The event as its content check parsed it, if it passed: what is applied. */
  checked: CheckedEvent | null;
}

export interface BatchPlan {
  fresh: Fresh[];
  json: ReceivedJson;
  /** In batch order: a rejection already known, or the index in `fresh` of a new event. */
  answer: (Rejected | number)[];
  ackedSeq: number;
}

/** The checks that need no database: every event's content, resent ones too, and the JSON to read payloads from. */
export function checkPush({ device, body, received }: Push): Checked {
  // Walking every value of every event for what PostgreSQL cannot store is needed only for an
  // event that failed its schema (the schemas are shallow), or if the JSON spells a \u escape.
  const quick = received !== null && !mayEscapeUnstorable(received.text);
  const content = body.events.map((e) => {
    const verdict = quick && !hasOverlongText(e) ? checkFields(device, e) : null;
    return verdict?.ok ? verdict : checkContent(device, e);
  });
  const allPassed = content.every((v) => v.ok);
  // Only the payloads of events that passed are read out of it.
  const json = verbatim(received, allPassed) ?? rewritten({ events: body.events.map((e, k) => ({ payload: content[k]!.ok ? e.payload : null })) });
  return { content, json };
}

/** The seqs of the batch the device has already had acknowledged. */
export function resentSeqs(body: PushBody, lastSeq: number): number[] {
  return body.events.filter((e) => e.seq <= lastSeq).map((e) => e.seq);
}

export function planBatch(body: PushBody, { content, json }: Checked, lastSeq: number, stored: Map<number, Stored>): BatchPlan | HttpError {
  const appliedNow = new Map<number, string>();
  const answer: BatchPlan['answer'] = [];
  const reported = new Set<number>();
  const fresh: Fresh[] = [];
  let next = lastSeq + 1;

  for (const [k, e] of body.events.entries()) {
    if (e.seq < next) {
      const earlier = e.seq <= lastSeq ? stored.get(e.seq) : { eventId: appliedNow.get(e.seq), rejection: null };
      // uuid columns hand ids back in lower case, whatever case the device wrote them in.
      if (earlier?.eventId?.toLowerCase() !== e.id.toLowerCase()) {
        return new HttpError(409, 'seq_conflict', `序号 ${e.seq} 已用于另一事件 / seq ${e.seq} was already used by another event`, { seq: e.seq });
      }
      // A resent batch gets the same answer as the first time, in case that answer was lost.
      if (earlier.rejection && !reported.has(e.seq)) {
        answer.push({ seq: e.seq, ...earlier.rejection });
        reported.add(e.seq);
      }
      continue;
    }
    if (e.seq > next) {
      return new HttpError(409, 'seq_gap', `缺少序号 ${next} 的事件 / expected seq ${next}, got ${e.seq}`, { expectedSeq: next });
    }
    const verdict = content[k]!;
    answer.push(fresh.push(verdict.ok ? { e, at: k, verdict: null, checked: verdict.checked } : { e, at: k, verdict, checked: null }) - 1);
    appliedNow.set(e.seq, e.id);
    next += 1;
  }
  return { fresh, json, answer, ackedSeq: next - 1 };
}

/** The answer to the device, once every fresh event has its verdict. */
export function pushResponse(plan: BatchPlan): PushResponse {
  const rejected = plan.answer.flatMap((a) => {
    if (typeof a !== 'number') return [a];
    const { e, verdict } = plan.fresh[a]!;
    return verdict!.ok ? [] : [{ seq: e.seq, code: verdict!.code, message: verdict!.message }];
  });
  return { ackedSeq: plan.ackedSeq, rejected };
}
