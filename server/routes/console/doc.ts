// How the console's routes read in the OpenAPI document: every one says what admits a caller —
// the session cookie (with its CSRF header on writes), or nothing for the sign-in routes.
import { CSRF_HEADER, SESSION_COOKIE } from '../../../domain/console/session';

export const CONSOLE_SECURITY_SCHEME = {
  consoleSession: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: `控制台登录会话（写操作另需 ${CSRF_HEADER} 头）` },
} as const;

/** A route behind a signed-in session. */
export const consoleDoc = { tags: ['console'], security: [{ consoleSession: [] }] };
/** The routes a caller reaches before signing in (session state, first set-up, login). */
export const openConsoleDoc = { tags: ['console'], security: [] };
