// The client's online check: answers without authentication and without touching the database.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/health', { schema: { tags: ['health'], response: { 200: z.object({ ok: z.literal(true) }) } } }, async () => ({ ok: true as const }));
};
