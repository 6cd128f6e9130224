// Applies an accepted event to the city's projections, one applier per event type. An applier
// may still refuse an event whose content is valid but cannot be stored (say, a matter number
// another device already used); the push quarantines it like any other content failure.
import { eq } from 'drizzle-orm';
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
  'matter.registered': async (tx, device, p) => {
    const bad = checkYear(p.receivedAt);
    if (bad) return bad;
    const inserted = await tx
      .insert(matters)
      .values(matterRow(device, p))
      // Atomic against a concurrent push from another device with the same matter number.
      .onConflictDoNothing()
      .returning({ matterId: matters.matterId });
    if (inserted.length === 0) return matterConflict(p);
    await tx.insert(visits).values(visitRow(device, p, 'first', false));
    return { ok: true };
  },
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
    const inserted = await tx.insert(visits).values(visitRow(device, p, 'repeat', p.terminatedMatter)).onConflictDoNothing().returning({ id: visits.visitId });
    if (inserted.length === 0) return { ok: false, code: 'visit_conflict', message: `来访记录 ${p.visitId} 已在市里登记` };
    return { ok: true };
  },
};

function matterConflict(p: EventPayload<'matter.registered'>): Verdict {
  return { ok: false, code: 'matter_conflict', message: `信访件编号 ${p.matterNo} 或事项 ${p.matterId} 已在市里登记` };
}

function matterRow(device: AuthedDevice, p: EventPayload<'matter.registered'>) {
  return {
    matterId: p.matterId,
    matterNo: p.matterNo,
    countyCode: device.countyCode,
    deviceId: device.id,
    visitorId: p.visitor.visitorId,
    visitorName: p.visitor.name,
    documentType: p.visitor.documentType,
    documentNumber: p.visitor.documentNumber,
    visitor: p.visitor,
    representatives: p.representatives,
    channel: p.channel,
    headcount: p.headcount,
    categoryCode: p.categoryCode,
    placeRegion: p.placeRegion,
    respondent: p.respondent,
    summary: p.summary,
    facts: p.facts,
    flags: p.flags,
    receivedAt: new Date(p.receivedAt),
    clockOffsetMs: p.clockOffsetMs,
  };
}

function visitRow(device: AuthedDevice, p: EventPayload<'matter.registered'> | EventPayload<'visit.recorded'>, kind: 'first' | 'repeat', terminatedMatter: boolean) {
  return {
    visitId: p.visitId,
    matterId: p.matterId,
    countyCode: device.countyCode,
    deviceId: device.id,
    kind,
    documentType: p.visitor.documentType,
    documentNumber: p.visitor.documentNumber,
    visitorName: p.visitor.name,
    channel: p.channel,
    headcount: p.headcount,
    terminatedMatter,
    receivedAt: new Date(p.receivedAt),
  };
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
 * PostgreSQL inserts the VALUES rows in order and ON CONFLICT DO NOTHING skips a row that
 * collides with an earlier row of the same statement, so the first of two claims to a matter id
 * or number wins, as it would one at a time. A row counts as inserted only if RETURNING names
 * both its id and its number. Call only after checkEventContent passed for every event.
 */
export async function applyMatterRegistrations(tx: CityDb, device: AuthedDevice, events: SyncEvent[]): Promise<Verdict[]> {
  const payloads = events.map((e) => eventPayloadSchemas['matter.registered'].parse(e.payload));
  const verdicts: (Verdict | null)[] = payloads.map((p) => checkYear(p.receivedAt));
  const candidates = payloads.filter((_, i) => verdicts[i] === null);
  if (candidates.length === 0) return verdicts as Verdict[];
  const key = (matterId: string, matterNo: string) => `${matterId.toLowerCase()} ${matterNo}`;
  const inserted = await tx
    .insert(matters)
    .values(candidates.map((p) => matterRow(device, p)))
    .onConflictDoNothing()
    .returning({ matterId: matters.matterId, matterNo: matters.matterNo });
  const fresh = new Set(inserted.map((r) => key(r.matterId, r.matterNo)));
  const firstVisits: ReturnType<typeof visitRow>[] = [];
  const out = payloads.map((p, i): Verdict => {
    const bad = verdicts[i];
    if (bad) return bad;
    // delete(): of two identical rows only the first was inserted.
    if (!fresh.delete(key(p.matterId, p.matterNo))) return matterConflict(p);
    firstVisits.push(visitRow(device, p, 'first', false));
    return { ok: true };
  });
  if (firstVisits.length > 0) await tx.insert(visits).values(firstVisits);
  return out;
}
