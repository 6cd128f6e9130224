// Sync protocol v1 on the city side (DESIGN.md §4): applies push batches — one, or several from
// different devices that arrived together (queue.ts) — in one transaction, under a lock on
// each device's row, so concurrent pushes from one device cannot interleave. Each batch is
// planned first (plan.ts); a batch refused whole for a gap, a seq conflict or a revoked
// device writes nothing and leaves the others to commit.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type EventPayload, MAX_BATCH_EVENTS, type PushResponse } from '../../domain/sync/events';
import { applyEvent, mattersNamed } from './apply';
import { refreshCityFacts, type Registered } from '../city/figureFacts';
import type { Verdict } from './eventChecks';
import { applyMatterRegistrations, type Registration } from './registrations';
import { deviceRevoked } from '../http/auth';
import type { CityDb } from '../store/db';
import type { HttpError } from '../http/errors';
import { storable } from '../store/pgText';
import { type BatchPlan, checkPush, planBatch, type Push, pushResponse, resentSeqs, type Stored } from './plan';
import { devices, events, quarantine } from '../store/schema';

export type PushOutcome = PushResponse | HttpError;

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

/** Plans each batch under its device's lock. At most one batch per device: pushQueue sees to it. */
async function planAll(tx: CityDb, pushes: Push[]): Promise<(BatchPlan | HttpError)[]> {
  const ids = [...new Set(pushes.map((p) => p.device.id))].sort();
  // Locked in id order, so two server instances locking overlapping sets cannot deadlock.
  const locking = tx
    .select({ id: devices.id, lastSeq: devices.lastSeq, revokedAt: devices.revokedAt })
    .from(devices)
    .where(inArray(devices.id, ids))
    .orderBy(devices.id)
    .for('update')
    .execute();
  // The checks that need no database run while PostgreSQL takes the locks.
  const checked = pushes.map(checkPush);
  const locked = new Map((await locking).map((r) => [r.id, r]));
  const plans: (BatchPlan | HttpError)[] = [];
  for (const [k, p] of pushes.entries()) {
    const row = locked.get(p.device.id);
    // Revocation may have landed between authentication and the lock.
    if (!row || row.revokedAt) {
      plans.push(deviceRevoked());
      continue;
    }
    const stored = await storedEvents(tx, p.device.id, resentSeqs(p.body, row.lastSeq));
    plans.push(planBatch(p.body, checked[k]!, row.lastSeq, stored));
  }
  return plans;
}

type Planned = { push: Push; plan: BatchPlan };

/**
 * Gives every fresh event whose content passed its verdict by applying it. Matter registrations
 * — the bulk of every push — wait to be applied together, across batches (which also records
 * them); anything else applies in order after them, since it may refer to a matter just registered.
 * `alongside`, a write that may go in any order, is sent with the last registrations.
 */
async function applyInOrder(tx: CityDb, planned: Planned[], alongside: SQL | null, lookUpKeys: boolean): Promise<void> {
  let waiting: { run: Registration; fresh: { verdict: Verdict | null } }[] = [];
  const applyRegistrations = async (also: SQL | null = null) => {
    const verdicts = await applyMatterRegistrations(tx, waiting.map((w) => w.run), { alongside: also, lookUpKeys });
    waiting.forEach((w, k) => (w.fresh.verdict = verdicts[k]!));
    waiting = [];
  };
  for (const { push, plan } of planned) {
    for (const fresh of plan.fresh) {
      const checked = fresh.checked;
      if (fresh.verdict || !checked) continue;
      if (checked.type === 'matter.registered') {
        waiting.push({ run: { e: fresh.e, p: checked.payload, device: push.device, batchId: push.body.batchId, json: plan.json, at: fresh.at }, fresh });
      } else {
        await applyRegistrations();
        fresh.verdict = await applyEvent(tx, push.device, checked);
      }
    }
  }
  await applyRegistrations(alongside);
}

/** The matters whose figure facts the applied events change: those registered, and those another event touched. */
function appliedMatters(planned: Planned[]): { registered: Registered[]; touched: string[] } {
  const registered: Registered[] = [];
  const touched: string[] = [];
  for (const { push, plan } of planned) {
    for (const { e, verdict } of plan.fresh) {
      if (!verdict?.ok) continue;
      if (e.type !== 'matter.registered') touched.push(...mattersNamed(e.payload as object));
      else {
        const p = e.payload as EventPayload<'matter.registered'>;
        registered.push({ matterId: p.matterId, countyCode: push.device.countyCode, receivedAt: p.receivedAt });
      }
    }
  }
  return { registered, touched };
}

