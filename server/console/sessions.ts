// Console sessions (DESIGN.md §6): a random token in the cookie, its hash in console_sessions,
// and a CSRF token of its own that the console echoes in a header on every change. A session
// idle longer than the limit is ended on its next use; signing out, a password change and
// disabling an account end every session of that person.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne } from 'drizzle-orm';
import type { CityStaff } from '../../domain/console/session';
import type { CityDb } from '../store/db';
import { cityStaff, consoleSessions } from '../store/schema';
import { toStaff } from './staff';

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');
/** lastSeenAt is written at most this often: a console's burst of calls costs one write. */
const TOUCH_EVERY_MS = 30_000;

export async function openSession(db: CityDb, staffId: string, idleMinutes: number, now = new Date()): Promise<{ token: string; csrfToken: string }> {
  // Sessions nobody came back to are cleared here, where sessions begin, rather than by a timer.
  await db.delete(consoleSessions).where(lt(consoleSessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000)));
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.insert(consoleSessions).values({ tokenHash: hash(token), staffId, csrfToken });
  return { token, csrfToken };
}

export interface LiveSession {
  staff: CityStaff;
  csrfToken: string;
}

/** The session of a cookie's token, refreshed; null when unknown, idle too long, or its account is disabled. */
export async function findSession(db: CityDb, token: string, idleMinutes: number, now = new Date()): Promise<LiveSession | null> {
  const [row] = await db
    .select({ session: consoleSessions, staff: cityStaff })
    .from(consoleSessions)
    .innerJoin(cityStaff, eq(cityStaff.staffId, consoleSessions.staffId))
    .where(eq(consoleSessions.tokenHash, hash(token)));
  if (!row) return null;
  const idleMs = now.getTime() - row.session.lastSeenAt.getTime();
  if (idleMs > idleMinutes * 60_000 || row.staff.disabled) {
    await db.delete(consoleSessions).where(eq(consoleSessions.tokenHash, row.session.tokenHash));
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) await db.update(consoleSessions).set({ lastSeenAt: now }).where(eq(consoleSessions.tokenHash, row.session.tokenHash));
  return { staff: toStaff(row.staff), csrfToken: row.session.csrfToken };
}

export async function closeSession(db: CityDb, token: string): Promise<void> {
  await db.delete(consoleSessions).where(eq(consoleSessions.tokenHash, hash(token)));
}

/** Every session of the person but the one kept (after a password change, the one that made it). */
export async function closeSessionsOf(db: CityDb, staffId: string, keepToken?: string): Promise<void> {
  const others = keepToken === undefined ? undefined : ne(consoleSessions.tokenHash, hash(keepToken));
  await db.delete(consoleSessions).where(and(eq(consoleSessions.staffId, staffId), others));
}
