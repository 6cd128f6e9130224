// What the counties do about supervision, read from the city's record of their events (issue
// #14): whether the window resolved each city 督办 notice, and the counties' own 督办, 包案 and
// campaign events. Read by event type from the append-only record, newest first.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import type { EventType } from '../../domain/sync/events';
import type { CityDb } from '../store/db';
import { devices, events } from '../store/schema';
import { listNotices } from './supervision';

export async function noticesWithReplies(db: CityDb, today = chinaDateOf(new Date().toISOString())) {
  const notices = await listNotices(db);
  const ids = notices.map((n) => n.id);
  const resolved =
    ids.length === 0
      ? []
      : await db
          .select({ id: sql<string>`${events.payload}->>'supervisionId'`, at: sql<string>`${events.payload}->>'resolvedAt'` })
          .from(events)
          .where(and(eq(events.type, 'supervision.resolved'), inArray(sql`${events.payload}->>'supervisionId'`, ids)));
  const resolvedAt = new Map(resolved.map((r) => [r.id, r.at]));
  return notices.map((n) => {
    const at = resolvedAt.get(n.id) ?? null;
    return { ...n, resolvedAt: at, overdue: at === null && n.dueOn < today };
  });
}

const COUNTY_TYPES: readonly EventType[] = ['supervision.issued', 'supervision.resolved', 'leaderCase.assigned', 'campaign.created'];

/** The counties' events of `types` (by default all of the above), newest first. */
export async function countyEvents(db: CityDb, limit = 200, types: readonly EventType[] = COUNTY_TYPES) {
  const rows = await db
    .select({ countyCode: devices.countyCode, type: events.type, occurredAt: events.occurredAt, payload: events.payload })
    .from(events)
    .innerJoin(devices, eq(devices.id, events.deviceId))
    .where(inArray(events.type, [...types]))
    .orderBy(desc(events.receivedAt))
    .limit(limit);
  return rows;
}
