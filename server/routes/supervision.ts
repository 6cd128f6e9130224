// POST /api/v1/admin/supervision: the city issues a 督办 notice about a matter (DOMAIN.md §6);
// the matter's county pulls it. Notices are numbered 督〔year〕n号 from 1 each year.
import { eq, max } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateSchema as isoDate } from '../../domain/calendar/deadlines';
import { supervisionNoticeSchema } from '../../domain/sync/pull';
import { requireAdmin } from '../http/auth';
import { nextChange } from '../store/changes';
import type { CityDb } from '../store/db';
import { HttpError } from '../http/errors';
import { matters, supervisionNotices } from '../store/schema';

const text = (maxLength: number) => z.string().trim().min(1).max(maxLength);

const body = z.strictObject({
  matterNo: z.string().min(1).max(100),
  issuedBy: text(100),
  dueOn: isoDate,
  content: text(5000),
});

/** The year the notice is numbered in: Beijing time, whatever the host's zone. */
const beijingYear = (at: Date) => new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();

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
      const { matterNo, issuedBy, dueOn, content } = request.body;
      const notice = await db.transaction(async (tx) => {
        const [matter] = await tx
          .select({ matterId: matters.matterId, countyCode: matters.countyCode })
          .from(matters)
          .where(eq(matters.matterNo, matterNo));
        if (!matter) throw new HttpError(404, 'matter_not_found', `市里没有编号为 ${matterNo} 的信访件 / no such matter`);
        // Taken first: its lock also serialises the numbering below.
        const changeSeq = await nextChange(tx);
        const issuedAt = new Date();
        const year = beijingYear(issuedAt);
        const [last] = await tx.select({ n: max(supervisionNotices.number) }).from(supervisionNotices).where(eq(supervisionNotices.year, year));
        const number = (last?.n ?? 0) + 1;
        const [row] = await tx
          .insert(supervisionNotices)
          .values({
            id: crypto.randomUUID(),
            matterId: matter.matterId,
            matterNo,
            countyCode: matter.countyCode,
            year,
            number,
            noticeNo: `督〔${year}〕${number}号`,
            issuedBy,
            issuedAt,
            dueOn,
            content,
            changeSeq,
          })
          .returning();
        return row!;
      });
      request.log.info({ noticeNo: notice.noticeNo, countyCode: notice.countyCode }, 'supervision notice issued');
      return reply.status(201).send({ ...toNotice(notice), countyCode: notice.countyCode });
    },
  );
};

export function toNotice(row: typeof supervisionNotices.$inferSelect): z.infer<typeof supervisionNoticeSchema> {
  return {
    id: row.id,
    matterId: row.matterId,
    matterNo: row.matterNo,
    noticeNo: row.noticeNo,
    issuedBy: row.issuedBy,
    issuedAt: row.issuedAt.toISOString(),
    dueOn: row.dueOn,
    content: row.content,
  };
}
