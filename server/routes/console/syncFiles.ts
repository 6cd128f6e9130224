// The console's import of a window's USB sync file (issue #14; docs/usb-sync.md): the
// administrator uploads the file the stick brought, the city applies it through its one push
// queue exactly as POST /api/v1/admin/sync-files does, and the console shows what it did and
// offers the answer file to carry back to the window.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { syncFileImportedSchema } from '../../../domain/console/syncFiles';
import { usbFileName, usbFileSchema } from '../../../domain/sync/usbFile';
import { recordAudit } from '../../console/audit';
import { actorOf, requireStaff, staffOf, type ConsoleConfig } from '../../console/guard';
import type { PushQueue } from '../../push/queue';
import { importSyncFile } from '../../usb/importFile';
import { FILE_BODY_LIMIT } from '../usbFiles';
import { consoleDoc } from './doc';

export const consoleSyncFileRoutes: FastifyPluginAsyncZod<ConsoleConfig & { queue: PushQueue }> = async (app, { queue, ...config }) => {
  const { db } = config;
  app.post(
    '/api/console/sync-files',
    { bodyLimit: FILE_BODY_LIMIT, onRequest: requireStaff(config, 'syncFiles.import'), schema: { ...consoleDoc, body: usbFileSchema, response: { 200: syncFileImportedSchema } } },
    async (request) => {
      const { answer, summary } = await importSyncFile(db, queue, request.body);
      // The device is the row's target; the detail says what the file did.
      const { rejected, deviceId, ...counts } = summary;
      await recordAudit(db, actorOf(staffOf(request)), 'syncFile.imported', deviceId, { fileId: request.body.header.fileId, ...counts, rejected: rejected.length });
      return { summary, answer, answerFileName: usbFileName('to-device', summary.countyCode, summary.deviceCode, new Date(answer.header.createdAt)) };
    },
  );
};
