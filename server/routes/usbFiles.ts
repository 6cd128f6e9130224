// POST /api/v1/admin/sync-files (issue #15): a township's sync file, carried on a USB stick, is
// handed to the city (by its administrator, or the console) and answered with the file that
// goes back to the window: the same push semantics and acknowledgement (server/usb/importFile.ts).
// `countyCode` optional: the county the operator is importing for; a file of another is refused.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { usbFileSchema } from '../../domain/sync/usbFile';
import { requireAdmin } from '../http/auth';
import type { PushQueue } from '../push/queue';
import type { CityDb } from '../store/db';
import { importSyncFile } from '../usb/importFile';

/** Room for the largest file a desk writes (domain/sync/usbFile.ts), in base64. */
export const FILE_BODY_LIMIT = 64 * 1024 * 1024;

export const usbFileRoutes: FastifyPluginAsyncZod<{ db: CityDb; adminToken: string; queue: PushQueue }> = async (app, { db, adminToken, queue }) => {
  app.post(
    '/api/v1/admin/sync-files',
    {
      bodyLimit: FILE_BODY_LIMIT,
      onRequest: requireAdmin(adminToken),
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        querystring: z.strictObject({ countyCode: z.string().regex(/^\d{6}$/).optional() }),
        body: usbFileSchema,
        response: { 200: usbFileSchema },
      },
    },
    async (request) => (await importSyncFile(db, queue, request.body, request.query.countyCode)).answer,
  );
};
