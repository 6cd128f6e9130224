// The client's online check: answers without authentication and without touching the database.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export function healthRoutes(app: FastifyInstance): void {
  app.get(
    '/api/v1/health',
    { schema: { tags: ['health'], response: { 200: z.object({ ok: z.literal(true) }) } } },
    async () => ({ ok: true as const }),
  );
}
