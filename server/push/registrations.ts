// Matter registrations — the bulk of every push — written a run at a time: the matters
// projection and the events record of a whole run in one statement instead of three per event,
// with the verdicts applying them one by one in order would give.
import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { EventPayload, SyncEvent } from '../../domain/sync/events';
import type { AuthedDevice } from '../http/auth';
import { type CityDb, takesJsonbBytes } from '../store/db';
import type { Verdict } from './eventChecks';
import { jsonbArray, type ReceivedJson } from './receivedJson';

/** One 'matter.registered' event whose content passed its checks (eventChecks.ts), with its typed payload, and who sent it. */
export interface Registration {
  e: SyncEvent;
  p: EventPayload<'matter.registered'>;
  device: AuthedDevice;
  batchId: string;
  /** The batch as JSON, and the event's place in it: the payload is read out of that (receivedJson.ts). */
  json: ReceivedJson;
  at: number;
}

/** A registration that passed every check so far, and its place in the run. */
type Candidate = { r: Registration; i: number };

/** The keys a registration claims; uuids in lower case, as PostgreSQL compares them. */
const claims = ({ p }: Registration) => [`m ${p.matterId.toLowerCase()}`, `n ${p.matterNo}`, `v ${p.visitId.toLowerCase()}`];

/**
 * The candidates in order, cut before any that claims a key an earlier one of the same part
 * claimed: within one statement the winner of two claims would depend on row order, and applied
 * part after part the first claim wins as it would one at a time. Almost every run is one part.
 */
export function partsWithoutRepeats<T extends { r: Registration }>(candidates: T[]): T[][] {
  const parts: T[][] = [];
  let claimed = new Set<string>();
  for (const c of candidates) {
    const keys = claims(c.r);
    if (parts.length === 0 || keys.some((k) => claimed.has(k))) {
      parts.push([]);
      claimed = new Set();
    }
    parts.at(-1)!.push(c);
    for (const k of keys) claimed.add(k);
  }
  return parts;
}

/** How applyMatterRegistrations goes about it. */
export interface RegistrationOptions {
  /** Another write of the same transaction, sent with the last statement to save a round trip (applyPushes.ts: the devices' lastSeq). */
  alongside?: SQL | null;
  /**
   * Look every matter key up before inserting, and refuse a matter whose id, number or first
   * visit the city already has. Without it a clash fails the statement on a unique index, and
   * the caller runs the transaction again with it: clashes are rare, and the lookups cost about
   * 2 ms of every 500 registrations.
   */
  lookUpKeys?: boolean;
}

/**
 * A run of consecutive 'matter.registered' events — the bulk of every push — in as few
 * statements as partsWithoutRepeats allows instead of three per event, with the verdicts applying
 * them one by one in order would give.
 */
export async function applyMatterRegistrations(tx: CityDb, run: Registration[], { alongside = null, lookUpKeys = true }: RegistrationOptions = {}): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  const parts = partsWithoutRepeats(run.map((r, i) => ({ r, i })));
  for (const [k, part] of parts.entries()) {
    const refused = await insertRegistrations(tx, part, k === parts.length - 1 ? alongside : null, lookUpKeys);
    for (const { r, i } of part) verdicts[i] = refused.has(i) ? matterConflict(r.p) : { ok: true };
  }
  if (parts.length === 0 && alongside) await tx.execute(alongside);
  return verdicts;
}

function matterConflict(p: EventPayload<'matter.registered'>): Verdict {
  return { ok: false, code: 'matter_conflict', message: `信访件编号 ${p.matterNo} 或事项 ${p.matterId} 已在市里登记` };
}

/**
 * One statement for registrations that claim no key twice; answers the places in the run of
 * those refused. The same statement writes the events record of the matters inserted, so the
 * caller records only the other events.
 *
 * Three jsonb parameters carry them: each event's envelope fields, each batch's device, and the
 * batches as they were received, out of which each payload is read; the projections are read out
 * of each payload in SQL. Building multi-row VALUES lists through the query builder, sending
 * every payload twice, or serialising the payloads again cost more than PostgreSQL's own work.
 * The payload schema transforms nothing, so the payload as received holds the same values as the
 * parsed one.
 */