/** Keeps the accepted events the registrations did not record, and quarantines the refused ones. */
async function recordTheRest(tx: CityDb, planned: Planned[]): Promise<void> {
  const toRecord: object[] = [];
  const toQuarantine: (typeof quarantine.$inferInsert)[] = [];
  for (const { push, plan } of planned) {
    for (const { e, verdict } of plan.fresh) {
      if (!verdict!.ok) {
        const row = { deviceId: push.device.id, seq: e.seq, eventId: e.id, type: e.type, entityId: e.entityId, occurredAt: e.occurredAt, payload: e.payload, batchId: push.body.batchId };
        toQuarantine.push({ ...storable(row), code: verdict!.code, message: verdict!.message });
      } else if (e.type !== 'matter.registered') {
        const row = { device_id: push.device.id, batch_id: push.body.batchId, seq: e.seq, event_id: e.id, type: e.type, entity_id: e.entityId, occurred_at: e.occurredAt, payload: e.payload };
        toRecord.push(row);
      }
    }
  }
  // One jsonb parameter for all of them, as in applyMatterRegistrations.
  if (toRecord.length > 0) {
    await tx.execute(sql`INSERT INTO events (device_id, seq, event_id, type, entity_id, occurred_at, payload, batch_id)
      SELECT device_id, seq, event_id, type, entity_id, occurred_at, payload, batch_id
      FROM jsonb_to_recordset(${JSON.stringify(toRecord)}::jsonb)
        AS e(device_id uuid, seq integer, event_id uuid, type text, entity_id text, occurred_at text, payload jsonb, batch_id uuid)`);
  }
  if (toQuarantine.length > 0) await tx.insert(quarantine).values(toQuarantine);
}

/** Each device's new lastSeq, known once its batch is planned; null if none moves. */
function lastSeqUpdate(planned: Planned[]): SQL | null {
  // A batch of nothing but resent events leaves its device's lastSeq where it was.
  const moved = planned.filter(({ plan }) => plan.fresh.length > 0).map(({ push, plan }) => ({ id: push.device.id, last_seq: plan.ackedSeq }));
  if (moved.length === 0) return null;
  return sql`UPDATE devices SET last_seq = m.last_seq
    FROM jsonb_to_recordset(${JSON.stringify(moved)}::jsonb) AS m(id uuid, last_seq integer) WHERE devices.id = m.id`;
}

function writeGroup(db: CityDb, pushes: Push[], lookUpKeys: boolean): Promise<PushOutcome[]> {
  return db.transaction(async (tx) => {
    // A group of a few thousand events holds some megabytes of payloads in the registration
    // statement's CTEs; at the default 4 MB those spill to temporary files. One full batch fits.
    if (pushes.reduce((n, p) => n + p.body.events.length, 0) > MAX_BATCH_EVENTS) await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    const plans = await planAll(tx, pushes);
    const planned = pushes.flatMap((push, k) => {
      const plan = plans[k]!;
      return 'fresh' in plan ? [{ push, plan }] : [];
    });
    // The lastSeq update rides with the registrations: one round trip fewer per group.
    await applyInOrder(tx, planned, lastSeqUpdate(planned), lookUpKeys);
    await refreshCityFacts(tx, appliedMatters(planned));
    await recordTheRest(tx, planned);
    return plans.map((plan) => ('fresh' in plan ? pushResponse(plan) : plan));
  });
}

/** A unique-key violation (SQLSTATE 23505), as node-postgres reports it, possibly wrapped by drizzle. */
function isUniqueViolation(e: unknown): boolean {
  for (let x = e; x instanceof Error; x = x.cause) if ((x as { code?: unknown }).code === '23505') return true;
  return false;
}

export async function applyPushes(db: CityDb, pushes: Push[]): Promise<PushOutcome[]> {
  try {
    return await writeGroup(db, pushes, false);
  } catch (e) {
    // A matter key the city already has, or one a transaction still in flight (another writer,
    // another server) has just committed: run again looking every key up, which refuses the clash.
    if (!isUniqueViolation(e)) throw e;
    return writeGroup(db, pushes, true);
  }
}
