// The console's matters and figures (issue #14): the register across counties, a matter's full
// record and timeline (every view audited), the figures per county with the matters behind each
// number, and the figures as a workbook. Identities are masked by role on the server.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { drillQuerySchema, matterRecordSchema, registerQuerySchema, registerRowSchema } from '../../../domain/console/matters';
import { figuresPeriodSchema } from '../../../domain/figures/rpc';
import { figureMatters } from '../../city/drilldown';
import { countyFigures, countyFiguresSchema } from '../../city/figures';
import { figuresWorkbook, XLSX_MIME } from '../../city/figuresExcel';
import { listRegister, matterRecord, registerRowsByIds } from '../../city/register';
import { recordAudit } from '../../console/audit';
import { actorOf, requireStaff, staffOf, type ConsoleConfig } from '../../console/guard';
import { HttpError } from '../../http/errors';
import { consoleDoc } from './doc';

const figuresResponse = z.object({
  from: z.string(),
  to: z.string(),
  groupVisitThreshold: z.number().int(),
  counties: z.array(countyFiguresSchema.extend({ countyCode: z.string() })),
  total: countyFiguresSchema,
});

export const consoleMatterRoutes: FastifyPluginAsyncZod<ConsoleConfig> = async (app, config) => {
  const { db } = config;
  const matters = requireStaff(config, 'matters.read');
  const figures = requireStaff(config, 'figures.read');

  app.get('/api/console/matters', { onRequest: matters, schema: { ...consoleDoc, querystring: registerQuerySchema, response: { 200: z.object({ rows: z.array(registerRowSchema) }) } } }, async (request) => ({
    rows: await listRegister(db, request.query, staffOf(request).role),
  }));

  app.get(
    '/api/console/matters/:matterId',
    { onRequest: matters, schema: { ...consoleDoc, params: z.strictObject({ matterId: z.uuid() }), response: { 200: matterRecordSchema } } },
    async (request) => {
      const staff = staffOf(request);
      const record = await matterRecord(db, request.params.matterId, staff.role);
      if (!record) throw new HttpError(404, 'matter_not_found', '市里没有这个信访件 / no such matter');
      await recordAudit(db, actorOf(staff), 'matter.viewed', record.row.matterNo, { masked: record.row.masked });
      return record;
    },
  );

  app.get('/api/console/figures', { onRequest: figures, schema: { ...consoleDoc, querystring: figuresPeriodSchema, response: { 200: figuresResponse } } }, async (request) =>
    countyFigures(db, request.query.from, request.query.to),
  );

  app.get(
    '/api/console/figures/matters',
    { onRequest: figures, schema: { ...consoleDoc, querystring: drillQuerySchema, response: { 200: z.object({ rows: z.array(registerRowSchema), more: z.boolean() }) } } },
    async (request) => {
      const { ids, more } = await figureMatters(db, request.query);
      return { rows: await registerRowsByIds(db, ids, staffOf(request).role), more };
    },
  );

  app.get('/api/console/figures.xlsx', { onRequest: figures, schema: { ...consoleDoc, querystring: figuresPeriodSchema } }, async (request, reply) => {
    const { from, to } = request.query;
    const bytes = await figuresWorkbook(await countyFigures(db, from, to));
    const name = encodeURIComponent(`信访统计_${from}_${to}.xlsx`);
    return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename*=UTF-8''${name}`).send(bytes);
  });
};
