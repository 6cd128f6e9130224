// Builds the city server (DESIGN.md §5) as a Fastify instance that is not yet listening, so
// tests drive it with inject() and main.ts decides where it listens.
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { CityDb } from './store/db';
import { HttpError, registerErrorHandling } from './http/errors';
import { decodeContentEncoding } from './http/gzip';
import { loggerOptions } from './http/logging';
import { adminRoutes } from './routes/admin';
import { attachmentRoutes } from './routes/attachments';
import { enrollRoutes } from './routes/enroll';
import { figuresRoutes } from './routes/figures';
import { healthRoutes } from './routes/health';
import { lookupRoutes } from './routes/lookup';
import { pullRoutes } from './routes/pull';
import { pushRoutes } from './routes/push';
import { referenceRoutes } from './routes/reference';
import { supervisionRoutes } from './routes/supervision';
import { refuseUnstorableText } from './http/storableInput';
import { useZodSchemas, zodToOpenApiTransform } from './http/zodRoutes';

export interface BuildAppOptions {
  db: CityDb;
  adminToken: string;
  /** pino options, or true for defaults; off unless given. */
  logger?: FastifyServerOptions['logger'];
  /** Requests per minute per client address. */
  rateLimitPerMinute?: number;
  /** Enrolment attempts per minute per client address: kept low against guessing codes. */
  enrollRateLimitPerMinute?: number;
}

export async function buildApp({
  db,
  adminToken,
  logger = false,
  rateLimitPerMinute = 600,
  enrollRateLimitPerMinute = 10,
}: BuildAppOptions): Promise<FastifyInstance> {
  if (!adminToken) throw new Error('buildApp: adminToken is required');
  const app = Fastify({ logger: loggerOptions(logger) });
  app.decorateRequest('device', null);
  useZodSchemas(app);
  app.addHook('preParsing', decodeContentEncoding);

  await app.register(rateLimit, {
    max: rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, ctx) =>
      new HttpError(ctx.statusCode, 'rate_limited', `请求过于频繁，请 ${ctx.after} 后再试 / rate limit exceeded, retry in ${ctx.after}`),
  });
  registerErrorHandling(app);
  refuseUnstorableText(app);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Xinfang Desk city server', description: '信访窗口 市级服务 — sync protocol v1 and administration', version: '1' },
      components: {
        securitySchemes: {
          adminToken: { type: 'http', scheme: 'bearer', description: 'CITY_ADMIN_TOKEN' },
          deviceToken: { type: 'http', scheme: 'bearer', description: 'token issued at enrolment' },
        },
      },
    },
    transform: zodToOpenApiTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  healthRoutes(app);
  adminRoutes(app, { db, adminToken });
  enrollRoutes(app, { db, rateLimitPerMinute: enrollRateLimitPerMinute });
  await app.register(pushRoutes, { db });
  pullRoutes(app, { db });
  lookupRoutes(app, { db, adminToken });
  referenceRoutes(app, { db, adminToken });
  supervisionRoutes(app, { db, adminToken });
  figuresRoutes(app, { db, adminToken });
  await app.register(attachmentRoutes, { db });
  await app.ready();
  return app;
}
