// Administration over HTTP (DESIGN.md §5), all behind `Authorization: Bearer $CITY_ADMIN_TOKEN`:
// create, inspect and revoke devices, and read the city's matters.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAdmin } from '../http/auth';
import type { CityDb } from '../store/db';
import { createDevice, getDeviceInfo, revokeDevice } from '../city/devices';
import { errorBodySchema, HttpError } from '../http/errors';
import { cityMatterSchema, listMatters, type MatterQuery, matterQuerySchema } from '../city/matters';

const createDeviceBody = z.strictObject({
  countyCode: z.string().regex(/^\d{6}$/, { error: '县级行政区划代码应为6位数字 / countyCode must be 6 digits' }),
  name: z.string().trim().min(1).max(100),
});
const deviceParams = z.strictObject({ deviceId: z.uuid() });
type DeviceParams = z.infer<typeof deviceParams>;

const deviceNotFound = () => new HttpError(404, 'device_not_found', '没有这台设备 / no such device');
const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema };

export function adminRoutes(app: FastifyInstance, { db, adminToken }: { db: CityDb; adminToken: string }): void {
  const base = { onRequest: requireAdmin(adminToken) };
  const security = [{ adminToken: [] }];

  app.post<{ Body: z.infer<typeof createDeviceBody> }>(
    '/api/v1/admin/devices',
    {
      ...base,
      schema: {
        tags: ['admin'],
        security,
        body: createDeviceBody,
        response: {
          201: z.object({ deviceId: z.string(), enrollmentCode: z.string(), deviceCode: z.string(), countyCode: z.string() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const created = await createDevice(db, request.body.countyCode, request.body.name);
      return reply.status(201).send(created);
    },
  );

  app.post<{ Params: DeviceParams }>(
    '/api/v1/admin/devices/:deviceId/revoke',
    { ...base, schema: { tags: ['admin'], security, params: deviceParams, response: errors } },
    async (request, reply) => {
      if (!(await revokeDevice(db, request.params.deviceId))) throw deviceNotFound();
      return reply.status(204).send();
    },
  );

  app.get<{ Params: DeviceParams }>(
    '/api/v1/admin/devices/:deviceId',
    {
      ...base,
      schema: {
        tags: ['admin'],
        security,
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
            createdAt: z.string(),
            quarantinedCount: z.number().int(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const info = await getDeviceInfo(db, request.params.deviceId);
      if (!info) throw deviceNotFound();
      return info;
    },
  );

  app.get<{ Querystring: MatterQuery }>(
    '/api/v1/admin/matters',
    {
      ...base,
      schema: {
        tags: ['admin'],
        security,
        querystring: matterQuerySchema,
        response: { 200: z.object({ matters: z.array(cityMatterSchema) }), ...errors },
      },
    },
    async (request) => ({ matters: await listMatters(db, request.query) }),
  );
}
