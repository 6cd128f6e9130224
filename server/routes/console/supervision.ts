// The console's supervision and reference data (issue #14): 督办 notices issued from the console
// (the county pulls them) with whether the window has resolved each and which are overdue; the
// counties' own 督办, 包案 and campaign events; and reference data published with versions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateSchema } from '../../../domain/calendar/deadlines';
import { referenceKeySchema } from '../../../domain/sync/pull';
import { countyEvents, noticesWithReplies } from '../../city/countyEvents';
import { currentReference, publishReference, referenceVersions } from '../../city/reference';
import { issueNotice, toNotice } from '../../city/supervision';
import { recordAudit } from '../../console/audit';
import { actorOf, requireStaff, staffOf, type ConsoleConfig } from '../../console/guard';
import { anyReferenceValue, checkReferenceBody } from '../reference';
import { consoleDoc } from './doc';

const issueBody = z.strictObject({
  matterNo: z.string().trim().min(1, { error: '请填写信访件编号' }).max(100),
  dueOn: isoDateSchema,
  content: z.string().trim().min(1, { error: '请填写督办内容' }).max(5000),
});

export const consoleSupervisionRoutes: FastifyPluginAsyncZod<ConsoleConfig> = async (app, config) => {
  const { db } = config;

  app.get('/api/console/supervision', { onRequest: requireStaff(config, 'matters.read'), schema: { ...consoleDoc } }, async () => ({
    notices: await noticesWithReplies(db),
    countyEvents: await countyEvents(db),
  }));

  app.post('/api/console/supervision', { onRequest: requireStaff(config, 'supervision.issue'), schema: { ...consoleDoc, body: issueBody } }, async (request, reply) => {
    const staff = staffOf(request);
    const notice = await issueNotice(db, { ...request.body, issuedBy: staff.name });
    await recordAudit(db, actorOf(staff), 'supervision.issued', notice.matterNo, { noticeNo: notice.noticeNo, dueOn: notice.dueOn });
    return reply.status(201).send({ ...toNotice(notice), countyCode: notice.countyCode });
  });

  app.get('/api/console/reference', { onRequest: requireStaff(config, 'reference.publish'), schema: { ...consoleDoc } }, async () => ({ items: await currentReference(db) }));

  app.get(
    '/api/console/reference/:key/versions',
    { onRequest: requireStaff(config, 'reference.publish'), schema: { ...consoleDoc, params: z.strictObject({ key: referenceKeySchema }) } },
    async (request) => ({ versions: await referenceVersions(db, request.params.key) }),
  );

  app.put(
    '/api/console/reference/:key',
    { onRequest: requireStaff(config, 'reference.publish'), preValidation: checkReferenceBody, schema: { ...consoleDoc, params: z.strictObject({ key: referenceKeySchema }), body: anyReferenceValue } },
    async (request) => {
      const staff = staffOf(request);
      const published = await publishReference(db, request.params.key, request.body, actorOf(staff).label);
      await recordAudit(db, actorOf(staff), 'reference.published', published.key, { version: published.version });
      return published;
    },
  );
};
