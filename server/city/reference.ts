// Publishing reference data (DESIGN.md §4 "Pull"): each key's value is replaced whole, numbered
// 1, 2, … per key, and every version is kept with who published it; devices pull the latest.
import { desc, eq, sql } from 'drizzle-orm';
import type { ReferenceKey } from '../../domain/sync/pull';
import { nextChange } from '../store/changes';
import { ensureCityFacts } from './figureFacts';
import type { CityDb } from '../store/db';
import { referenceData, referenceHistory } from '../store/schema';

/**
 * `value` may be worked out from what is stored (a year added to the calendar): it is called after
 * the change counter's row lock is taken, which holds every other writer, so no publication is lost.
 */
export async function publishReference(
  db: CityDb,
  key: ReferenceKey,
  value: unknown | ((tx: CityDb) => Promise<unknown>),
  publishedBy: string,
): Promise<{ key: ReferenceKey; version: number; updatedAt: string }> {
  const updatedAt = new Date();
  const version = await db.transaction(async (tx) => {
    const changeSeq = await nextChange(tx);
    if (typeof value === 'function') value = await (value as (tx: CityDb) => Promise<unknown>)(tx);
    const [row] = await tx
      .insert(referenceData)
      .values({ key, value, updatedAt, changeSeq, version: 1 })
      .onConflictDoUpdate({ target: referenceData.key, set: { value, updatedAt, changeSeq, version: sql`${referenceData.version} + 1` } })
      .returning({ version: referenceData.version });
    await tx.insert(referenceHistory).values({ key, version: row!.version, value, publishedAt: updatedAt, publishedBy });
    // New holidays or figure options: every matter's figure facts are made again under them, with the publication.
    await ensureCityFacts(tx);
    return row!.version;
  });
  return { key, version, updatedAt: updatedAt.toISOString() };
}

export async function currentReference(db: CityDb) {
  const rows = await db.select().from(referenceData);
  return rows.map((r) => ({ key: r.key, version: r.version, value: r.value, updatedAt: r.updatedAt.toISOString() }));
}

export async function referenceVersions(db: CityDb, key: ReferenceKey) {
  const rows = await db.select().from(referenceHistory).where(eq(referenceHistory.key, key)).orderBy(desc(referenceHistory.version));
  return rows.map((r) => ({ version: r.version, publishedAt: r.publishedAt.toISOString(), publishedBy: r.publishedBy, value: r.value }));
}
