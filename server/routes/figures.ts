// GET /api/v1/admin/figures?from&to: per-county figures and published rates for the city's administrators.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { figuresPeriodSchema as query } from '../../domain/figures/rpc';
import { requireAdmin } from '../http/auth';
import type { CityDb } from '../store/db';
import { errorBodySchema } from '../http/errors';
import { countyFigures, countyFiguresSchema } from '../city/figures';

const response = z.object({
  from: z.string(),
  to: z.string(),
  groupVisitThreshold: z.number().int(),
  counties: z.array(countyFiguresSchema.extend({ countyCode: z.string() })),
  total: countyFiguresSchema,
});

export function figuresRoutes(app: FastifyInstance, { db, adminToken }: { db: CityDb; adminToken: string }): void {
  app.get<{ Querystring: z.infer<typeof query> }>(
    '/api/v1/admin/figures',
    {
      onRequest: requireAdmin(adminToken),
      schema: { tags: ['admin'], security: [{ adminToken: [] }], querystring: query, response: { 200: response, 400: errorBodySchema, 401: errorBodySchema } },
    },
    async (request) => countyFigures(db, request.query.from, request.query.to),
  );
}
