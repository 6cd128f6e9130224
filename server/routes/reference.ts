// PUT /api/v1/admin/reference/:key: the administrator replaces one piece of reference data the
// devices pull (DESIGN.md §4). Each key has its own zod schema in domain/sync/pull.ts.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type ReferenceKey, referenceKeySchema, referenceValueSchemas } from '../../domain/sync/pull';
import { requireAdmin } from '../http/auth';
import { nextChange } from '../store/changes';
import type { CityDb } from '../store/db';
import { errorBodySchema } from '../http/errors';
import { referenceData } from '../store/schema';

const params = z.strictObject({ key: referenceKeySchema });
const anyValue = z.union(Object.values(referenceValueSchemas));

export function referenceRoutes(app: FastifyInstance, { db, adminToken }: { db: CityDb; adminToken: string }): void {
  app.put<{ Params: { key: ReferenceKey }; Body: unknown }>(
    '/api/v1/admin/reference/:key',
    {
      onRequest: requireAdmin(adminToken),
      // The key decides the schema, which a route-level body schema cannot express; checking
      // here gives the administrator that key's own error messages.
      preValidation: async (request) => {
        const key = referenceKeySchema.safeParse((request.params as { key?: unknown }).key);
        if (!key.success) return; // params validation answers it
        request.body = referenceValueSchemas[key.data].parse(request.body);
      },
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        params,
        body: anyValue,
        response: { 200: z.object({ key: referenceKeySchema, updatedAt: z.string() }), 400: errorBodySchema, 401: errorBodySchema },
      },
    },
    async (request) => {
      const { key } = request.params;
      const updatedAt = new Date();
      await db.transaction(async (tx) => {
        const changeSeq = await nextChange(tx);
        await tx
          .insert(referenceData)
          .values({ key, value: request.body, updatedAt, changeSeq })
          .onConflictDoUpdate({ target: referenceData.key, set: { value: request.body, updatedAt, changeSeq } });
      });
      return { key, updatedAt: updatedAt.toISOString() };
    },
  );
}
