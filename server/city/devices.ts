// Device lifecycle on the city side: an administrator creates a device (getting its one-time
// enrolment code, good for some days), the device enrols once to get its token, may swap that
// token for a new one, and an administrator can revoke it.
import { randomUUID } from 'node:crypto';
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { CityDb } from '../store/db';
import { devices, quarantine } from '../store/schema';
import { hashEnrollmentCode, newDeviceToken, newEnrollmentCode, sha256 } from './credentials';

/** How long an enrolment code stays good unless the administrator says otherwise. */
export const DEFAULT_ENROLLMENT_DAYS = 7;
export const MAX_ENROLLMENT_DAYS = 30;

export async function createDevice(db: CityDb, countyCode: string, name: string, validDays = DEFAULT_ENROLLMENT_DAYS) {
  const enrollmentCode = newEnrollmentCode();
  const id = randomUUID();
  const enrollmentExpiresAt = new Date(Date.now() + validDays * 86_400_000);
  const deviceCode = await db.transaction(async (tx) => {
    // Device codes are sequential per county; the lock keeps two concurrent creations from
    // picking the same number (the unique index would otherwise turn one into a 500).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'device_code:' + countyCode}))`);
    const [row] = await tx.select({ n: count() }).from(devices).where(eq(devices.countyCode, countyCode));
    const code = `D${String((row?.n ?? 0) + 1).padStart(3, '0')}`;
    await tx.insert(devices).values({ id, countyCode, name, deviceCode: code, enrollmentCodeHash: hashEnrollmentCode(enrollmentCode), enrollmentExpiresAt });
    return code;
  });
  return { deviceId: id, enrollmentCode, enrollmentExpiresAt: enrollmentExpiresAt.toISOString(), deviceCode, countyCode };
}

/** Spends the enrolment code and issues the device token; null when the code is unknown, used, expired or revoked. */
export async function enrollDevice(db: CityDb, code: string, enrolledName: string) {
  const token = newDeviceToken();
  const now = new Date();
  // One conditional UPDATE, so two devices racing with the same code cannot both win.
  const [row] = await db
    .update(devices)
    .set({ tokenHash: sha256(token), enrolledName, enrollmentUsedAt: now, enrolledAt: now })
    .where(
      and(
        eq(devices.enrollmentCodeHash, hashEnrollmentCode(code)),
        isNull(devices.enrollmentUsedAt),
        isNull(devices.revokedAt),
        gt(devices.enrollmentExpiresAt, now),
      ),
    )
    .returning({ deviceId: devices.id, deviceCode: devices.deviceCode, countyCode: devices.countyCode });
  return row ? { ...row, token } : null;
}

/**
 * Replaces the token the device called with by a new one; null when that token is no longer the
 * device's (another rotation won, or the device was revoked meanwhile).
 */
export async function rotateDeviceToken(db: CityDb, deviceId: string, presentedToken: string): Promise<string | null> {
  const token = newDeviceToken();
  const rows = await db
    .update(devices)
    .set({ tokenHash: sha256(token) })
    .where(and(eq(devices.id, deviceId), eq(devices.tokenHash, sha256(presentedToken)), isNull(devices.revokedAt)))
    .returning({ id: devices.id });
  return rows.length > 0 ? token : null;
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
    enrollmentExpiresAt: d.enrollmentExpiresAt.toISOString(),
    createdAt: d.createdAt.toISOString(),
    quarantinedCount: q?.n ?? 0,
  };
}
