// Applies an accepted event to the city's projections, one applier per event type. An applier
// may still refuse an event whose content is valid but cannot be stored (say, a matter number
// another device already used); the push quarantines it like any other content failure.
import { eq, type SQL, sql } from 'drizzle-orm';
import { eventPayloadSchemas, type EventPayload, type EventType, type SyncEvent } from '../domain/sync/events';
import type { AuthedDevice } from './auth';
import type { CityDb } from './db';
import { matters, visits } from './schema';

export type Verdict = { ok: true } | { ok: false; code: string; message: string };
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

const appliers: { [T in EventType]: Applier<T> } = {
  'matter.registered': async (tx, device, p) => (await applyMatterRegistrations(tx, device, [p]))[0]!,
  // The city follows each matter's state; the transition itself stays in the events record.
  'matter.transitioned': async (tx, _device, p) => {
    const updated = await tx.update(matters).set({ status: p.to }).where(eq(matters.matterId, p.matterId)).returning({ id: matters.matterId });
    return updated.length === 1 ? { ok: true } : { ok: false, code: 'matter_unknown', message: `市里没有信访事项 ${p.matterNo}` };
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

/** Call only after checkEventContent passed; the parse here just gives the applier its typed payload. */
export function applyEvent(tx: CityDb, device: AuthedDevice, e: SyncEvent): Promise<Verdict> {
  const type = e.type as EventType;
  const applier = appliers[type] as Applier<EventType>;
  return applier(tx, device, eventPayloadSchemas[type].parse(e.payload));
}


/**
 * A run of consecutive 'matter.registered' events — the bulk of every push — in two statements
 * instead of two per event, with the verdicts applying them one by one in order would give:
 * the rows go in ordered by their place in the run and ON CONFLICT DO NOTHING skips a row that
 * collides with an earlier row of the same statement, so the first of two claims to a matter id
 * or number wins, as it would one at a time. A row counts as inserted only if RETURNING names
 * both its id and its number. Each table's rows travel as one jsonb parameter: building a
 * multi-row VALUES list through the query builder cost more than PostgreSQL's work.
 * Call only after checkEventContent passed for every event.
 */
export async function applyMatterRegistrations(tx: CityDb, device: AuthedDevice, payloads: EventPayload<'matter.registered'>[]): Promise<Verdict[]> {
  const verdicts: (Verdict | null)[] = payloads.map((p) => checkYear(p.receivedAt));
  const candidates = payloads.filter((_, i) => verdicts[i] === null);
  if (candidates.length === 0) return verdicts as Verdict[];
  const key = (matterId: string, matterNo: string) => `${matterId.toLowerCase()} ${matterNo}`;
  const matterRows = candidates.map((p, i) => ({
    i,
    matter_id: p.matterId,
    matter_no: p.matterNo,
    visitor_id: p.visitor.visitorId,
    visitor_name: p.visitor.name,
    document_type: p.visitor.documentType,
    document_number: p.visitor.documentNumber,
    visitor: p.visitor,
    representatives: p.representatives,
    channel: p.channel,
    headcount: p.headcount,
    category_code: p.categoryCode,
    place_region: p.placeRegion,
    respondent: p.respondent,
    summary: p.summary,
    facts: p.facts,
    flags: p.flags,
    received_at: new Date(p.receivedAt).toISOString(),
    clock_offset_ms: p.clockOffsetMs,
  }));
  const inserted = await rows<{ matter_id: string; matter_no: string }>(
    tx,
    sql`INSERT INTO matters (matter_id, matter_no, county_code, device_id, visitor_id, visitor_name, document_type, document_number,
        visitor, representatives, channel, headcount, category_code, place_region, respondent, summary, facts, flags, received_at, clock_offset_ms)
      SELECT matter_id, matter_no, ${device.countyCode}, ${device.id}::uuid, visitor_id, visitor_name, document_type, document_number,
        visitor, representatives, channel, headcount, category_code, place_region, respondent, summary, facts, flags, received_at, clock_offset_ms
      FROM jsonb_to_recordset(${JSON.stringify(matterRows)}::jsonb) AS m(i integer, matter_id uuid, matter_no text, visitor_id uuid,
        visitor_name text, document_type text, document_number text, visitor jsonb, representatives jsonb, channel text, headcount bigint,
        category_code text, place_region text, respondent text, summary text, facts text, flags jsonb, received_at timestamptz, clock_offset_ms bigint)
      ORDER BY i
      ON CONFLICT DO NOTHING
      RETURNING matter_id, matter_no`,
  );
  const fresh = new Set(inserted.map((r) => key(r.matter_id, r.matter_no)));
  const firstVisits: object[] = [];
  const out = payloads.map((p, i): Verdict => {
    const bad = verdicts[i];
    if (bad) return bad;
    // delete(): of two identical rows only the first was inserted.
    if (!fresh.delete(key(p.matterId, p.matterNo))) return matterConflict(p);
    firstVisits.push({
      visit_id: p.visitId,
      matter_id: p.matterId,
      document_type: p.visitor.documentType,
      document_number: p.visitor.documentNumber,
      visitor_name: p.visitor.name,
      channel: p.channel,
      headcount: p.headcount,
      received_at: new Date(p.receivedAt).toISOString(),
    });
    return { ok: true };
  });
  if (firstVisits.length > 0) {
    await tx.execute(sql`INSERT INTO visits (visit_id, matter_id, county_code, device_id, kind, document_type, document_number, visitor_name,
        channel, headcount, terminated_matter, received_at)
      SELECT visit_id, matter_id, ${device.countyCode}, ${device.id}::uuid, 'first', document_type, document_number, visitor_name,
        channel, headcount, false, received_at
      FROM jsonb_to_recordset(${JSON.stringify(firstVisits)}::jsonb) AS v(visit_id uuid, matter_id uuid, document_type text,
        document_number text, visitor_name text, channel text, headcount bigint, received_at timestamptz)`);
  }
  return out;
}

/** The rows of a raw statement; node-postgres and PGlite both answer with `rows`. */
async function rows<T>(tx: CityDb, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}
