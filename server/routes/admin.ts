// Administration over HTTP (DESIGN.md §5), all behind `Authorization: Bearer $CITY_ADMIN_TOKEN`:
// create, inspect and revoke devices, and read the city's matters.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createDevice, DEFAULT_ENROLLMENT_DAYS, getDeviceInfo, MAX_ENROLLMENT_DAYS, revokeDevice } from '../city/devices';
import { cityMatterSchema, listMatters, matterQuerySchema } from '../city/matters';
import { requireAdmin } from '../http/auth';
import { HttpError } from '../http/errors';
import type { CityDb } from '../store/db';

const createDeviceBody = z.strictObject({
  countyCode: z.string().regex(/^\d{6}$/, { error: '县级行政区划代码应为6位数字 / countyCode must be 6 digits' }),
  name: z.string().trim().min(1).max(100),
  /** Days the enrolment code stays good. */
  enrollmentValidDays: z.number().int().min(1).max(MAX_ENROLLMENT_DAYS).default(DEFAULT_ENROLLMENT_DAYS),
});
const deviceParams = z.strictObject({ deviceId: z.uuid() });

const deviceNotFound = () => new HttpError(404, 'device_not_found', '没有这台设备 / no such device');

export const adminRoutes: FastifyPluginAsyncZod<{ db: CityDb; adminToken: string }> = async (app, { db, adminToken }) => {
  app.addHook('onRequest', requireAdmin(adminToken));
  const doc = { tags: ['admin'], security: [{ adminToken: [] }] };

  app.post(
    '/api/v1/admin/devices',
    {
      schema: {
        ...doc,
        body: createDeviceBody,
        response: {
          201: z.object({ deviceId: z.string(), enrollmentCode: z.string(), enrollmentExpiresAt: z.string(), deviceCode: z.string(), countyCode: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const { countyCode, name, enrollmentValidDays } = request.body;
      return reply.status(201).send(await createDevice(db, countyCode, name, enrollmentValidDays));
    },
  );

  app.post(
    '/api/v1/admin/devices/:deviceId/revoke',
    { schema: { ...doc, params: deviceParams, response: { 204: z.undefined() } } },
    async (request, reply) => {
      if (!(await revokeDevice(db, request.params.deviceId))) throw deviceNotFound();
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/admin/devices/:deviceId',
    {
      schema: {
        ...doc,
        params: deviceParams,
        response: {
          200: z.object({
            deviceId: z.string(),
            countyCode: z.string(),
            deviceCode: z.string(),
            name: z.string(),
            enrolledName: z.string().nullable(),
            lastSeq: z.number().int(),
            revoked: z.boolean(),
            revokedAt: z.string().nullable(),
            enrolled: z.boolean(),
            enrolledAt: z.string().nullable(),
            enrollmentExpiresAt: z.string(),
            createdAt: z.string(),
            quarantinedCount: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const info = await getDeviceInfo(db, request.params.deviceId);
      if (!info) throw deviceNotFound();
      return info;
    },
  );

  app.get(
    '/api/v1/admin/matters',
    { schema: { ...doc, querystring: matterQuerySchema, response: { 200: z.object({ matters: z.array(cityMatterSchema) }) } } },
    async (request) => ({ matters: await listMatters(db, request.query) }),
  );
};
