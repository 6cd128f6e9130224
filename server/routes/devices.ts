// A device's own credentials (DESIGN.md §4): a one-time code from the administrator buys the
// device its token, and the device may swap that token for a new one at any time.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { enrollRequestSchema, enrollResponseSchema, rotateTokenResponseSchema } from '../../domain/sync/events';
import { enrollDevice, rotateDeviceToken } from '../city/devices';
import { bearerToken, requireDevice, unauthorized } from '../http/auth';
import { HttpError } from '../http/errors';
import type { CityDb } from '../store/db';

export const deviceRoutes: FastifyPluginAsyncZod<{ db: CityDb; enrollRateLimitPerMinute: number }> = async (app, { db, enrollRateLimitPerMinute }) => {
  app.post(
    '/api/v1/devices/enroll',
    {
      // Stricter than the server-wide limit: each attempt is a guess at an enrolment code.
      config: { rateLimit: { max: enrollRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['sync'], body: enrollRequestSchema, response: { 201: enrollResponseSchema } },
    },
    async (request, reply) => {
      const enrolled = await enrollDevice(db, request.body.code, request.body.name);
      // One answer for unknown, spent, expired and revoked codes: nothing to learn by guessing.
      if (!enrolled) throw new HttpError(401, 'invalid_enrollment_code', '注册码无效、已过期或已使用 / enrolment code invalid, expired or already used');
      return reply.status(201).send(enrolled);
    },
  );

  app.post(
    '/api/v1/devices/rotate-token',
    {
      onRequest: requireDevice(db),
      schema: { tags: ['sync'], security: [{ deviceToken: [] }], response: { 200: rotateTokenResponseSchema } },
    },
    async (request) => {
      const token = await rotateDeviceToken(db, request.device!.id, bearerToken(request)!);
      // Another rotation with the same token won meanwhile, or the device was revoked.
      if (token === null) throw unauthorized();
      request.log.info('device token rotated');
      return { token };
    },
  );
};
