// PUT /api/v1/admin/reference/:key: the administrator replaces one piece of reference data the
// devices pull (DESIGN.md §4). Each key has its own zod schema in domain/sync/pull.ts.
import type { preValidationAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { referenceKeySchema, referenceValueSchemas } from '../../domain/sync/pull';
import { requireAdmin } from '../http/auth';
import { invalidRequest } from '../http/errors';
import { publishReference } from '../city/reference';
import type { CityDb } from '../store/db';

const params = z.strictObject({ key: referenceKeySchema });
export const anyReferenceValue = z.union(Object.values(referenceValueSchemas));

/**
 * preValidation of a route with a :key param and a reference value as body: the key decides the
 * schema, which a route-level body schema cannot express; checking here gives the administrator
 * that key's own error messages.
 */
export const checkReferenceBody: preValidationAsyncHookHandler = async (request) => {
  const key = referenceKeySchema.safeParse((request.params as { key?: unknown }).key);
  if (!key.success) return; // params validation answers it
  const value = referenceValueSchemas[key.data].safeParse(request.body);
  if (!value.success) throw invalidRequest(value.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })));
  request.body = value.data;
};

export const referenceRoutes: FastifyPluginAsyncZod<{ db: CityDb; adminToken: string }> = async (app, { db, adminToken }) => {
  app.put(
    '/api/v1/admin/reference/:key',
    {
      onRequest: requireAdmin(adminToken),
      preValidation: checkReferenceBody,
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        params,
        body: anyReferenceValue,
        response: { 200: z.object({ key: referenceKeySchema, updatedAt: z.string() }) },
      },
    },
    async (request) => {
      const { key, updatedAt } = await publishReference(db, request.params.key, request.body, '启动令牌');
      return { key, updatedAt };
    },
  );
};
