// Finds a person's matters across every county: those registered for their document, and those
// they came back about (a visit under their document), with every visit of each.
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { LOOKUP_LIMIT, type LookupResponse } from '../../domain/sync/lookup';
import type { CityDb } from '../store/db';
import { allVisits, matters } from '../store/schema';

export async function personMatters(db: CityDb, documentNumber: string, documentType?: string): Promise<LookupResponse> {
  const byDocument = (t: typeof matters | typeof allVisits) =>
    documentType === undefined ? eq(t.documentNumber, documentNumber) : and(eq(t.documentNumber, documentNumber), eq(t.documentType, documentType));
  const visitedMatters = db.select({ matterId: allVisits.matterId }).from(allVisits).where(byDocument(allVisits));
  const found = await db
    .select({
      matterId: matters.matterId,
      matterNo: matters.matterNo,
      countyCode: matters.countyCode,
      receivedAt: matters.receivedAt,
      status: matters.status,
      summary: matters.summary,
    })
    .from(matters)
    .where(or(byDocument(matters), inArray(matters.matterId, visitedMatters)))
    .orderBy(asc(matters.receivedAt), asc(matters.matterNo))
    .limit(LOOKUP_LIMIT);
  if (found.length === 0) return { matters: [] };

  const visitsOfFound = await db
    .select()
    .from(allVisits)
    .where(
      inArray(
        allVisits.matterId,
        found.map((m) => m.matterId),
      ),
    )
    .orderBy(asc(allVisits.receivedAt), asc(allVisits.visitId));
  return {
    matters: found.map((m) => ({
      ...m,
      receivedAt: m.receivedAt.toISOString(),
      visits: visitsOfFound
        .filter((v) => v.matterId === m.matterId)
        .map((v) => ({
          visitId: v.visitId,
          kind: v.kind as 'first' | 'repeat',
          countyCode: v.countyCode,
          receivedAt: v.receivedAt.toISOString(),
          channel: v.channel,
          headcount: v.headcount,
          terminatedMatter: v.terminatedMatter,
        })),
    })),
  };
}
