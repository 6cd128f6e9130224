// POST /api/v1/sync/push (DESIGN.md §4): authentication, limits and envelope validation happen
// here, before anything is read from or written to the device's record; the batch then joins the
// push queue, which checks its content and writes it with whatever else arrived meanwhile.
// A plugin of its own: its JSON parser keeps the body as received (push/receivedJson.ts). The
// device's version header is recorded when it differs from the one the city holds.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, pushBodySchema, pushResponseSchema } from '../../domain/sync/events';
import { deviceReport, recordContact } from '../city/deviceList';
import { checkDeviceMeanwhile } from '../http/auth';
import { HttpError } from '../http/errors';
import type { PushQueue } from '../push/queue';
import type { ReceivedJson } from '../push/receivedJson';
import type { CityDb } from '../store/db';

declare module 'fastify' {
  interface FastifyRequest {
    receivedJson: ReceivedJson | null;
  }
}

/** `queue` is the city's one push queue (app.ts): sync files are applied through it too (server/usb/). */
export const pushRoutes: FastifyPluginAsyncZod<{ db: CityDb; queue: PushQueue }> = async (app, { db, queue }) => {
  // Fastify's own parser (the same poisoning checks), given the text of the bytes it keeps.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const device = checkDeviceMeanwhile(db);
  app.decorateRequest('receivedJson', null);
  app.decorateRequest('deviceCheck', null);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, bytes, done) => {
    // Nothing of the body is parsed for a client whose token has not passed.
    request.deviceCheck!.then(() => {
      const text = (bytes as Buffer).toString('utf8');
      request.receivedJson = { bytes: bytes as Buffer, text };
      parseJson(request, text, done);
    }, done);
  });
  app.post(
    '/api/v1/sync/push',
    {
      bodyLimit: MAX_BATCH_BYTES,
      // An event holding such text is quarantined (push/eventChecks.ts), not the whole batch refused.
      config: { keepsUnstorableBody: true },
      onRequest: device.onRequest,
      preValidation: [
        device.preValidation,
        // Counted before the envelope is validated, so an oversized batch is 413 whatever it holds.
        async (request) => {
          const batch = request.body as { events?: unknown } | null;
          if (Array.isArray(batch?.events) && batch.events.length > MAX_BATCH_EVENTS) {
            throw new HttpError(413, 'too_many_events', `每批最多 ${MAX_BATCH_EVENTS} 个事件 / at most ${MAX_BATCH_EVENTS} events per batch`);
          }
        },
      ],
      schema: { tags: ['sync'], security: [{ deviceToken: [] }], body: pushBodySchema, response: { 200: pushResponseSchema } },
    },
    async (request) => {
      const pusher = request.device!;
      if (request.body.deviceId !== pusher.id) {
        throw new HttpError(403, 'device_mismatch', 'deviceId 与令牌所属设备不符 / deviceId does not match the token');
      }
      const answer = await queue.push({ device: pusher, body: request.body, received: request.receivedJson });
      // Written only when it changed (an upgrade), so a push costs no extra write.
      const { appVersion } = deviceReport(request.headers);
      if (appVersion !== undefined && appVersion !== pusher.appVersion) await recordContact(db, pusher.id, { appVersion });
      return answer;
    },
  );
};
