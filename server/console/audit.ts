// The city's audit (DESIGN.md §6): who signed in, changed something or viewed a full record in
// the console, under the actions of domain/console/audit.ts. Rows are only ever added; the
// administrator reads them.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { ConsoleAuditAction } from '../../domain/console/audit';
import type { ConsoleAuditDetail } from '../../domain/console/auditDetail';
import type { CityDb } from '../store/db';
import { cityAudit } from '../store/schema';

export interface Actor {
  staffId: string | null;
  /** '张三（zhangsan）', or what acted without an account ('启动令牌'). */
  label: string;
}

export async function recordAudit(db: CityDb, actor: Actor, action: ConsoleAuditAction, target: string | null = null, detail: ConsoleAuditDetail | null = null): Promise<void> {
  await db.insert(cityAudit).values({ id: randomUUID(), staffId: actor.staffId, actor: actor.label, action, target, detail });
}

export async function listAudit(db: CityDb, q: { action?: ConsoleAuditAction; before?: string; limit: number }) {
  const where: SQL[] = [];
  if (q.action) where.push(eq(cityAudit.action, q.action));
  if (q.before) where.push(lt(cityAudit.at, new Date(q.before)));
  const rows = await db
    .select()
    .from(cityAudit)
    .where(and(...where))
    .orderBy(desc(cityAudit.at))
    .limit(q.limit);
  return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actor: r.actor, action: r.action, target: r.target, detail: r.detail }));
}
