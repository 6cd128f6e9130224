// The repeat-petitioner lookup across counties (DESIGN.md §5): for administrators by path, and
// for devices by POST so the 证件 number stays out of URLs and access logs. Each lookup is
// recorded (city/persons.ts), and a device may make only so many a minute, whatever address it
// calls from: enough for a window at its busiest, too few to list the city's petitioners.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminLookupParams, adminLookupQuery, lookupRequestSchema, lookupResponseSchema } from '../../domain/sync/lookup';
import { fromWire } from '../../domain/sync/wireCredential';
import { personMatters } from '../city/persons';
import { requireAdmin, requireDevice } from '../http/auth';
import { HttpError } from '../http/errors';
import type { CityDb } from '../store/db';

export const lookupRoutes: FastifyPluginAsyncZod<{ db: CityDb; adminToken: string; perDevicePerMinute: number }> = async (
  app,
  { db, adminToken, perDevicePerMinute },
) => {
  app.get(
    // The published API document names the path's parameter (domain/sync/lookup.ts adminLookupParams).
    '/api/v1/admin/persons/:documentNumber/matters',
    {
      onRequest: requireAdmin(adminToken),
      schema: { tags: ['admin'], security: [{ adminToken: [] }], params: adminLookupParams, querystring: adminLookupQuery, response: { 200: lookupResponseSchema } },
    },
    async (request) => personMatters(db, { ...fromWire({ ...request.params, ...request.query }), deviceId: null }),
  );

  // Counted per device once it is known, besides the limit per address every route has.
  const perDevice = app.createRateLimit({ max: perDevicePerMinute, timeWindow: '1 minute', keyGenerator: (request) => request.device!.id });
  app.post(
    '/api/v1/sync/lookup',
    {
      onRequest: requireDevice(db),
      preHandler: async (request, reply) => {
        const counted = await perDevice(request);
        if (counted.isAllowed || !counted.isExceeded) return;
        reply.header('retry-after', counted.ttlInSeconds);
        throw new HttpError(429, 'rate_limited', `本机查询过于频繁，请 ${counted.ttlInSeconds} 秒后再试 / too many lookups from this device, retry in ${counted.ttlInSeconds} s`);
      },
      schema: { tags: ['sync'], security: [{ deviceToken: [] }], body: lookupRequestSchema, response: { 200: lookupResponseSchema } },
    },
    async (request) => {
      const found = await personMatters(db, { ...fromWire(request.body), deviceId: request.device!.id });
      request.log.info({ matters: found.matters.length }, 'person lookup');
      return found;
    },
  );
};
