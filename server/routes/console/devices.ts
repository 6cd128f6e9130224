// The console's devices (issue #14): list them with what they last reported, make one (its
// enrolment code shown once), revoke one, read the records the city refused from it, and check
// the audit trail it sent (issue #11).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consoleDeviceSchema, createConsoleDeviceSchema, createdDeviceSchema, refusedRecordSchema } from '../../../domain/console/devices';
import { auditVerdictSchema } from '../../../domain/staff/auditVerdict';
import { listDevices, refusedRecords } from '../../city/deviceList';
import { checkDeviceAudit } from '../../city/deviceAudit';
import { createDevice, getDeviceInfo, revokeDevice } from '../../city/devices';
import { recordAudit } from '../../console/audit';
import { actorOf, requireStaff, staffOf, type ConsoleConfig } from '../../console/guard';
import { HttpError } from '../../http/errors';
import { consoleDoc } from './doc';

const params = z.strictObject({ deviceId: z.uuid() });

export const consoleDeviceRoutes: FastifyPluginAsyncZod<ConsoleConfig> = async (app, config) => {
  const { db } = config;
  const read = requireStaff(config, 'devices.read');
  const manage = requireStaff(config, 'devices.manage');

  app.get('/api/console/devices', { onRequest: read, schema: { ...consoleDoc, response: { 200: z.object({ devices: z.array(consoleDeviceSchema) }) } } }, async () => ({
    devices: await listDevices(db),
  }));

  app.post('/api/console/devices', { onRequest: manage, schema: { ...consoleDoc, body: createConsoleDeviceSchema, response: { 201: createdDeviceSchema } } }, async (request, reply) => {
    const created = await createDevice(db, request.body.countyCode, request.body.name);
    await recordAudit(db, actorOf(staffOf(request)), 'device.created', created.deviceId, { countyCode: created.countyCode, deviceCode: created.deviceCode, name: request.body.name });
    return reply.status(201).send(created);
  });

  app.post('/api/console/devices/:deviceId/revoke', { onRequest: manage, schema: { ...consoleDoc, params, response: { 204: z.undefined() } } }, async (request, reply) => {
    if (!(await revokeDevice(db, request.params.deviceId))) throw new HttpError(404, 'device_not_found', '没有这台设备 / no such device');
    await recordAudit(db, actorOf(staffOf(request)), 'device.revoked', request.params.deviceId);
    return reply.status(204).send();
  });

  app.get(
    '/api/console/devices/:deviceId/refused',
    { onRequest: read, schema: { ...consoleDoc, params, response: { 200: z.object({ records: z.array(refusedRecordSchema) }) } } },
    async (request) => ({ records: await refusedRecords(db, request.params.deviceId) }),
  );

  app.get(
    '/api/console/devices/:deviceId/audit',
    { onRequest: read, schema: { ...consoleDoc, params, response: { 200: z.object({ verdict: auditVerdictSchema }) } } },
    async (request) => {
      if (!(await getDeviceInfo(db, request.params.deviceId))) throw new HttpError(404, 'device_not_found', '没有这台设备 / no such device');
      return { verdict: await checkDeviceAudit(db, request.params.deviceId) };
    },
  );
};
