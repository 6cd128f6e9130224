// POST /api/v1/admin/supervision: the city issues a 督办 notice about a matter (DOMAIN.md §6);
// the matter's county pulls it. Notices are numbered 督〔year〕n号 from 1 each year.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateSchema as isoDate } from '../../domain/calendar/deadlines';
import { supervisionNoticeSchema } from '../../domain/sync/pull';
import { requireAdmin } from '../http/auth';
import { issueNotice, toNotice } from '../city/supervision';
import type { CityDb } from '../store/db';

const text = (maxLength: number) => z.string().trim().min(1).max(maxLength);

const body = z.strictObject({
  matterNo: z.string().min(1).max(100),
  issuedBy: text(100),
  dueOn: isoDate,
  content: text(5000),
});

export const supervisionRoutes: FastifyPluginAsyncZod<{ db: CityDb; adminToken: string }> = async (app, { db, adminToken }) => {
  app.post(
    '/api/v1/admin/supervision',
    {
      onRequest: requireAdmin(adminToken),
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        body,
        response: { 201: supervisionNoticeSchema.extend({ countyCode: z.string() }) },
      },
    },
    async (request, reply) => {
      const notice = await issueNotice(db, request.body);
      request.log.info({ noticeNo: notice.noticeNo, countyCode: notice.countyCode }, 'supervision notice issued');
      return reply.status(201).send({ ...toNotice(notice), countyCode: notice.countyCode });
    },
  );
};
