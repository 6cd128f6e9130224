// The repeat-petitioner lookup across counties (DESIGN.md §5): for administrators by path, and
// for devices by POST so the document number stays out of URLs and access logs. Each device
// lookup is logged with the device and the number of matters found, never the number itself.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { credentialTypeSchema } from '../../domain/identity/credentials';
import { type LookupRequest, lookupDocumentNumber, lookupRequestSchema, lookupResponseSchema } from '../../domain/sync/lookup';
import { requireAdmin, requireDevice } from '../http/auth';
import type { CityDb } from '../store/db';
import { errorBodySchema } from '../http/errors';
import { personMatters } from '../city/persons';

const errors = { 400: errorBodySchema, 401: errorBodySchema };
const adminParams = z.strictObject({ documentNumber: lookupDocumentNumber });
const adminQuery = z.strictObject({ documentType: credentialTypeSchema.optional() });

export function lookupRoutes(app: FastifyInstance, { db, adminToken }: { db: CityDb; adminToken: string }): void {
  app.get<{ Params: { documentNumber: string }; Querystring: z.infer<typeof adminQuery> }>(
    '/api/v1/admin/persons/:documentNumber/matters',
    {
      onRequest: requireAdmin(adminToken),
      schema: { tags: ['admin'], security: [{ adminToken: [] }], params: adminParams, querystring: adminQuery, response: { 200: lookupResponseSchema, ...errors } },
    },
    async (request) => personMatters(db, request.params.documentNumber, request.query.documentType),
  );

  app.post<{ Body: LookupRequest }>(
    '/api/v1/sync/lookup',
    {
      onRequest: requireDevice(db),
      schema: { tags: ['sync'], security: [{ deviceToken: [] }], body: lookupRequestSchema, response: { 200: lookupResponseSchema, ...errors } },
    },
    async (request) => {
      const found = await personMatters(db, request.body.documentNumber, request.body.documentType);
      request.log.info({ matters: found.matters.length }, 'person lookup');
      return found;
    },
  );
}
