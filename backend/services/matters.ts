// A matter's file and its life: the detail view, lifecycle commands (each a transition row, the
// new lifecycle and one outbox event in one transaction, then its documents) and the work queue.
import { v7 as uuidv7 } from 'uuid';
import { categoryPath } from '../../domain/reference/categories';
import { maskIdNumber } from '../../domain/identity/residentId';
import { channelSchema } from '../../domain/intake/registration';
import { pickFlags } from '../../domain/intake/flags';
import { allowedCommandsFor, DELIVERED_DOCUMENT } from '../../domain/matters/transitions';
import { applyCommand } from '../../domain/matters/applyCommand';
import { COMMAND_LABELS, matterCommandSchema, type MatterCommand, type MatterCommandInput } from '../../domain/matters/commands';
import { nextDeadline } from '../../domain/matters/deadlines';
import { STATE_LABELS } from '../../domain/matters/states';
import { documentDeliveredPayload, matterTransitionedPayload } from '../../domain/matters/events';
import type { MatterDetail } from '../../domain/matters/rpc';
import { DOCUMENT_TITLES, documentKindSchema, type DocumentKind } from '../../domain/documents/kinds';
import { err, ok, type Result } from '../../domain/result';
import { maskName } from '../../domain/staff/roles';
import {
  documentsOf,
  insertTransition,
  leaderCaseOf,
  matterWithVisitor,
  openMattersDue,
  recordDelivery,
  participantsOf,
  saveLifecycle,
  supervisionOf,
  transitionsOf,
  visitsOf,
} from '../../db/matters';
import { appendEvent } from '../../db/outbox';
import { localDay, localTimestamp, type ReadContext, type ServiceContext } from './context';
import { generateDocument } from './documents';
import { reporterVisible, requireOperator } from './operator';
import { lifecycleOf } from './storedLifecycle';

/** What the operator may see of the petitioner: a protected reporter is masked for most roles. */
function visitorView(v: { name: string; idNumber: string; mobile: string }, masked: boolean) {
  return masked
    ? { name: maskName(v.name), credential: maskIdNumber(v.idNumber).replace(/\d/g, '*'), mobile: v.mobile ? '***********' : '', masked }
    : { name: v.name, credential: v.idNumber, mobile: v.mobile, masked };
}

export function matterDetail(ctx: ServiceContext, matterId: string): Result<MatterDetail> {
  const row = matterWithVisitor(ctx.db, matterId);
  if (!row) return err('matter_not_found', '信访事项不存在');
  const m = row.matter;
  const lifecycle = lifecycleOf(m.lifecycle);
  const today = localDay(ctx.now());
  const lc = leaderCaseOf(ctx.db, matterId);
  return ok({
    matterId: m.id,
    matterNo: m.matterNo,
    status: lifecycle.state,
    statusLabel: STATE_LABELS[lifecycle.state],
    receivedAt: m.receivedAt,
    channel: channelSchema.parse(m.channel),
    headcount: m.headcount,
    category: categoryPath(ctx.reference().categories, m.categoryCode) ?? [],
    placeRegion: m.placeRegion,
    respondent: m.respondent,
    summary: m.summary,
    facts: m.facts,
    flags: pickFlags(m),
    visitor: visitorView(row.visitor, m.reporterProtected && !reporterVisible(ctx)),
    lifecycle,
    nextDeadline: nextDeadline(lifecycle, today, { deadlines: ctx.reference().deadlines }),
    allowedCommands: allowedCommandsFor(lifecycle),
    transitions: transitionsOf(ctx.db, matterId).map((t) => {
      const command = JSON.parse(t.command) as MatterCommand;
      return {
        id: t.id,
        at: t.at,
        from: t.fromState,
        to: t.toState,
        command: command.type,
        label: COMMAND_LABELS[command.type],
        actorName: t.actorName,
        reason: t.reason,
        documents: JSON.parse(t.documents) as DocumentKind[],
      };
    }),
    documents: documentsOf(ctx.db, matterId).map((d) => {
      const kind = documentKindSchema.parse(d.kind);
      return { id: d.id, kind, title: DOCUMENT_TITLES[kind], fileName: d.fileName, createdAt: d.createdAt, deliveredAt: d.deliveredAt, deliveryMethod: d.deliveryMethod };
    }),
    visits: visitsOf(ctx.db, matterId).map((v) => ({ visitId: v.id, kind: v.kind, receivedAt: v.receivedAt, headcount: v.headcount })),
    supervision: supervisionOf(ctx.db, matterId).map((s) => ({
      id: s.id,
      noticeNo: s.noticeNo,
      issuedBy: s.issuedBy,
      issuedAt: s.issuedAt,
      dueOn: s.dueOn,
      content: s.content,
      resolvedAt: s.resolvedAt,
      origin: s.origin,
    })),
    leaderCase: lc ? { leader: lc.leader, staff: lc.staff, plan: lc.plan, dueOn: lc.dueOn, assignedAt: lc.assignedAt } : null,
    participants: participantsOf(ctx.db, matterId),
  });
}

