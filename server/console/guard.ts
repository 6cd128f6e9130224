// Who is calling the console's API (DESIGN.md §6): the staff member of the session cookie, who
// must send the session's CSRF token with every call that changes something, must have changed a
// first password before anything else, and may use only what CONSOLE_ACCESS gives the role.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { may, type ConsoleCapability } from '../../domain/console/access';
import { CSRF_HEADER, type CityStaff } from '../../domain/console/session';
import { HttpError } from '../http/errors';
import type { CityDb } from '../store/db';
import type { Actor } from './audit';
import { clearedSessionCookie, sessionTokenOf } from './cookies';
import { findSession } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in console user; set by requireStaff. */
    staff: CityStaff | null;
  }
}

export interface ConsoleConfig {
  db: CityDb;
  adminToken: string;
  idleMinutes: number;
  signInsPerMinute: number;
  /** Cookies marked Secure: the server speaks HTTPS. */
  secureCookies: boolean;
  /** scrypt cost of new password hashes (tests make it small). */
  scryptCost?: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const notSignedIn = () => new HttpError(401, 'not_signed_in', '请先登录 / sign in first');

/** `capability` undefined: anyone signed in; `passwordChange`: the one call open before the first password is changed. */
export function requireStaff(config: ConsoleConfig, capability?: ConsoleCapability, { passwordChange = false } = {}): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const token = sessionTokenOf(request);
    if (token === null) throw notSignedIn();
    const session = await findSession(config.db, token, config.idleMinutes);
    if (!session) {
      reply.header('set-cookie', clearedSessionCookie(config.secureCookies));
      throw new HttpError(401, 'session_expired', '登录已过期，请重新登录 / session expired, sign in again');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !sameToken(given, session.csrfToken)) {
        throw new HttpError(403, 'csrf_refused', '请求缺少有效的防伪令牌，请刷新页面后重试 / missing or wrong CSRF token');
      }
    }
    if (session.staff.mustChangePassword && !passwordChange) {
      throw new HttpError(403, 'password_change_required', '请先修改初始密码 / change your first password first');
    }
    if (capability && !may(session.staff.role, capability)) throw new HttpError(403, 'forbidden', '您的角色无权使用此功能 / your role may not do this');
    request.staff = session.staff;
  };
}

export function actorOf(staff: CityStaff): Actor {
  return { staffId: staff.staffId, label: `${staff.name}（${staff.userNo}）` };
}

/** The signed-in staff member of a route behind requireStaff. */
export function staffOf(request: FastifyRequest): CityStaff {
  if (!request.staff) throw notSignedIn();
  return request.staff;
}
