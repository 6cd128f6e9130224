// The administrator's accounts page (DESIGN.md §6): list, create, reset a password (to be changed
// at the next sign-in) and disable city staff accounts. Every change is audited.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cityStaffSchema, createStaffInputSchema, resetStaffPasswordInputSchema, setStaffDisabledInputSchema } from '../../../domain/console/session';
import { recordAudit } from '../../console/audit';
import { actorOf, requireStaff, staffOf, type ConsoleConfig } from '../../console/guard';
import { closeSessionsOf } from '../../console/sessions';
import { createStaff, listStaff, resetPassword, setDisabled } from '../../console/staff';
import { HttpError } from '../../http/errors';
import { consoleDoc } from './doc';

const params = z.strictObject({ staffId: z.uuid() });
const noSuchStaff = () => new HttpError(404, 'staff_not_found', '没有这个账号 / no such account');

export const consoleStaffRoutes: FastifyPluginAsyncZod<ConsoleConfig> = async (app, config) => {
  const { db, scryptCost } = config;
  app.addHook('onRequest', requireStaff(config, 'staff.manage'));

  app.get('/api/console/staff', { schema: { ...consoleDoc, response: { 200: z.object({ staff: z.array(cityStaffSchema) }) } } }, async () => ({ staff: await listStaff(db) }));

  app.post('/api/console/staff', { schema: { ...consoleDoc, body: createStaffInputSchema, response: { 201: cityStaffSchema } } }, async (request, reply) => {
    const created = await createStaff(db, request.body, scryptCost);
    if (!created) throw new HttpError(409, 'user_no_taken', `工号 ${request.body.userNo} 已被使用 / user number taken`);
    await recordAudit(db, actorOf(staffOf(request)), 'staff.created', created.userNo, { role: created.role });
    return reply.status(201).send(created);
  });

  app.post(
    '/api/console/staff/:staffId/password',
    { schema: { ...consoleDoc, params, body: resetStaffPasswordInputSchema, response: { 200: cityStaffSchema } } },
    async (request) => {
      const staff = await resetPassword(db, request.params.staffId, request.body.password, scryptCost);
      if (!staff) throw noSuchStaff();
      await closeSessionsOf(db, staff.staffId);
      await recordAudit(db, actorOf(staffOf(request)), 'staff.passwordReset', staff.userNo);
      return staff;
    },
  );

  app.post(
    '/api/console/staff/:staffId/disabled',
    { schema: { ...consoleDoc, params, body: setStaffDisabledInputSchema, response: { 200: cityStaffSchema } } },
    async (request) => {
      const me = staffOf(request);
      if (request.params.staffId === me.staffId) throw new HttpError(400, 'cannot_disable_self', '不能停用自己的账号 / you cannot disable your own account');
      const staff = await setDisabled(db, request.params.staffId, request.body.disabled);
      if (!staff) throw noSuchStaff();
      if (staff.disabled) await closeSessionsOf(db, staff.staffId);
      await recordAudit(db, actorOf(me), staff.disabled ? 'staff.disabled' : 'staff.enabled', staff.userNo);
      return staff;
    },
  );
};
