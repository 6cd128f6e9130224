// The city's 督办 notices (DOMAIN.md §6): issued about a county's matter, numbered 督〔year〕n号
// from 1 each year, and pulled by that county's devices. Shared by the admin-token API and the console.
import { desc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { supervisionNoticeSchema } from '../../domain/sync/pull';
import { HttpError } from '../http/errors';
import { nextChange } from '../store/changes';
import type { CityDb } from '../store/db';
import { matters, supervisionNotices } from '../store/schema';

/** The year the notice is numbered in: Beijing time, whatever the host's zone. */
const beijingYear = (at: Date) => new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();

export async function issueNotice(db: CityDb, n: { matterNo: string; issuedBy: string; dueOn: string; content: string }) {
  return db.transaction(async (tx) => {
    const [matter] = await tx.select({ matterId: matters.matterId, countyCode: matters.countyCode }).from(matters).where(eq(matters.matterNo, n.matterNo));
    if (!matter) throw new HttpError(404, 'matter_not_found', `市里没有编号为 ${n.matterNo} 的信访件 / no such matter`);
    // Taken first: its lock also serialises the numbering below.
    const changeSeq = await nextChange(tx);
    const issuedAt = new Date();
    const year = beijingYear(issuedAt);
    const [last] = await tx.select({ n: max(supervisionNotices.number) }).from(supervisionNotices).where(eq(supervisionNotices.year, year));
    const number = (last?.n ?? 0) + 1;
    const [row] = await tx
      .insert(supervisionNotices)
      .values({ id: crypto.randomUUID(), matterId: matter.matterId, matterNo: n.matterNo, countyCode: matter.countyCode, year, number, noticeNo: `督〔${year}〕${number}号`, issuedBy: n.issuedBy, issuedAt, dueOn: n.dueOn, content: n.content, changeSeq })
      .returning();
    return row!;
  });
}

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

export async function listNotices(db: CityDb, limit = 500) {
  const rows = await db.select().from(supervisionNotices).orderBy(desc(supervisionNotices.issuedAt)).limit(limit);
  return rows.map((r) => ({ ...toNotice(r), countyCode: r.countyCode }));
}
