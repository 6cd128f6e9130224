// A console user in the city server tests: set up the first administrator, sign in, and call the
// console API with the session cookie and the CSRF token, as the console's pages do.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { CityRole } from '../../domain/console/roles';
import { ADMIN_TOKEN } from './cityFixtures';

export const ADMIN_PASSWORD = 'Admin12345';

export interface ConsoleUser {
  cookie: string;
  csrfToken: string;
  call(method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export function cookieOf(r: LightMyRequestResponse): string {
  const set = String(r.headers['set-cookie'] ?? '');
  return set.split(';')[0]!;
}

function user(app: FastifyInstance, r: LightMyRequestResponse): ConsoleUser {
  if (r.statusCode >= 300) throw new Error(`sign-in: ${r.statusCode} ${r.body}`);
  const cookie = cookieOf(r);
  const csrfToken = r.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    call: (method, url, payload) =>
      app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrfToken }, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) }),
  };
}

export async function setUpAdmin(app: FastifyInstance, userNo = 'admin'): Promise<ConsoleUser> {
  const r = await app.inject({ method: 'POST', url: '/api/console/setup', payload: { adminToken: ADMIN_TOKEN, userNo, name: '市局管理员', password: ADMIN_PASSWORD } });
  return user(app, r);
}

export async function signIn(app: FastifyInstance, userNo: string, password: string): Promise<ConsoleUser> {
  return user(app, await app.inject({ method: 'POST', url: '/api/console/login', payload: { userNo, password } }));
}

/** An account of the role, made by the administrator, its first password already changed. */
export async function staffMember(app: FastifyInstance, admin: ConsoleUser, role: CityRole, userNo: string = role): Promise<ConsoleUser> {
  const made = await admin.call('POST', '/api/console/staff', { userNo, name: `${role}用户`, role, password: 'First12345' });
  if (made.statusCode !== 201) throw new Error(`create staff: ${made.statusCode} ${made.body}`);
  const first = await signIn(app, userNo, 'First12345');
  const changed = await first.call('POST', '/api/console/password', { current: 'First12345', next: 'Second12345' });
  if (changed.statusCode !== 200) throw new Error(`change password: ${changed.statusCode} ${changed.body}`);
  return first;
}

/** Every route of the app as method and path, read from Fastify's printed route tree. */
export function routesOf(app: FastifyInstance): { method: string; path: string }[] {
  const stack: string[] = [];
  const routes: { method: string; path: string }[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ├└─]*)(\S+) \(([^)]+)\)$/.exec(line);
    if (!m) continue;
    const depth = [...m[1]!].length / 4 - 1;
    const parent = depth === 0 ? '' : stack[depth - 1]!;
    const segment = m[2]!;
    // A node's text continues its parent's path as it stands ('/' + 'api/…', '/figures' + '.xlsx').
    const path = parent + segment;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of m[3]!.split(', ')) routes.push({ method, path });
  }
  return routes;
}
