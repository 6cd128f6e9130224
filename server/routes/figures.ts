// GET /api/v1/admin/figures?from&to: per-county figures and published rates for the city's administrators.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isoDateSchema as isoDate } from '../../domain/deadlines';
import { indicatorsSchema, rateSchema } from '../../domain/indicators';
import { requireAdmin } from '../auth';
import type { CityDb } from '../db';
import { errorBodySchema } from '../errors';
import { countyFigures } from '../figures';

const query = z.strictObject({ from: isoDate, to: isoDate }).refine((q) => q.from <= q.to, { error: 'from 不能晚于 to', path: ['to'] });

const figures = z.object({
  visits: z.number().int(),
  firstVisits: z.number().int(),
  repeatVisits: z.number().int(),
  matters: z.number().int(),
  groupVisits: z.number().int(),
  people: z.number().int(),
  terminatedMatterVisits: z.number().int(),
  /** 重复信访率; value is null when there were no visits. */
  repeatRate: rateSchema,
  indicators: indicatorsSchema,
});
const response = z.object({
  from: z.string(),
  to: z.string(),
  groupVisitThreshold: z.number().int(),
  counties: z.array(figures.extend({ countyCode: z.string() })),
  total: figures,
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
