// Sync protocol v1 on the city side (DESIGN.md §4): applies one push batch in one transaction,
// under a lock on the device row, so concurrent pushes from one device cannot interleave.
// A duplicate is skipped, the next seq is checked and applied (or quarantined), and a gap or a
// seq conflict rolls the whole batch back.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { checkEventContent, type EventPayload, type PushBody, type PushResponse, type SyncEvent } from '../domain/sync/events';
import { applyEvent, applyMatterRegistrations, asTextParam, type Verdict } from './apply';
import { deviceRevoked, type AuthedDevice } from './auth';
import type { CityDb } from './db';
import { HttpError } from './errors';
import { hasNul, withoutNul } from './pgText';
import { devices, events, quarantine } from './schema';

interface Stored {
  eventId: string;
  rejection: { code: string; message: string } | null;
}

/** What the device already sent under these seqs, from the record and from quarantine. */
async function storedEvents(tx: CityDb, deviceId: string, seqs: number[]): Promise<Map<number, Stored>> {
  const found = new Map<number, Stored>();
  if (seqs.length === 0) return found;
  const accepted = await tx
    .select({ seq: events.seq, eventId: events.eventId })
    .from(events)
    .where(and(eq(events.deviceId, deviceId), inArray(events.seq, seqs)));
  for (const r of accepted) found.set(r.seq, { eventId: r.eventId, rejection: null });
  const held = await tx
    .select({ seq: quarantine.seq, eventId: quarantine.eventId, code: quarantine.code, message: quarantine.message })
    .from(quarantine)
    .where(and(eq(quarantine.deviceId, deviceId), inArray(quarantine.seq, seqs)));
  for (const r of held) found.set(r.seq, { eventId: r.eventId, rejection: { code: r.code, message: r.message } });
  return found;
}

/** The content checks that need no database: a failure here is quarantined at once. */
function checkContent(e: SyncEvent): Verdict {
  if (hasNul(e)) return { ok: false, code: 'nul_character', message: '事件含有 U+0000 字符，无法保存' };
  return checkEventContent(e);
}

export async function applyBatch(db: CityDb, device: AuthedDevice, body: PushBody): Promise<PushResponse> {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ lastSeq: devices.lastSeq, revokedAt: devices.revokedAt })
      .from(devices)
      .where(eq(devices.id, device.id))
      .for('update');
    // Revocation may have landed between authentication and the lock.
    if (!locked || locked.revokedAt) throw deviceRevoked();

    const lastSeq = locked.lastSeq;
    const stored = await storedEvents(
      tx,
      device.id,
      body.events.filter((e) => e.seq <= lastSeq).map((e) => e.seq),
    );
    const appliedNow = new Map<number, string>();
    // What the answer lists, in batch order: a rejection already known, or the index of a new
    // event whose verdict may still be pending.
    const answer: (PushResponse['rejected'][number] | number)[] = [];
    const reported = new Set<number>();
    const fresh: { e: SyncEvent; verdict: Verdict | null }[] = [];
    // Matter registrations wait here to be applied together (which also records them); anything
    // else applies in order after them, since it may refer to a matter just registered.
    let registrations: number[] = [];
    const applyRegistrations = async () => {
      if (registrations.length === 0) return;
      // Its content passed, and that schema transforms nothing: the payload is its parsed form.
      const run = registrations.map((i) => ({ e: fresh[i]!.e, p: fresh[i]!.e.payload as EventPayload<'matter.registered'> }));
      const verdicts = await applyMatterRegistrations(tx, device, body.batchId, run);
      registrations.forEach((i, k) => (fresh[i]!.verdict = verdicts[k]!));
      registrations = [];
    };
    let next = lastSeq + 1;

    for (const e of body.events) {
      if (e.seq < next) {
        const earlier = e.seq <= lastSeq ? stored.get(e.seq) : { eventId: appliedNow.get(e.seq), rejection: null };
        // uuid columns hand ids back in lower case, whatever case the device wrote them in.
        if (earlier?.eventId?.toLowerCase() !== e.id.toLowerCase()) {
          throw new HttpError(409, 'seq_conflict', `序号 ${e.seq} 已用于另一事件 / seq ${e.seq} was already used by another event`, {
            seq: e.seq,
          });
        }
        // A resent batch gets the same answer as the first time, in case that answer was lost.
        if (earlier.rejection && !reported.has(e.seq)) {
          answer.push({ seq: e.seq, ...earlier.rejection });
          reported.add(e.seq);
        }
        continue;
      }
      if (e.seq > next) {
        throw new HttpError(409, 'seq_gap', `缺少序号 ${next} 的事件 / expected seq ${next}, got ${e.seq}`, { expectedSeq: next });
      }
      const content = checkContent(e);
      const i = fresh.push({ e, verdict: content.ok ? null : content }) - 1;
      answer.push(i);
      if (content.ok && e.type === 'matter.registered') {
        registrations.push(i);
      } else if (content.ok) {
        await applyRegistrations();
        fresh[i]!.verdict = await applyEvent(tx, device, e);
      }
      appliedNow.set(e.seq, e.id);
      next += 1;
    }
    await applyRegistrations();

    const toRecord: object[] = [];
    const toQuarantine: (typeof quarantine.$inferInsert)[] = [];
    for (const { e, verdict } of fresh) {
      if (verdict!.ok) {
        // A registration that passed is already in the record (applyMatterRegistrations).
        if (e.type !== 'matter.registered') toRecord.push({ seq: e.seq, event_id: e.id, type: e.type, entity_id: asTextParam(e.entityId), occurred_at: asTextParam(e.occurredAt), payload: e.payload });
        continue;
      }
      const row = { deviceId: device.id, seq: e.seq, eventId: e.id, type: e.type, entityId: e.entityId, occurredAt: e.occurredAt, payload: e.payload, batchId: body.batchId };
      toQuarantine.push({ ...withoutNul(row), code: verdict!.code, message: verdict!.message });
    }
    const rejected = answer.flatMap((a) => {
      if (typeof a !== 'number') return [a];
      const { e, verdict } = fresh[a]!;
      return verdict!.ok ? [] : [{ seq: e.seq, code: verdict!.code, message: verdict!.message }];
    });

    // One jsonb parameter for all of them, as in applyMatterRegistrations.
    if (toRecord.length > 0) {
      await tx.execute(sql`INSERT INTO events (device_id, seq, event_id, type, entity_id, occurred_at, payload, batch_id)
        SELECT ${device.id}::uuid, seq, event_id, type, entity_id, occurred_at, payload, ${body.batchId}::uuid
        FROM jsonb_to_recordset(${JSON.stringify(toRecord)}::jsonb)
          AS e(seq integer, event_id uuid, type text, entity_id text, occurred_at text, payload jsonb)`);
    }
    if (toQuarantine.length > 0) await tx.insert(quarantine).values(toQuarantine);
    const ackedSeq = next - 1;
    if (ackedSeq !== lastSeq) await tx.update(devices).set({ lastSeq: ackedSeq }).where(eq(devices.id, device.id));
    return { ackedSeq, rejected };
  });
}
