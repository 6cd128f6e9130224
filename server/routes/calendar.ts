// The holiday years the city publishes (DOMAIN.md §4): the State Council's arrangement for next
// year arrives late in the year, before any package ships it; the administrator enters it here and
// devices pull it under the reference key `calendar`, then count their open deadlines again.
// PUT /api/v1/admin/calendar/:year publishes one year (again, to correct it); GET lists them.
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publishedCalendarSchema, publishedYearBodySchema, publishedYearSchema, withPublishedYear } from '../../domain/calendar/published';
import { requireAdmin } from '../http/auth';
import { invalidRequest } from '../http/errors';
import { publishReference } from '../city/reference';
import type { CityDb } from '../store/db';
import { referenceData } from '../store/schema';

const KEY = 'calendar';
const params = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

async function storedCalendar(db: CityDb) {
  const [row] = await db.select({ value: referenceData.value }).from(referenceData).where(eq(referenceData.key, KEY));
  const parsed = publishedCalendarSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { years: [] };
}

export const calendarRoutes: FastifyPluginAsyncZod<{ db: CityDb; adminToken: string }> = async (app, { db, adminToken }) => {
  app.get(
    '/api/v1/admin/calendar',
    { onRequest: requireAdmin(adminToken), schema: { tags: ['admin'], security: [{ adminToken: [] }], response: { 200: publishedCalendarSchema } } },
    async () => storedCalendar(db),
  );

  app.put(
    '/api/v1/admin/calendar/:year',
    {
      onRequest: requireAdmin(adminToken),
      schema: { tags: ['admin'], security: [{ adminToken: [] }], params, body: publishedYearBodySchema, response: { 200: z.object({ year: z.number(), updatedAt: z.string() }) } },
    },
    async (request) => {
      const year = publishedYearSchema.safeParse({ ...request.body, year: request.params.year });
      if (!year.success) throw invalidRequest(year.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })));
      const { updatedAt } = await publishReference(db, KEY, async (tx: CityDb) => withPublishedYear(await storedCalendar(tx), year.data), '启动令牌');
      return { year: year.data.year, updatedAt };
    },
  );
};
