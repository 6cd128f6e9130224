// Applies an accepted event to the city's projections, one applier per event type. An applier
// may still refuse an event whose content is valid but cannot be stored (say, a matter number
// another device already used); the push quarantines it like any other content failure.
import { eq, type SQL, sql } from 'drizzle-orm';
import { applyCommand } from '../domain/matters/lifecycle';
import { eventPayloadSchemas, type EventPayload, type EventType, type SyncEvent } from '../domain/sync/events';
import type { AuthedDevice } from './auth';
import type { CityDb } from './db';
import { cityLifecycle } from './lifecycles';
import { matters, visits } from './schema';

export type Verdict = { ok: true } | { ok: false; code: string; message: string };
// 'matter.registered' goes through applyMatterRegistrations, a run at a time.
type AppliedOneByOne = Exclude<EventType, 'matter.registered'>;
type Applier<T extends EventType> = (tx: CityDb, device: AuthedDevice, payload: EventPayload<T>) => Promise<Verdict>;

// timestamptz refuses years before 1 AD, which Date.parse accepts; no real matter is that old.
const MIN_YEAR = 1900;

function checkYear(iso: string): Verdict | null {
  const year = new Date(iso).getUTCFullYear();
  return year < MIN_YEAR || year > 9999 ? { ok: false, code: 'bad_payload', message: `receivedAt 超出合理范围：${iso}` } : null;
}

async function recordOnly(): Promise<Verdict> {
  return { ok: true };
}

const appliers: { [T in AppliedOneByOne]: Applier<T> } = {
  // The city follows each matter's state, and replays the step on the matter's lifecycle with
  // the domain's own rules, for the published rates (figures.ts).
  'matter.transitioned': async (tx, _device, p) => {
    const [row] = await tx.select({ lifecycle: matters.lifecycle, receivedAt: matters.receivedAt }).from(matters).where(eq(matters.matterId, p.matterId)).for('update');
    if (!row) return { ok: false, code: 'matter_unknown', message: `市里没有信访事项 ${p.matterNo}` };
    const replayed = applyCommand(cityLifecycle(row), p.command);
    // The window is the authority on its matters: a step it took is never refused here. Only a
    // window check on another holiday calendar could make the replay refuse one; the state still
    // follows, and the lifecycle keeps what it had.
    await tx
      .update(matters)
      .set({ status: p.to, ...(replayed.ok ? { lifecycle: replayed.value.matter } : {}) })
      .where(eq(matters.matterId, p.matterId));
    return { ok: true };
  },
  // Kept in the city's append-only events record; no projection reads them yet.
  'document.delivered': recordOnly,
  // The bytes arrive separately, content-addressed (PUT /api/v1/sync/attachments/:sha256).
  'attachment.added': recordOnly,
  'supervision.issued': recordOnly,
  'supervision.resolved': recordOnly,
  'leaderCase.assigned': recordOnly,
  'participant.recorded': recordOnly,
  'campaign.created': recordOnly,
  'visit.recorded': async (tx, device, p) => {
    const bad = checkYear(p.receivedAt);
    if (bad) return bad;
    const inserted = await tx.insert(visits).values(visitRow(device, p)).onConflictDoNothing().returning({ id: visits.visitId });
    if (inserted.length === 0) return { ok: false, code: 'visit_conflict', message: `来访记录 ${p.visitId} 已在市里登记` };
    return { ok: true };
  },
};

function visitRow(device: AuthedDevice, p: EventPayload<'visit.recorded'>) {
  return {
    visitId: p.visitId,
    matterId: p.matterId,
    countyCode: device.countyCode,
    deviceId: device.id,
    kind: 'repeat',
    documentType: p.visitor.documentType,
    documentNumber: p.visitor.documentNumber,
    visitorName: p.visitor.name,
    channel: p.channel,
    headcount: p.headcount,
    terminatedMatter: p.terminatedMatter,
    receivedAt: new Date(p.receivedAt),
  };
}

function matterConflict(p: EventPayload<'matter.registered'>): Verdict {
  return { ok: false, code: 'matter_conflict', message: `信访件编号 ${p.matterNo} 或事项 ${p.matterId} 已在市里登记` };
}

/** Call only after checkEventContent passed, and not for 'matter.registered'; the parse here just gives the applier its typed payload. */
export function applyEvent(tx: CityDb, device: AuthedDevice, e: SyncEvent): Promise<Verdict> {
  const type = e.type as AppliedOneByOne;
  const applier = appliers[type] as Applier<EventType>;
  return applier(tx, device, eventPayloadSchemas[type].parse(e.payload));
}


/** One 'matter.registered' event whose content passed checkEventContent, with its typed payload, and who sent it. */
export interface Registration {
  e: SyncEvent;
  p: EventPayload<'matter.registered'>;
  device: AuthedDevice;
  batchId: string;
}

