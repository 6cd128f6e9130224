// City console accounts (DESIGN.md §6): the first administrator, made once with the set-up token,
// the accounts the administrator makes, sign-in with a wait after repeated wrong passwords, and
// password changes. A new or reset password must be changed at the next sign-in.
import { randomUUID } from 'node:crypto';
import { asc, count, eq, sql } from 'drizzle-orm';
import type { CityRole } from '../../domain/console/roles';
import { LOGIN_LOCK_MINUTES, MAX_FAILED_LOGINS, type CityStaff } from '../../domain/console/session';
import type { CityDb } from '../store/db';
import { cityStaff } from '../store/schema';
import { hashPassword, verifyPassword } from './passwords';

type Row = typeof cityStaff.$inferSelect;

export function toStaff(r: Row): CityStaff {
  return {
    staffId: r.staffId,
    userNo: r.userNo,
    name: r.name,
    role: r.role as CityRole,
    disabled: r.disabled,
    mustChangePassword: r.mustChangePassword,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function staffCount(db: CityDb): Promise<number> {
  const [row] = await db.select({ n: count() }).from(cityStaff);
  return row?.n ?? 0;
}

export interface NewStaff {
  userNo: string;
  name: string;
  role: CityRole;
  password: string;
}

/** The first administrator; null once any account exists (set-up is one-time). */
export async function createFirstAdmin(db: CityDb, input: Omit<NewStaff, 'role'>, cost?: number): Promise<CityStaff | null> {
  const passwordHash = await hashPassword(input.password, cost);
  return db.transaction(async (tx) => {
    // Two set-ups racing would otherwise both see an empty table.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('city_staff:setup'))`);
    if ((await staffCount(tx)) > 0) return null;
    const [row] = await tx.insert(cityStaff).values({ staffId: randomUUID(), userNo: input.userNo, name: input.name, role: 'admin', passwordHash }).returning();
    return toStaff(row!);
  });
}

/** null when the 工号 is taken. */
export async function createStaff(db: CityDb, input: NewStaff, cost?: number): Promise<CityStaff | null> {
  const passwordHash = await hashPassword(input.password, cost);
  const [row] = await db
    .insert(cityStaff)
    .values({ staffId: randomUUID(), userNo: input.userNo, name: input.name, role: input.role, passwordHash, mustChangePassword: true })
    .onConflictDoNothing()
    .returning();
  return row ? toStaff(row) : null;
}

export async function listStaff(db: CityDb): Promise<CityStaff[]> {
  return (await db.select().from(cityStaff).orderBy(asc(cityStaff.userNo))).map(toStaff);
}

export async function getStaff(db: CityDb, staffId: string): Promise<CityStaff | null> {
  const [row] = await db.select().from(cityStaff).where(eq(cityStaff.staffId, staffId));
  return row ? toStaff(row) : null;
}

export type LoginOutcome = { ok: true; staff: CityStaff } | { ok: false; code: 'invalid_credentials' | 'account_locked' | 'account_disabled'; lockedUntil?: string; staffId?: string };

// Checked against when the 工号 is unknown, so the answer takes as long as for a known one.
let decoy: Promise<string> | undefined;

export async function checkLogin(db: CityDb, userNo: string, password: string, now = new Date(), cost?: number): Promise<LoginOutcome> {
  const [row] = await db.select().from(cityStaff).where(eq(cityStaff.userNo, userNo));
  if (!row) {
    await verifyPassword(password, await (decoy ??= hashPassword(randomUUID(), cost)));
    return { ok: false, code: 'invalid_credentials' };
  }
  if (row.lockedUntil && row.lockedUntil > now) return { ok: false, code: 'account_locked', lockedUntil: row.lockedUntil.toISOString(), staffId: row.staffId };
  if (!(await verifyPassword(password, row.passwordHash))) {
    // Counted in the database, not read-then-written, so parallel guesses all count.
    const [after] = await db
      .update(cityStaff)
      .set({
        failedLogins: sql`${cityStaff.failedLogins} + 1`,
        lockedUntil: sql`case when ${cityStaff.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} then ${new Date(now.getTime() + LOGIN_LOCK_MINUTES * 60_000).toISOString()}::timestamptz else null end`,
      })
      .where(eq(cityStaff.staffId, row.staffId))
      .returning({ lockedUntil: cityStaff.lockedUntil });
    if (after?.lockedUntil) return { ok: false, code: 'account_locked', lockedUntil: after.lockedUntil.toISOString(), staffId: row.staffId };
    return { ok: false, code: 'invalid_credentials', staffId: row.staffId };
  }
  if (row.disabled) return { ok: false, code: 'account_disabled', staffId: row.staffId };
  // A wait served in full starts the count again.
  await db.update(cityStaff).set({ failedLogins: 0, lockedUntil: null }).where(eq(cityStaff.staffId, row.staffId));
  return { ok: true, staff: toStaff(row) };
}

/** false when the current password is wrong. */
export async function changePassword(db: CityDb, staffId: string, current: string, next: string, cost?: number): Promise<boolean> {
  const [row] = await db.select({ passwordHash: cityStaff.passwordHash }).from(cityStaff).where(eq(cityStaff.staffId, staffId));
  if (!row || !(await verifyPassword(current, row.passwordHash))) return false;
  await db
    .update(cityStaff)
    .set({ passwordHash: await hashPassword(next, cost), mustChangePassword: false })
    .where(eq(cityStaff.staffId, staffId));
  return true;
}

/** The administrator sets a password the person must change at the next sign-in; also lifts a wait. */
export async function resetPassword(db: CityDb, staffId: string, password: string, cost?: number): Promise<CityStaff | null> {
  const [row] = await db
    .update(cityStaff)
    .set({ passwordHash: await hashPassword(password, cost), mustChangePassword: true, failedLogins: 0, lockedUntil: null })
    .where(eq(cityStaff.staffId, staffId))
    .returning();
  return row ? toStaff(row) : null;
}

export async function setDisabled(db: CityDb, staffId: string, disabled: boolean): Promise<CityStaff | null> {
  const [row] = await db.update(cityStaff).set({ disabled }).where(eq(cityStaff.staffId, staffId)).returning();
  return row ? toStaff(row) : null;
}