async function insertRegistrations(tx: CityDb, part: Candidate[], alongside: SQL | null, lookUpKeys: boolean): Promise<Set<number>> {
  const batches = new Map<ReceivedJson, { b: number; device_id: string; county_code: string; batch_id: string }>();
  const batchOf = ({ json, device, batchId }: Registration) => {
    const known = batches.get(json);
    if (known) return known.b;
    batches.set(json, { b: batches.size, device_id: device.id, county_code: device.countyCode, batch_id: batchId });
    return batches.size - 1;
  };
  const events = part.map(({ r, i }) => ({
    i,
    b: batchOf(r),
    at: r.at,
    seq: r.e.seq,
    event_id: r.e.id,
    entity_id: r.e.entityId,
    occurred_at: r.e.occurredAt,
    // As the driver would send a Date: the string as the device wrote it may carry no offset.
    received_at: new Date(r.p.receivedAt).toISOString(),
  }));
  const received = jsonbArray([...batches.keys()], takesJsonbBytes(tx));
  const e = tx.$with('e', { i: sql<number>`i` }).as(
    // The keys are read out once here: comparing them out of the payload in the joins below cost
    // more than all the inserts together. Used more than once, it is computed once.
    sql`SELECT x.*, (payload->>'matterId')::uuid AS matter_id, payload->>'matterNo' AS matter_no, (payload->>'visitId')::uuid AS visit_id
      FROM (
        -- #> walks into the batch without copying it; -> would copy the whole batch for each event.
        SELECT r.*, b.device_id, b.county_code, b.batch_id, ${received}::jsonb #> ARRAY[r.b::text, 'events', r.at::text, 'payload'] AS payload
        FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
          AS r(i integer, b integer, at integer, seq integer, event_id uuid, entity_id text, occurred_at text, received_at timestamptz)
        JOIN jsonb_to_recordset(${JSON.stringify([...batches.values()])}::jsonb) AS b(b integer, device_id uuid, county_code text, batch_id uuid) USING (b)
      ) x`,
  );
  const m = tx.$with('m', { matterId: sql<string>`matter_id` }).as(
    sql`INSERT INTO matters (matter_id, first_visit_id, matter_no, county_code, device_id, visitor_id, visitor_name, document_type, document_number,
        visitor, representatives, channel, headcount, category_code, place_region, respondent, summary, facts, flags, received_at, clock_offset_ms)
      SELECT matter_id, visit_id, matter_no, county_code, device_id, (payload->'visitor'->>'visitorId')::uuid,
        -- The visitor's 证件 under protocol v1's names (domain/sync/wireCredential.ts); schema.ts keys these columns idType/idNumber.
        payload->'visitor'->>'name', payload->'visitor'->>'documentType', payload->'visitor'->>'documentNumber', payload->'visitor',
        payload->'representatives', payload->>'channel', (payload->>'headcount')::numeric::bigint, payload->>'categoryCode', payload->>'placeRegion',
        payload->>'respondent', payload->>'summary', payload->>'facts', payload->'flags', received_at, (payload->>'clockOffsetMs')::numeric::bigint
      FROM e
      -- A visit id a repeat visit already has is refused: no unique index spans both tables.
      -- A matter key the city already has fails the statement on its unique index, and
      -- applyPushes.ts runs the group again with lookUpKeys, which refuses it here; so is a key
      -- that a transaction in flight meanwhile committed. (ON CONFLICT's speculative insertion
      -- cost more than either.) Each key is probed in its index, as scalar subqueries are never
      -- turned into joins: taking the run for the default hundred rows, the planner would
      -- otherwise hash a whole table.
      WHERE (SELECT true FROM visits v WHERE v.visit_id = e.visit_id LIMIT 1) IS NULL${
        lookUpKeys
          ? sql`
        AND (SELECT true FROM matters x WHERE x.first_visit_id = e.visit_id LIMIT 1) IS NULL
        AND (SELECT true FROM matters x WHERE x.matter_id = e.matter_id LIMIT 1) IS NULL
        AND (SELECT true FROM matters x WHERE x.matter_no = e.matter_no LIMIT 1) IS NULL`
          : sql``
      }
      RETURNING matter_id`,
  );
  const recorded = tx.$with('recorded', {}).as(
    sql`INSERT INTO events (device_id, seq, event_id, type, entity_id, occurred_at, payload, batch_id)
      SELECT device_id, seq, event_id, 'matter.registered', entity_id, occurred_at, payload, batch_id FROM e JOIN m USING (matter_id)`,
  );
  const writes = alongside ? [e, m, recorded, tx.$with('alongside', {}).as(alongside)] : [e, m, recorded];
  // Only the refused come back: almost always none.
  const refused = tx
    .with(...writes)
    .select({ i: sql<number>`e.i` })
    .from(sql`e LEFT JOIN m USING (matter_id)`)
    .where(sql`m.matter_id IS NULL`);
  // Prepared once per connection under a name taken from its text (PGlite, one connection,
  // ignores the name): parsing and planning this statement anew was a tenth of every push (A/B
  // on the write path, 200,000 events).
  const name = `xf_${createHash('sha1').update(refused.toSQL().sql).digest('hex').slice(0, 20)}`;
  return new Set((await refused.prepare(name).execute()).map((r) => r.i));
}
