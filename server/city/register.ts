// The city's register for the console (issue #14): matters across counties by filter, and one
// matter's full record with the timeline replayed from the events its window sent. Identities
// are masked unless the reader's role may see them (domain/console/roles.ts).
import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ConsoleVisitor, RegisterQuery, RegisterRow } from '../../domain/console/matters';
import type { PersonPayload } from '../../domain/intake/events';
import { maskListedIdNumber, seesIdentity, type CityRole } from '../../domain/console/roles';
import { COMMAND_LABELS, type CommandType } from '../../domain/matters/commands';
import { STATE_LABELS, type MatterState } from '../../domain/matters/states';
import { maskName } from '../../domain/staff/roles';
import { EVENT_TYPE_LABELS, type EventType } from '../../domain/sync/events';
import { personFromWire } from '../../domain/sync/wireCredential';
import type { CityDb } from '../store/db';
import { events, matters } from '../store/schema';

type MatterRow = typeof matters.$inferSelect;

export const isProtected = (m: Pick<MatterRow, 'lifecycle'>) => (m.lifecycle as { protectReporter?: boolean } | null)?.protectReporter === true;

const beijingMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const dayAfter = (day: string) => new Date(beijingMidnight(day).getTime() + 86_400_000);

export function toRegisterRow(m: MatterRow, role: CityRole): RegisterRow {
  const masked = !seesIdentity(role, isProtected(m));
  return {
    matterId: m.matterId,
    matterNo: m.matterNo,
    countyCode: m.countyCode,
    receivedAt: m.receivedAt.toISOString(),
    status: m.status,
    categoryCode: m.categoryCode,
    channel: m.channel,
    headcount: m.headcount,
    summary: m.summary,
    visitorName: masked ? maskName(m.visitorName) : m.visitorName,
    idNumber: masked ? maskListedIdNumber(m.idNumber) : m.idNumber,
    masked,
  };
}

export async function listRegister(db: CityDb, q: RegisterQuery, role: CityRole): Promise<RegisterRow[]> {
  const where: SQL[] = [];
  if (q.countyCode) where.push(eq(matters.countyCode, q.countyCode));
  if (q.status) where.push(eq(matters.status, q.status));
  if (q.categoryCode) where.push(eq(matters.categoryCode, q.categoryCode));
  if (q.from) where.push(gte(matters.receivedAt, beijingMidnight(q.from)));
  if (q.to) where.push(lt(matters.receivedAt, dayAfter(q.to)));
  if (q.text) {
    const like = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(matters.matterNo, like), ilike(matters.summary, like), ilike(matters.respondent, like))!);
  }
  const rows = await db
    .select()
    .from(matters)
    .where(and(...where))
    .orderBy(desc(matters.receivedAt), asc(matters.matterNo))
    .limit(q.limit)
    .offset(q.offset);
  return rows.map((m) => toRegisterRow(m, role));
}

export async function registerRowsByIds(db: CityDb, ids: string[], role: CityRole): Promise<RegisterRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(matters).where(inArray(matters.matterId, ids)).orderBy(desc(matters.receivedAt));
  return rows.map((m) => toRegisterRow(m, role));
}

/** One line of the timeline for an event, in words; the payloads were checked against their schemas on arrival. */
function describe(type: EventType, payload: Record<string, unknown>): { label?: string; detail: string } {
  if (type === 'matter.registered') return { label: '登记', detail: String(payload.summary) };
  if (type === 'matter.transitioned') {
    const p = payload as { from: MatterState; to: MatterState; command: { type: CommandType } };
    return { label: COMMAND_LABELS[p.command.type], detail: `${STATE_LABELS[p.from]} → ${STATE_LABELS[p.to]}` };
  }
  if (type === 'supervision.issued') return { detail: `${String(payload.noticeNo)}：${String(payload.content)}（限 ${String(payload.dueOn)} 前）` };
  if (type === 'leaderCase.assigned') return { detail: `包案领导 ${String(payload.leader)}，承办 ${String(payload.staff)}，限 ${String(payload.dueOn)}` };
  return { detail: '' };
}

/** The stored visitor was checked against personPayload on arrival. */
function consoleVisitor(stored: PersonPayload, row: RegisterRow): ConsoleVisitor {
  const whole = personFromWire(stored);
  return row.masked ? { name: row.visitorName, idType: whole.idType, idNumber: row.idNumber, masked: true } : { ...whole, masked: false };
}

export async function matterRecord(db: CityDb, matterId: string, role: CityRole) {
  const [m] = await db.select().from(matters).where(eq(matters.matterId, matterId));
  if (!m) return null;
  const row = toRegisterRow(m, role);
  // A matter's events came from the device that registered it: its rows are found by their key's first column.
  const steps = await db
    .select({ type: events.type, occurredAt: events.occurredAt, payload: events.payload })
    .from(events)
    .where(and(eq(events.deviceId, m.deviceId), or(eq(events.entityId, matterId), sql`${events.payload}->>'matterId' = ${matterId}`)))
    .orderBy(asc(events.seq));
  return {
    row,
    respondent: m.respondent,
    facts: m.facts,
    placeRegion: m.placeRegion,
    visitor: consoleVisitor(m.visitor as PersonPayload, row),
    timeline: steps.map((s) => {
      const { label, detail } = describe(s.type, s.payload as Record<string, unknown>);
      return { at: s.occurredAt, type: s.type, label: label ?? EVENT_TYPE_LABELS[s.type], detail };
    }),
  };
}
