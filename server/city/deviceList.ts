// The devices as the console lists them (issue #14): each with its count of refused records, and
// what it reported at its last pull or push (the device's own word, shown as such).
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import type { ConsoleDevice } from '../../domain/console/devices';
import { DEVICE_REPORT_HEADERS } from '../../domain/sync/pull';
import type { CityDb } from '../store/db';
import { devices, quarantine } from '../store/schema';

export async function listDevices(db: CityDb): Promise<ConsoleDevice[]> {
  const refused = db.select({ deviceId: quarantine.deviceId, n: count().as('n') }).from(quarantine).groupBy(quarantine.deviceId).as('refused');
  const rows = await db
    .select({ d: devices, quarantined: sql<number>`coalesce(${refused.n}, 0)`.mapWith(Number) })
    .from(devices)
    .leftJoin(refused, eq(refused.deviceId, devices.id))
    .orderBy(asc(devices.countyCode), asc(devices.deviceCode));
  return rows.map(({ d, quarantined }) => ({
    deviceId: d.id,
    countyCode: d.countyCode,
    deviceCode: d.deviceCode,
    name: d.name,
    enrolledName: d.enrolledName,
    enrolled: d.enrolledAt !== null,
    enrollmentExpiresAt: d.enrollmentExpiresAt.toISOString(),
    revoked: d.revokedAt !== null,
    lastContactAt: d.lastContactAt?.toISOString() ?? null,
    lastSeq: d.lastSeq,
    appVersion: d.appVersion,
    backlog: d.backlog,
    quarantined,
  }));
}

export async function refusedRecords(db: CityDb, deviceId: string, limit = 500) {
  const rows = await db.select().from(quarantine).where(eq(quarantine.deviceId, deviceId)).orderBy(desc(quarantine.seq)).limit(limit);
  return rows.map((r) => ({ seq: r.seq, type: r.type, entityId: r.entityId, occurredAt: r.occurredAt, code: r.code, message: r.message, receivedAt: r.receivedAt.toISOString() }));
}

/** What the device says of itself in its headers (pull: both, push: its version); a value that does not fit is left out. */
export function deviceReport(headers: Record<string, string | string[] | undefined>): { appVersion?: string; backlog?: number } {
  const version = headers[DEVICE_REPORT_HEADERS.appVersion];
  const backlog = Number(headers[DEVICE_REPORT_HEADERS.backlog]);
  return {
    ...(typeof version === 'string' && /^[\w.+-]{1,40}$/.test(version) ? { appVersion: version } : {}),
    ...(Number.isSafeInteger(backlog) && backlog >= 0 && headers[DEVICE_REPORT_HEADERS.backlog] !== '' ? { backlog } : {}),
  };
}

/** A pull is the device's contact with the city; it may say its version and what waits on it. */
export async function recordContact(db: CityDb, deviceId: string, report: { appVersion?: string; backlog?: number }): Promise<void> {
  await db
    .update(devices)
    .set({ lastContactAt: new Date(), ...(report.appVersion !== undefined ? { appVersion: report.appVersion } : {}), ...(report.backlog !== undefined ? { backlog: report.backlog } : {}) })
    .where(eq(devices.id, deviceId));
}
