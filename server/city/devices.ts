// Device lifecycle on the city side: an administrator creates a device (getting its one-time
// enrolment code), the device enrols once to get its token, and an administrator can revoke it.
import { randomUUID } from 'node:crypto';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { hashEnrollmentCode, newDeviceToken, newEnrollmentCode, sha256 } from '../http/auth';
import type { CityDb } from '../store/db';
import { devices, quarantine } from '../store/schema';

export async function createDevice(db: CityDb, countyCode: string, name: string) {
  const enrollmentCode = newEnrollmentCode();
  const id = randomUUID();
  const deviceCode = await db.transaction(async (tx) => {
    // Device codes are sequential per county; the lock keeps two concurrent creations from
    // picking the same number (the unique index would otherwise turn one into a 500).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'device_code:' + countyCode}))`);
    const [row] = await tx.select({ n: count() }).from(devices).where(eq(devices.countyCode, countyCode));
    const code = `D${String((row?.n ?? 0) + 1).padStart(3, '0')}`;
    await tx.insert(devices).values({ id, countyCode, name, deviceCode: code, enrollmentCodeHash: hashEnrollmentCode(enrollmentCode) });
    return code;
  });
  return { deviceId: id, enrollmentCode, deviceCode, countyCode };
}

/** Spends the enrolment code and issues the device token; null when the code is unknown, used or revoked. */
export async function enrollDevice(db: CityDb, code: string, enrolledName: string) {
  const token = newDeviceToken();
  const now = new Date();
  // One conditional UPDATE, so two devices racing with the same code cannot both win.
  const [row] = await db
    .update(devices)
    .set({ tokenHash: sha256(token), enrolledName, enrollmentUsedAt: now, enrolledAt: now })
    .where(and(eq(devices.enrollmentCodeHash, hashEnrollmentCode(code)), isNull(devices.enrollmentUsedAt), isNull(devices.revokedAt)))
    .returning({ deviceId: devices.id, deviceCode: devices.deviceCode, countyCode: devices.countyCode });
  return row ? { ...row, token } : null;
}

/** false when there is no such device. Revoking twice keeps the first revocation time. */
export async function revokeDevice(db: CityDb, deviceId: string): Promise<boolean> {
  const rows = await db
    .update(devices)
    .set({ revokedAt: sql`coalesce(${devices.revokedAt}, now())` })
    .where(eq(devices.id, deviceId))
    .returning({ id: devices.id });
  return rows.length > 0;
}

export async function getDeviceInfo(db: CityDb, deviceId: string) {
  const [d] = await db.select().from(devices).where(eq(devices.id, deviceId));
  if (!d) return null;
  const [q] = await db.select({ n: count() }).from(quarantine).where(eq(quarantine.deviceId, deviceId));
  return {
    deviceId: d.id,
    countyCode: d.countyCode,
    deviceCode: d.deviceCode,
    name: d.name,
    enrolledName: d.enrolledName,
    lastSeq: d.lastSeq,
    revoked: d.revokedAt !== null,
    revokedAt: d.revokedAt?.toISOString() ?? null,
    enrolled: d.enrolledAt !== null,
    enrolledAt: d.enrolledAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    quarantinedCount: q?.n ?? 0,
  };
}
