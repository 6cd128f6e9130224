// Pushes the outbox to the city batch by batch (DESIGN.md §4) and believes only answers that
// fit the batch it sent: an ack beyond it, a resend point the device never reached, or a
// refusal of a seq that was not in it make the answer bad, and then nothing moves.
import { randomUUID } from 'node:crypto';
import { eventsAfter, waitingStats } from '../../db/outbox';
import { getSyncState, recordSuccess, rewindAck } from '../../db/syncState';
import { MAX_BATCH_BYTES, type PushResponse, type SyncEvent } from '../../domain/sync/events';
import { badResponse } from './cityClient';
import { clockOffset, type RunContext, type StepEnd } from './run';

// Headroom under the city's 4 MiB limit for the envelope around the events.
const BATCH_BYTE_BUDGET = MAX_BATCH_BYTES - 64 * 1024;
const MAX_REWINDS_PER_RUN = 3;

/** The longest prefix of `events` that fits the city's count and size limits (at least one). */
export function fitBatch(events: SyncEvent[], maxEvents: number): SyncEvent[] {
  let bytes = 0;
  const out: SyncEvent[] = [];
  for (const e of events.slice(0, maxEvents)) {
    bytes += Buffer.byteLength(JSON.stringify(e)) + 1;
    if (out.length > 0 && bytes > BATCH_BYTE_BUDGET) break;
    out.push(e);
  }
  return out;
}

/**
 * Why a 200 answer to `batch` (sent after `acked`) cannot be true, or null when it fits. The
 * city acknowledges up to the batch's end; a refused event is still acknowledged, so each
 * refusal names a seq of this batch at or below the ack.
 */
export function pushAnswerMisfit(answer: PushResponse, acked: number, batch: SyncEvent[]): string | null {
  const last = batch.at(-1)!.seq;
  if (answer.ackedSeq > last) return `ackedSeq ${answer.ackedSeq} is beyond the last seq sent (${last})`;
  if (answer.ackedSeq <= acked) return `ackedSeq ${answer.ackedSeq} did not advance from ${acked}`;
  const sent = new Set(batch.map((e) => e.seq));
  const stray = answer.rejected.find((x) => !sent.has(x.seq) || x.seq > answer.ackedSeq);
  return stray ? `rejected seq ${stray.seq} was not sent in this batch, or not acknowledged` : null;
}

/** Pushes everything waiting; null when the city acknowledged it all. */
export async function pushAll(ctx: RunContext, batchSize: number): Promise<StepEnd> {
  const { db, client, dev } = ctx;
  let rewinds = 0;
  const startAcked = getSyncState(db).lastAckedSeq;
  const w = waitingStats(db, startAcked);
  const total = w.waiting + w.auditWaiting;
  for (;;) {
    const acked = getSyncState(db).lastAckedSeq;
    const batch = fitBatch(eventsAfter(db, acked, batchSize), batchSize);
    if (batch.length === 0) return null;
    ctx.live.progress = { sent: Math.max(0, acked - startAcked), total };
    const r = await client.push(dev.serverUrl, dev.token, { deviceId: dev.deviceId, batchId: randomUUID(), events: batch });
    if (!r.ok) {
      if (r.code !== 'seq_gap' || r.expectedSeq === undefined) return r;
      // The batch began at acked + 1: a city asking for a later seq claims events never sent.
      if (r.expectedSeq > acked + 1) return badResponse(`seq_gap asks for seq ${r.expectedSeq}; the batch began at ${acked + 1}`);
      if (rewinds++ >= MAX_REWINDS_PER_RUN) return r;
      rewindAck(db, r.expectedSeq - 1);
      continue;
    }
    const misfit = pushAnswerMisfit(r.value, acked, batch);
    if (misfit) return badResponse(misfit);
    recordSuccess(db, { ackedSeq: r.value.ackedSeq, at: ctx.now().toISOString(), clockOffsetMs: clockOffset(db, ctx.now, r.serverDate), rejected: r.value.rejected });
    ctx.reached();
  }
}