/**
 * A run of consecutive 'matter.registered' events — the bulk of every push — in one statement
 * instead of three per event, with the verdicts applying them one by one in order would give:
 * the rows go in ordered by their place in the run and ON CONFLICT DO NOTHING skips a row that
 * collides with an earlier row of the same statement, so the first of two claims to a matter id
 * or number wins, as it would one at a time. A row counts as inserted only if RETURNING names
 * both its id and its number. The same statement writes the first visits and the events record
 * of the registrations that won, so the caller records only the other events.
 *
 * The events travel as one jsonb parameter and the projections are read out of each payload in
 * SQL: building multi-row VALUES lists through the query builder, and sending every payload
 * twice, cost more than PostgreSQL's own work. The payload schema transforms nothing, so the
 * payload as received holds the same values as the parsed one.
 */
export async function applyMatterRegistrations(tx: CityDb, run: Registration[]): Promise<Verdict[]> {
  const verdicts: (Verdict | null)[] = run.map(({ p }) => checkYear(p.receivedAt));
  // Every string here passed unstorableText (pushPlan.ts checkContent), so jsonb takes it as it is.
  const candidates = run.flatMap(({ e, p, device, batchId }, i) =>
    verdicts[i] !== null
      ? []
      : [
          {
            i,
            device_id: device.id,
            county_code: device.countyCode,
            batch_id: batchId,
            seq: e.seq,
            event_id: e.id,
            type: e.type,
            entity_id: e.entityId,
            occurred_at: e.occurredAt,
            payload: e.payload,
            // As the driver would send a Date: the string as the device wrote it may carry no offset.
            received_at: new Date(p.receivedAt).toISOString(),
          },
        ],
  );
  if (candidates.length === 0) return verdicts as Verdict[];
  const won = await rows<{ i: number }>(
    tx,
    sql`WITH e AS MATERIALIZED (
        -- The keys are read out once here: comparing them out of the payload in the joins below
        -- cost more than all the inserts together.
        SELECT e.*, (payload->>'matterId')::uuid AS matter_id, payload->>'matterNo' AS matter_no, (payload->>'visitId')::uuid AS visit_id,
          row_number() OVER (PARTITION BY (payload->>'visitId')::uuid ORDER BY i) AS visit_claim
        FROM jsonb_to_recordset(${JSON.stringify(candidates)}::jsonb)
          AS e(i integer, device_id uuid, county_code text, batch_id uuid, seq integer, event_id uuid, type text, entity_id text, occurred_at text, payload jsonb, received_at timestamptz)
      ), m AS (
        INSERT INTO matters (matter_id, matter_no, county_code, device_id, visitor_id, visitor_name, document_type, document_number,
          visitor, representatives, channel, headcount, category_code, place_region, respondent, summary, facts, flags, received_at, clock_offset_ms)
        SELECT matter_id, matter_no, county_code, device_id, (payload->'visitor'->>'visitorId')::uuid,
          payload->'visitor'->>'name', payload->'visitor'->>'documentType', payload->'visitor'->>'documentNumber', payload->'visitor',
          payload->'representatives', payload->>'channel', (payload->>'headcount')::bigint, payload->>'categoryCode', payload->>'placeRegion',
          payload->>'respondent', payload->>'summary', payload->>'facts', payload->'flags', received_at, (payload->>'clockOffsetMs')::bigint
        FROM e
        -- A visit id already known (or claimed earlier in the run) would fail the whole statement
        -- on the visits key: such a registration is refused like any other clash.
        WHERE visit_claim = 1 AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.visit_id = e.visit_id)
        ORDER BY i
        ON CONFLICT DO NOTHING
        RETURNING matter_id, matter_no
      ), won AS (
        -- Of two identical claims only the first was inserted.
        SELECT DISTINCT ON (m.matter_id) e.* FROM m JOIN e ON e.matter_id = m.matter_id AND e.matter_no = m.matter_no
        ORDER BY m.matter_id, e.i
      ), first_visits AS (
        INSERT INTO visits (visit_id, matter_id, county_code, device_id, kind, document_type, document_number, visitor_name,
          channel, headcount, terminated_matter, received_at)
        SELECT visit_id, matter_id, county_code, device_id, 'first',
          payload->'visitor'->>'documentType', payload->'visitor'->>'documentNumber', payload->'visitor'->>'name',
          payload->>'channel', (payload->>'headcount')::bigint, false, received_at
        FROM won
      ), recorded AS (
        INSERT INTO events (device_id, seq, event_id, type, entity_id, occurred_at, payload, batch_id)
        SELECT device_id, seq, event_id, type, entity_id, occurred_at, payload, batch_id FROM won
      )
      SELECT i FROM won`,
  );
  const inserted = new Set(won.map((r) => r.i));
  return run.map(({ p }, i) => verdicts[i] ?? (inserted.has(i) ? { ok: true } : matterConflict(p)));
}

/** The rows of a raw statement; node-postgres and PGlite both answer with `rows`. */
async function rows<T>(tx: CityDb, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}
