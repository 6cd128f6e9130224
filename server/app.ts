// Builds the city server (DESIGN.md §5) as a Fastify instance that is not yet listening, so
// tests drive it with inject() and main.ts decides where it listens, and whether over HTTPS.
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { answerAfterBody } from './http/answerAfterBody';
import { requireAdmin } from './http/auth';
import { answerRouterErrors, HttpError, registerErrorHandling } from './http/errors';
import { decodeContentEncoding } from './http/gzip';
import { loggerOptions } from './http/logging';
import { refuseUnstorableText } from './http/storableInput';
import { useZodSchemas, zodToOpenApi } from './http/zodSchemas';
import { CONSOLE_IDLE_MINUTES } from '../domain/console/session';
import { adminRoutes } from './routes/admin';
import { consoleRoutes } from './routes/console';
import { attachmentRoutes } from './routes/attachments';
import { deviceRoutes } from './routes/devices';
import { figuresRoutes } from './routes/figures';
import { healthRoutes } from './routes/health';
import { lookupRoutes } from './routes/lookup';
import { pullRoutes } from './routes/pull';
import { pushRoutes } from './routes/push';
import { referenceRoutes } from './routes/reference';
// #13: published holiday years
import { calendarRoutes } from './routes/calendar';
import { supervisionRoutes } from './routes/supervision';
import { applyPushes } from './push/applyPushes';
import { ensureCityFacts } from './city/figureFacts';
import { createPushQueue } from './push/queue';
import { usbFileRoutes } from './routes/usbFiles';
import type { CityDb } from './store/db';
import { CONSOLE_SECURITY_SCHEME } from './routes/console/doc';

export interface BuildAppOptions {
  db: CityDb;
  adminToken: string;
  /** pino options, or true for defaults; off unless given. */
  logger?: FastifyServerOptions['logger'];
  /** The certificate and its key (PEM): the server then speaks only HTTPS. */
  https?: { cert: Buffer | string; key: Buffer | string };
  /** Requests per minute per client address. */
  rateLimitPerMinute?: number;
  /** Enrolment attempts per minute per client address: kept low against guessing codes. */
  enrollRateLimitPerMinute?: number;
  /** Person lookups per minute per device. */
  lookupRateLimitPerMinute?: number;
  // city console (issue #14)
  /** The built console's folder, served at `/`; null: `/` says how to build it. */
  consolePagesDir?: string | null;
  consoleIdleMinutes?: number;
  /** Console sign-in and set-up attempts per minute per client address: each is a guess at a password. */
  consoleSignInRateLimitPerMinute?: number;
  /** scrypt cost of console passwords; tests make it small. */
  consoleScryptCost?: number;
}

export async function buildApp({
  db,
  adminToken,
  logger = false,
  https,
  rateLimitPerMinute = 600,
  enrollRateLimitPerMinute = 10,
  lookupRateLimitPerMinute = 60,
  consolePagesDir = null,
  consoleIdleMinutes = CONSOLE_IDLE_MINUTES,
  consoleSignInRateLimitPerMinute = 20,
  consoleScryptCost,
}: BuildAppOptions): Promise<FastifyInstance> {
  if (!adminToken) throw new Error('buildApp: adminToken is required');
  // Typed as the plain HTTP server: nothing here depends on which of the two it is.
  const app = Fastify({ logger: loggerOptions(logger), frameworkErrors: answerRouterErrors, ...(https ? { https } : {}) }) as unknown as FastifyInstance;
  app.decorateRequest('device', null);
  useZodSchemas(app);
  app.addHook('preParsing', decodeContentEncoding);
  answerAfterBody(app);

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
          ...CONSOLE_SECURITY_SCHEME,
        },
      },
    },
    transform: zodToOpenApi,
  });
  // The document lists every route and shape of the API: for the city's administrators only.
  await app.register(swaggerUi, { routePrefix: '/docs', uiHooks: { onRequest: requireAdmin(adminToken) } });

  // A database from before the figure facts, or one whose rules changed unseen, gets them made now.
  await ensureCityFacts(db);
  await app.register(healthRoutes);
  await app.register(adminRoutes, { db, adminToken });
  await app.register(deviceRoutes, { db, enrollRateLimitPerMinute });
  // One push queue for pushes over the network and those carried in sync files (issue #15).
  const queue = createPushQueue((pushes) => applyPushes(db, pushes));
  await app.register(pushRoutes, { db, queue });
  await app.register(usbFileRoutes, { db, adminToken, queue });
  await app.register(pullRoutes, { db });
  await app.register(lookupRoutes, { db, adminToken, perDevicePerMinute: lookupRateLimitPerMinute });
  await app.register(referenceRoutes, { db, adminToken });
  await app.register(calendarRoutes, { db, adminToken });
  await app.register(supervisionRoutes, { db, adminToken });
  await app.register(figuresRoutes, { db, adminToken });
  await app.register(attachmentRoutes, { db });
  // city console (issue #14)
  await app.register(consoleRoutes, {
    db,
    adminToken,
    idleMinutes: consoleIdleMinutes,
    signInsPerMinute: consoleSignInRateLimitPerMinute,
    secureCookies: https !== undefined,
    scryptCost: consoleScryptCost,
    pagesDir: consolePagesDir,
    queue,
  });
  await app.ready();
  return app;
}
