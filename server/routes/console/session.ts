// The console's sign-in routes (DESIGN.md §6): the one-time set-up of the first administrator
// with CITY_ADMIN_TOKEN, sign-in and sign-out, what the console learns at start, and a password change.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordInputSchema, loginInputSchema, sessionStateSchema, setupInputSchema, type CityStaff, type SessionState } from '../../../domain/console/session';
import { recordAudit } from '../../console/audit';
import { clearedSessionCookie, sessionCookie, sessionTokenOf } from '../../console/cookies';
import { actorOf, requireStaff, staffOf, type ConsoleConfig } from '../../console/guard';
import { closeSession, closeSessionsOf, findSession, openSession } from '../../console/sessions';
import { changePassword, checkLogin, createFirstAdmin, staffCount } from '../../console/staff';
import { HttpError } from '../../http/errors';
import { consoleDoc, openConsoleDoc } from './doc';

const digest = (s: string) => createHash('sha256').update(s).digest();

export const consoleSessionRoutes: FastifyPluginAsyncZod<ConsoleConfig> = async (app, config) => {
  const { db, idleMinutes, secureCookies, scryptCost } = config;
  // Each attempt is a guess at a password or at the set-up token.
  const guessLimit = { rateLimit: { max: config.signInsPerMinute, timeWindow: '1 minute' } };
  const state = (staff: CityStaff | null, csrfToken: string | null, setupNeeded = false): SessionState => ({ setupNeeded, staff, csrfToken, idleMinutes });

  async function signIn(reply: FastifyReply, staff: CityStaff): Promise<SessionState> {
    const { token, csrfToken } = await openSession(db, staff.staffId, idleMinutes);
    reply.header('set-cookie', sessionCookie(token, secureCookies));
    return state(staff, csrfToken);
  }

  app.get('/api/console/session', { schema: { ...openConsoleDoc, response: { 200: sessionStateSchema } } }, async (request) => {
    const token = sessionTokenOf(request);
    const session = token === null ? null : await findSession(db, token, idleMinutes);
    if (session) return state(session.staff, session.csrfToken);
    return state(null, null, (await staffCount(db)) === 0);
  });

  app.post('/api/console/setup', { config: guessLimit, schema: { ...openConsoleDoc, body: setupInputSchema, response: { 201: sessionStateSchema } } }, async (request, reply) => {
    const { adminToken, ...admin } = request.body;
    if (!timingSafeEqual(digest(adminToken), digest(config.adminToken))) {
      throw new HttpError(401, 'invalid_setup_token', '启动令牌不正确 / the set-up token is wrong');
    }
    const staff = await createFirstAdmin(db, admin, scryptCost);
    if (!staff) throw new HttpError(409, 'setup_done', '管理员已经设置，请登录 / the first administrator exists already');
    await recordAudit(db, { staffId: null, label: '启动令牌' }, 'staff.setup', staff.userNo);
    return reply.status(201).send(await signIn(reply, staff));
  });

  app.post('/api/console/login', { config: guessLimit, schema: { ...openConsoleDoc, body: loginInputSchema, response: { 200: sessionStateSchema } } }, async (request, reply) => {
    const { userNo, password } = request.body;
    const outcome = await checkLogin(db, userNo, password, new Date(), scryptCost);
    if (!outcome.ok) {
      await recordAudit(db, { staffId: outcome.staffId ?? null, label: userNo }, 'login.failed', userNo, { code: outcome.code });
      if (outcome.code === 'account_locked') {
        const until = new Date(outcome.lockedUntil!).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
        throw new HttpError(403, 'account_locked', `密码错误次数过多，账号已锁定，请于 ${until} 后再试 / too many wrong passwords, account locked`);
      }
      if (outcome.code === 'account_disabled') throw new HttpError(403, 'account_disabled', '该账号已停用 / this account is disabled');
      throw new HttpError(401, 'invalid_credentials', '工号或密码不正确 / wrong user number or password');
    }
    await recordAudit(db, actorOf(outcome.staff), 'login', userNo);
    return signIn(reply, outcome.staff);
  });

  app.post(
    '/api/console/logout',
    { onRequest: requireStaff(config, undefined, { passwordChange: true }), schema: { ...consoleDoc, response: { 204: z.undefined() } } },
    async (request, reply) => {
      await closeSession(db, sessionTokenOf(request)!);
      return reply.header('set-cookie', clearedSessionCookie(secureCookies)).status(204).send();
    },
  );

  app.post(
    '/api/console/password',
    { onRequest: requireStaff(config, undefined, { passwordChange: true }), schema: { ...consoleDoc, body: changePasswordInputSchema, response: { 200: sessionStateSchema } } },
    async (request) => {
      const staff = staffOf(request);
      const token = sessionTokenOf(request)!;
      if (!(await changePassword(db, staff.staffId, request.body.current, request.body.next, scryptCost))) {
        throw new HttpError(400, 'wrong_password', '当前密码不正确 / the current password is wrong');
      }
      // Anyone who had the old password is signed out everywhere else.
      await closeSessionsOf(db, staff.staffId, token);
      await recordAudit(db, actorOf(staff), 'password.changed', staff.userNo);
      const session = await findSession(db, token, idleMinutes);
      return state(session!.staff, session!.csrfToken);
    },
  );
};