/**
 * Applies one lifecycle command as the current operator (the actor on the command is replaced:
 * who did it is the session's word, not the caller's). Documents it names are produced after
 * the commit; a document that fails leaves the transition in place and says so.
 */
export async function runMatterCommand(ctx: ServiceContext, matterId: string, input: MatterCommandInput): Promise<Result<MatterDetail>> {
  const op = requireOperator(ctx);
  if (!op.ok) return op;
  const row = matterWithVisitor(ctx.db, matterId);
  if (!row) return err('matter_not_found', '信访事项不存在');
  const command = matterCommandSchema.parse({ ...input, actor: { userId: op.value.userId, name: op.value.name, role: op.value.role } });
  const applied = applyCommand(lifecycleOf(row.matter.lifecycle), command, { deadlines: ctx.reference().deadlines });
  if (!applied.ok) return applied;
  const { matter: next, transition } = applied.value;
  const now = localTimestamp(ctx.now());
  // A 送达 step hands over the newest undelivered reply or opinion: its delivery is recorded with the step.
  const deliveredKind = command.type === 'deliver' ? DELIVERED_DOCUMENT[transition.from] : undefined;
  const handedOver = deliveredKind ? documentsOf(ctx.db, matterId).filter((d) => d.kind === deliveredKind && !d.deliveredAt).at(-1) : undefined;
  const transitionId = uuidv7();
  const due = next.deadlines?.lastDay ?? null;
  ctx.db.transaction((tx) => {
    saveLifecycle(tx, matterId, {
      status: next.state,
      lifecycle: JSON.stringify(next),
      nextStep: next.deadlines?.nextStep ?? null,
      nextDue: due,
      // Once a 检举控告, always protected: reclassifying later must not expose the reporter.
      reporterProtected: next.protectReporter || row.matter.reporterProtected,
      updatedAt: now,
    });
    insertTransition(tx, {
      id: transitionId,
      matterId,
      fromState: transition.from,
      toState: transition.to,
      command: JSON.stringify(command),
      actorId: transition.actor.userId,
      actorName: transition.actor.name,
      actorRole: transition.actor.role,
      at: transition.at,
      reason: transition.reason,
      documents: JSON.stringify(transition.documents),
    });
    const payload = matterTransitionedPayload.parse({ matterId, matterNo: row.matter.matterNo, transitionId, from: transition.from, to: transition.to, command, at: transition.at, nextDue: due });
    appendEvent(tx, { id: uuidv7(), type: 'matter.transitioned', entityId: matterId, occurredAt: transition.at, payload });
    if (command.type === 'deliver' && handedOver) {
      recordDelivery(tx, handedOver.id, { deliveryMethod: command.method, deliveredTo: command.to, deliveredAt: command.at });
      const delivered = documentDeliveredPayload.parse({ documentId: handedOver.id, matterId, kind: handedOver.kind, method: command.method, to: command.to, at: command.at });
      appendEvent(tx, { id: uuidv7(), type: 'document.delivered', entityId: matterId, occurredAt: command.at, payload: delivered });
    }
  });
  ctx.afterLocalWrite();
  for (const kind of transition.documents) {
    const delivery =
      kind === 'delivery-receipt' && command.type === 'deliver' && deliveredKind
        ? { kind: deliveredKind, method: command.method, to: command.to, at: command.at }
        : undefined;
    const doc = await generateDocument(ctx, matterId, kind, delivery);
    if (!doc.ok) return err(doc.code, `已${COMMAND_LABELS[command.type]}，但文书未能生成：${doc.message}`);
  }
  return matterDetail(ctx, matterId);
}

export function workQueue(ctx: ReadContext, scope: 'all' | 'overdue' | 'due-soon', dueSoonDays: number) {
  const today = localDay(ctx.now());
  const showReporter = reporterVisible(ctx);
  const calendar = { deadlines: ctx.reference().deadlines };
  const items = openMattersDue(ctx.db, null).map((m) => {
    const lifecycle = lifecycleOf(m.lifecycle);
    return {
      matterId: m.matterId,
      matterNo: m.matterNo,
      visitorName: m.reporterProtected && !showReporter ? maskName(m.visitorName) : m.visitorName,
      summary: m.summary,
      statusLabel: STATE_LABELS[lifecycle.state],
      nextDeadline: nextDeadline(lifecycle, today, calendar),
      supervised: Boolean(m.supervised),
    };
  });
  const overdue = items.filter((i) => i.nextDeadline?.overdue);
  const dueSoon = items.filter((i) => i.nextDeadline && !i.nextDeadline.overdue && i.nextDeadline.daysLeft <= dueSoonDays);
  // Overdue first (most overdue on top), then by days left; matters with no running deadline last.
  const rank = (i: (typeof items)[number]) => (i.nextDeadline ? i.nextDeadline.daysLeft : Number.MAX_SAFE_INTEGER);
  const chosen = scope === 'overdue' ? overdue : scope === 'due-soon' ? [...overdue, ...dueSoon] : items;
  return ok({
    counts: { open: items.length, overdue: overdue.length, dueSoon: dueSoon.length },
    items: [...chosen].sort((a, b) => rank(a) - rank(b)),
  });
}
