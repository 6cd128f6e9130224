// Reading and updating a matter's file: its lifecycle, transitions, documents, visits,
// supervision and campaigns. Only tables and queries here; the rules live in domain/.
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DeadlineStep } from '../domain/calendar/deadlines';
import type { DeliveryMethod } from '../domain/matters/commands';
import type { MatterState } from '../domain/matters/states';
import type { LocalDb } from './open';
import { openMatter } from './queueColumns';
import { campaign, campaignMatter, document, leaderCase, matter, participant, supervision, transition, visit, visitor } from './schema';

type Tx = Pick<LocalDb, 'insert' | 'select' | 'update' | 'delete'>;
export type TransitionRow = typeof transition.$inferInsert;
export type DocumentRow = typeof document.$inferInsert;

export function matterWithVisitor(db: Tx, matterId: string) {
  return db.select().from(matter).innerJoin(visitor, eq(visitor.id, matter.visitorId)).where(eq(matter.id, matterId)).get();
}

export function matterByNo(db: Tx, matterNo: string) {
  return db.select().from(matter).where(eq(matter.matterNo, matterNo)).get();
}

export function saveLifecycle(
  tx: Tx,
  matterId: string,
  m: { status: MatterState; lifecycle: string; nextStep: DeadlineStep | null; nextDue: string | null; reporterProtected: boolean; updatedAt: string },
): void {
  tx.update(matter).set(m).where(eq(matter.id, matterId)).run();
}

export function insertTransition(tx: Tx, row: TransitionRow): void {
  tx.insert(transition).values(row).run();
}

export function transitionsOf(db: LocalDb, matterId: string) {
  return db.select().from(transition).where(eq(transition.matterId, matterId)).orderBy(asc(transition.at), asc(transition.id)).all();
}

export function insertDocument(tx: Tx, row: DocumentRow): void {
  tx.insert(document).values(row).run();
}

export function documentById(db: LocalDb, id: string) {
  return db.select().from(document).where(eq(document.id, id)).get();
}

export function documentsOf(db: LocalDb, matterId: string) {
  return db.select().from(document).where(eq(document.matterId, matterId)).orderBy(asc(document.createdAt), asc(document.id)).all();
}

export function recordDelivery(tx: Tx, id: string, d: { deliveryMethod: DeliveryMethod; deliveredTo: string; deliveredAt: string }): void {
  tx.update(document).set(d).where(eq(document.id, id)).run();
}

export function visitsOf(db: LocalDb, matterId: string) {
  return db.select().from(visit).where(eq(visit.matterId, matterId)).orderBy(asc(visit.receivedAt)).all();
}

export function visitById(db: LocalDb, id: string) {
  return db.select().from(visit).where(eq(visit.id, id)).get();
}

export function supervisionOf(db: LocalDb, matterId: string) {
  return db.select().from(supervision).where(eq(supervision.matterId, matterId)).orderBy(asc(supervision.issuedAt)).all();
}

export function insertSupervision(tx: Tx, row: typeof supervision.$inferInsert): void {
  tx.insert(supervision).values(row).run();
}

export function resolveSupervision(tx: Tx, id: string, resolvedAt: string) {
  return tx.update(supervision).set({ resolvedAt }).where(and(eq(supervision.id, id), isNull(supervision.resolvedAt))).returning().get();
}

export function supervisionById(db: LocalDb, id: string) {
  return db.select().from(supervision).where(eq(supervision.id, id)).get();
}

export function supervisionCountInYear(tx: Tx, year: string): number {
  return tx.select({ n: count() }).from(supervision).where(sql`substr(${supervision.issuedAt}, 1, 4) = ${year}`).get()?.n ?? 0;
}

export function leaderCaseOf(db: LocalDb, matterId: string) {
  return db.select().from(leaderCase).where(eq(leaderCase.matterId, matterId)).get();
}

export function upsertLeaderCase(tx: Tx, row: typeof leaderCase.$inferInsert): void {
  const { matterId: _m, ...set } = row;
  tx.insert(leaderCase).values(row).onConflictDoUpdate({ target: leaderCase.matterId, set }).run();
}

export function participantsOf(db: LocalDb, matterId: string) {
  return db
    .select({ visitId: participant.visitId, role: participant.role, name: participant.name, organisation: participant.organisation })
    .from(participant)
    .innerJoin(visit, eq(visit.id, participant.visitId))
    .where(eq(visit.matterId, matterId))
    .all();
}

export function insertParticipant(tx: Tx, row: typeof participant.$inferInsert): void {
  tx.insert(participant).values(row).run();
}

/** Open matters after rowid `after`, `limit` of them in rowid order: the calendar's recount walks them a batch at a time. */
export function openLifecyclesAfter(db: Tx, after: number, limit: number) {
  return db
    .select({ rowid: sql<number>`${matter}.rowid`, matterId: matter.id, lifecycle: matter.lifecycle, reporterProtected: matter.reporterProtected })
    .from(matter)
    .where(and(openMatter(matter), sql`${matter}.rowid > ${after}`))
    .orderBy(sql`${matter}.rowid`)
    .limit(limit)
    .all();
}

export function insertCampaign(tx: Tx, row: typeof campaign.$inferInsert, matterIds: string[]): void {
  tx.insert(campaign).values(row).run();
  for (const matterId of matterIds) tx.insert(campaignMatter).values({ campaignId: row.id, matterId }).run();
}

/** Each campaign with its assigned and resolved counts. */
/** Each campaign, newest first, with the lifecycle JSON of every matter it assigned (its 化解率 is the domain's). */
export function campaignsWithLifecycles(db: LocalDb) {
  const campaigns = db
    .select({ id: campaign.id, name: campaign.name, issuedBy: campaign.issuedBy, issuedAt: campaign.issuedAt, dueOn: campaign.dueOn })
    .from(campaign)
    .orderBy(desc(campaign.issuedAt))
    .all();
  const lifecycles = new Map<string, string[]>();
  const rows = db
    .select({ campaignId: campaignMatter.campaignId, lifecycle: matter.lifecycle })
    .from(campaignMatter)
    .innerJoin(matter, eq(matter.id, campaignMatter.matterId))
    .all();
  for (const r of rows) lifecycles.set(r.campaignId, [...(lifecycles.get(r.campaignId) ?? []), r.lifecycle]);
  return campaigns.map((c) => ({ ...c, lifecycles: lifecycles.get(c.id) ?? [] }));
}
