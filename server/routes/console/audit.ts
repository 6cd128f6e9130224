// The administrator's audit page (DESIGN.md §6): newest first, a page at a time, by action.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consoleAuditActionSchema } from '../../../domain/console/audit';
import { listAudit } from '../../console/audit';
import { requireStaff, type ConsoleConfig } from '../../console/guard';
import { consoleDoc } from './doc';

const query = z.strictObject({
  action: consoleAuditActionSchema.optional(),
  /** The `at` of the last row of the page before. */
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const entry = z.object({ id: z.string(), at: z.string(), actor: z.string(), action: z.string(), target: z.string().nullable(), detail: z.unknown() });

export const consoleAuditRoutes: FastifyPluginAsyncZod<ConsoleConfig> = async (app, config) => {
  app.get(
    '/api/console/audit',
    { onRequest: requireStaff(config, 'audit.read'), schema: { ...consoleDoc, querystring: query, response: { 200: z.object({ entries: z.array(entry) }) } } },
    async (request) => ({ entries: await listAudit(config.db, request.query) }),
  );
};
