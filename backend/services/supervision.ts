// 督查督办 at the county (DOMAIN.md §6): supervision notices with time limits, leader case
// ownership (包案, 四定四包), lawyers and psychologists at receptions, and campaign batches.
import { v7 as uuidv7 } from 'uuid';
import { campaignResolution } from '../../domain/figures/indicators';
import { err, ok, type Err, type Result } from '../../domain/result';
import type { EventPayload } from '../../domain/sync/events';
import {
  campaignsWithLifecycles,
  insertCampaign,
  insertParticipant,
  insertSupervision,
  matterByNo,
  resolveSupervision,
  supervisionById,
  supervisionCountInYear,
  upsertLeaderCase,
  visitById,
} from '../../db/matters';
import { appendEvent } from '../../db/outbox';
import { matterById } from '../../db/registrations';
import { localTimestamp, type ServiceContext } from './context';
import { requireOperator } from './operator';
import { lifecycleOf } from './storedLifecycle';

/** A matter supervision may act on: one that exists and was not voided (a voided registration is no one's work). */
function supervisable(ctx: ServiceContext, matterId: string, what: string): Err | null {
  const m = matterById(ctx.db, matterId);
  if (!m) return err('matter_not_found', '信访事项不存在');
  return m.voidedAt ? err('matter_voided', `该登记已作废，不能${what}`) : null;
}

export function issueSupervision(ctx: ServiceContext, i: { matterId: string; dueOn: string; content: string }): Result<{ id: string; noticeNo: string }> {
  const op = requireOperator(ctx);
  if (!op.ok) return op;
  const refused = supervisable(ctx, i.matterId, '督办');
  if (refused) return refused;
  const issuedAt = localTimestamp(ctx.now());
  if (i.dueOn < issuedAt.slice(0, 10)) return err('due_in_past', '督办时限不能早于今天', 'dueOn');
  const id = uuidv7();
  const year = issuedAt.slice(0, 4);
  const noticeNo = ctx.db.transaction((tx) => {
    const no = `督〔${year}〕${supervisionCountInYear(tx, year) + 1}号`;
    insertSupervision(tx, { id, matterId: i.matterId, noticeNo: no, issuedBy: op.value.name, issuedAt, dueOn: i.dueOn, content: i.content, origin: 'local' });
    const payload = { supervisionId: id, matterId: i.matterId, noticeNo: no, issuedBy: op.value.name, issuedAt, dueOn: i.dueOn, content: i.content } satisfies EventPayload<'supervision.issued'>;
    appendEvent(tx, { id: uuidv7(), type: 'supervision.issued', entityId: i.matterId, occurredAt: issuedAt, payload });
    return no;
  });
  ctx.afterLocalWrite();
  return ok({ id, noticeNo });
}

export function resolveSupervisionNotice(ctx: ServiceContext, id: string): Result<{ id: string; resolvedAt: string }> {
  const s = supervisionById(ctx.db, id);
  if (!s) return err('supervision_not_found', '督办通知不存在');
  if (s.resolvedAt) return err('already_resolved', '该督办通知已办结');
  const resolvedAt = localTimestamp(ctx.now());
  ctx.db.transaction((tx) => {
    resolveSupervision(tx, id, resolvedAt);
    const payload = { supervisionId: id, matterId: s.matterId, resolvedAt } satisfies EventPayload<'supervision.resolved'>;
    appendEvent(tx, { id: uuidv7(), type: 'supervision.resolved', entityId: s.matterId, occurredAt: resolvedAt, payload });
  });
  ctx.afterLocalWrite();
  return ok({ id, resolvedAt });
}

export function assignLeaderCase(ctx: ServiceContext, i: { matterId: string; leader: string; staff: string; plan: string; dueOn: string }): Result<{ matterId: string }> {
  const refused = supervisable(ctx, i.matterId, '包案');
  if (refused) return refused;
  const assignedAt = localTimestamp(ctx.now());
  ctx.db.transaction((tx) => {
    upsertLeaderCase(tx, { ...i, assignedAt });
    appendEvent(tx, { id: uuidv7(), type: 'leaderCase.assigned', entityId: i.matterId, occurredAt: assignedAt, payload: { ...i, assignedAt } satisfies EventPayload<'leaderCase.assigned'> });
  });
  ctx.afterLocalWrite();
  return ok({ matterId: i.matterId });
}

export function addParticipant(ctx: ServiceContext, i: { visitId: string; role: 'lawyer' | 'psychologist'; name: string; organisation: string }): Result<{ id: string }> {
  const v = visitById(ctx.db, i.visitId);
  if (!v) return err('visit_not_found', '来访记录不存在');
  const id = uuidv7();
  const at = localTimestamp(ctx.now());
  ctx.db.transaction((tx) => {
    insertParticipant(tx, { id, ...i });
    const payload = { participantId: id, matterId: v.matterId, ...i } satisfies EventPayload<'participant.recorded'>;
    appendEvent(tx, { id: uuidv7(), type: 'participant.recorded', entityId: v.matterId, occurredAt: at, payload });
  });
  ctx.afterLocalWrite();
  return ok({ id });
}

/** A campaign matter is resolved when the petitioner stops (息诉罢访), not when it is closed (DOMAIN.md §6). */
export function listCampaigns(ctx: ServiceContext) {
  return ok(
    campaignsWithLifecycles(ctx.db).map(({ lifecycles, ...c }) => {
      const r = campaignResolution(lifecycles.map(lifecycleOf));
      return { ...c, assigned: r.denominator, resolved: r.numerator, resolutionRate: r.value };
    }),
  );
}

export function createCampaign(ctx: ServiceContext, i: { name: string; issuedBy: string; dueOn: string; matterNos: string[] }) {
  const ids: string[] = [];
  for (const no of new Set(i.matterNos)) {
    const m = matterByNo(ctx.db, no);
    if (!m) return err('matter_not_found', `信访件编号 ${no} 不存在`, 'matterNos');
    if (m.voidedAt) return err('matter_voided', `信访件编号 ${no} 的登记已作废，不能交办`, 'matterNos');
    ids.push(m.id);
  }
  const id = uuidv7();
  const issuedAt = localTimestamp(ctx.now());
  ctx.db.transaction((tx) => {
    insertCampaign(tx, { id, name: i.name, issuedBy: i.issuedBy, issuedAt, dueOn: i.dueOn }, ids);
    const payload = { campaignId: id, name: i.name, issuedBy: i.issuedBy, issuedAt, dueOn: i.dueOn, matterIds: ids } satisfies EventPayload<'campaign.created'>;
    appendEvent(tx, { id: uuidv7(), type: 'campaign.created', entityId: id, occurredAt: issuedAt, payload });
  });
  ctx.afterLocalWrite();
  const created = listCampaigns(ctx).value.find((c) => c.id === id)!;
  return ok(created);
}
