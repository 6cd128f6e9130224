// Device enrolment (DESIGN.md §4): a one-time code from the administrator buys the device its token.
import type { FastifyInstance } from 'fastify';
import { enrollRequestSchema, enrollResponseSchema } from '../../domain/sync/events';
import type { CityDb } from '../store/db';
import { enrollDevice } from '../city/devices';
import { errorBodySchema, HttpError } from '../http/errors';

export function enrollRoutes(app: FastifyInstance, { db, rateLimitPerMinute }: { db: CityDb; rateLimitPerMinute: number }): void {
  app.post<{ Body: { code: string; name: string } }>(
    '/api/v1/devices/enroll',
    {
      // Stricter than the server-wide limit: each attempt is a guess at an enrolment code.
      config: { rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['sync'],
        body: enrollRequestSchema,
        response: { 201: enrollResponseSchema, 400: errorBodySchema, 401: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const enrolled = await enrollDevice(db, request.body.code, request.body.name);
      // One answer for unknown, spent and revoked codes: nothing to learn by guessing.
      if (!enrolled) throw new HttpError(401, 'invalid_enrollment_code', '注册码无效或已使用 / enrolment code invalid or already used');
      return reply.status(201).send(enrolled);
    },
  );
}
