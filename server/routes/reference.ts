// PUT /api/v1/admin/reference/:key: the administrator replaces one piece of reference data the
// devices pull (DESIGN.md §4). Each key has its own zod schema in domain/sync/pull.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { referenceKeySchema, referenceValueSchemas } from '../../domain/sync/pull';
import { requireAdmin } from '../http/auth';
import { invalidRequest } from '../http/errors';
import { nextChange } from '../store/changes';
import type { CityDb } from '../store/db';
import { referenceData } from '../store/schema';

const params = z.strictObject({ key: referenceKeySchema });
const anyValue = z.union(Object.values(referenceValueSchemas));

export const referenceRoutes: FastifyPluginAsyncZod<{ db: CityDb; adminToken: string }> = async (app, { db, adminToken }) => {
  app.put(
    '/api/v1/admin/reference/:key',
    {
      onRequest: requireAdmin(adminToken),
      // The key decides the schema, which a route-level body schema cannot express; checking
      // here gives the administrator that key's own error messages.
      preValidation: async (request) => {
        const key = referenceKeySchema.safeParse((request.params as { key?: unknown }).key);
        if (!key.success) return; // params validation answers it
        const value = referenceValueSchemas[key.data].safeParse(request.body);
        if (!value.success) throw invalidRequest(value.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })));
        request.body = value.data;
      },
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        params,
        body: anyValue,
        response: { 200: z.object({ key: referenceKeySchema, updatedAt: z.string() }) },
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
};
