// Finds a person's matters across every county: those registered for their 证件, and those they
// came back about (a visit under their 证件), with the dates of every visit of each. The answer
// holds only what the repeat check needs (domain/sync/lookup.ts), leaves out every matter whose
// reporter is protected (检举控告, 条例 art. 30), and each lookup is recorded for audit.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { LOOKUP_LIMIT, type LookupResponse } from '../../domain/sync/lookup';
import type { CityDb } from '../store/db';
import { allVisits, matters, personLookups } from '../store/schema';

export interface LookupQuery {
  idNumber: string;
  /** Left out: any type (the administrator may). */
  idType?: string;
  /** Who asks: a device, or null for the administrator. */
  deviceId: string | null;
}

/** The lifecycle replayed from the window's steps says so once the matter is classified 检举控告. */
const reporterNotProtected = sql`(${matters.lifecycle}->>'protectReporter') IS DISTINCT FROM 'true'`;

export async function personMatters(db: CityDb, { idNumber, idType, deviceId }: LookupQuery): Promise<LookupResponse> {
  const byDocument = (t: typeof matters | typeof allVisits) =>
    idType === undefined ? eq(t.idNumber, idNumber) : and(eq(t.idNumber, idNumber), eq(t.idType, idType));
  const visitedMatters = db.select({ matterId: allVisits.matterId }).from(allVisits).where(byDocument(allVisits));
  const found = await db
    .select({ matterId: matters.matterId, matterNo: matters.matterNo, countyCode: matters.countyCode, receivedAt: matters.receivedAt, status: matters.status })
    .from(matters)
    // A voided registration was a mistake: no earlier matter of anyone.
    .where(and(or(byDocument(matters), inArray(matters.matterId, visitedMatters)), reporterNotProtected, isNull(matters.voidedAt)))
    .orderBy(asc(matters.receivedAt), asc(matters.matterNo))
    .limit(LOOKUP_LIMIT);
  await db.insert(personLookups).values({ id: randomUUID(), deviceId, idType: idType ?? null, idNumber, mattersFound: found.length });
  if (found.length === 0) return { matters: [] };

  const visitsOfFound = await db
    .select({ visitId: allVisits.visitId, matterId: allVisits.matterId, kind: allVisits.kind, countyCode: allVisits.countyCode, receivedAt: allVisits.receivedAt, terminatedMatter: allVisits.terminatedMatter })
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
          terminatedMatter: v.terminatedMatter,
        })),
    })),
  };
}
