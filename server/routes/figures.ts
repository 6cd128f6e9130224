// GET /api/v1/admin/figures?from&to: per-county figures and published rates for the city's administrators.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { figuresPeriodSchema as query } from '../../domain/figures/rpc';
import { countyFigures, countyFiguresSchema } from '../city/figures';
import { requireAdmin } from '../http/auth';
import type { CityDb } from '../store/db';

const response = z.object({
  from: z.string(),
  to: z.string(),
  groupVisitThreshold: z.number().int(),
  counties: z.array(countyFiguresSchema.extend({ countyCode: z.string() })),
  total: countyFiguresSchema,
});

export const figuresRoutes: FastifyPluginAsyncZod<{ db: CityDb; adminToken: string }> = async (app, { db, adminToken }) => {
  app.get(
    '/api/v1/admin/figures',
    { onRequest: requireAdmin(adminToken), schema: { tags: ['admin'], security: [{ adminToken: [] }], querystring: query, response: { 200: response } } },
    async (request) => countyFigures(db, request.query.from, request.query.to),
  );
};
