// GET /api/v1/sync/pull?since=<cursor> (DESIGN.md §4): reference data changed since the cursor,
// the 督办 notices about this device's county, and the city's termination register (终结库, every
// county's, the person hashed: city/terminations.ts), read in one snapshot so the new cursor
// covers exactly what was sent (see store/changes.ts for why no row committed late is skipped).
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PULL_PAGE_SIZE, type PullResponse, pullQuerySchema, pullResponseSchema, type ReferenceItem } from '../../domain/sync/pull';
import { requireDevice } from '../http/auth';
import { currentChange, decodeCursor, encodeCursor } from '../store/changes';
import type { CityDb } from '../store/db';
import { referenceData, supervisionNotices, terminationRegister } from '../store/schema';
import { toTerminationEntry } from '../city/terminations';
import { deviceReport, recordContact } from '../city/deviceList';
import { toNotice } from '../city/supervision';

/** One page of what the city sends down to a county's devices after `cursor` (also used by sync files). */
export function pullPage(db: CityDb, countyCode: string, cursor: string | undefined): Promise<PullResponse> {
  const since = decodeCursor(cursor);
  return db.transaction(
    async (tx) => {
      const head = await currentChange(tx);
      // A cursor beyond the city's counter means the city database was restored from an
      // older backup: send everything again (items replace by key and id, so that is safe).
      const from = since > head ? 0 : since;
      const notices = await tx
        .select()
        .from(supervisionNotices)
        .where(and(eq(supervisionNotices.countyCode, countyCode), gt(supervisionNotices.changeSeq, from)))
        .orderBy(asc(supervisionNotices.changeSeq))
        .limit(PULL_PAGE_SIZE + 1);
      const terminations = await tx
        .select()
        .from(terminationRegister)
        .where(gt(terminationRegister.changeSeq, from))
        .orderBy(asc(terminationRegister.changeSeq))
        .limit(PULL_PAGE_SIZE + 1);
      // A page ends where the first of the two lists that has more ends; the other is cut there too.
      const ends = [notices, terminations].filter((l) => l.length > PULL_PAGE_SIZE).map((l) => l[PULL_PAGE_SIZE - 1]!.changeSeq);
      const hasMore = ends.length > 0;
      const upTo = hasMore ? Math.min(...ends) : head;
      const page = notices.filter((n) => n.changeSeq <= upTo);
      const reference = await tx
        .select()
        .from(referenceData)
        .where(and(gt(referenceData.changeSeq, from), lte(referenceData.changeSeq, upTo)))
        .orderBy(asc(referenceData.changeSeq));
      return {
        cursor: encodeCursor(upTo),
        hasMore,
        // Stored only after its key's schema accepted it.
        reference: reference.map((r) => ({ key: r.key, value: r.value, updatedAt: r.updatedAt.toISOString() }) as ReferenceItem),
        supervision: page.map(toNotice),
        terminations: terminations.filter((t) => t.changeSeq <= upTo).map(toTerminationEntry),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export const pullRoutes: FastifyPluginAsyncZod<{ db: CityDb }> = async (app, { db }) => {
  app.get(
    '/api/v1/sync/pull',
    {
      onRequest: requireDevice(db),
      schema: { tags: ['sync'], security: [{ deviceToken: [] }], querystring: pullQuerySchema, response: { 200: pullResponseSchema } },
    },
    async (request): Promise<PullResponse> => {
      const { countyCode, id } = request.device!;
      const page = await pullPage(db, countyCode, request.query.since);
      // Recorded once the pull is answered: a refused one (a cursor the city cannot read) writes nothing.
      await recordContact(db, id, deviceReport(request.headers));
      return page;
    },
  );
};
