// One lifecycle step on a matter: the transition row, the new lifecycle and its outbox event in
// one transaction, then the documents the step produces. Who acts is the session's user, and
// whether their role may take this step is checked here (domain/staff/permissions.ts).
import { v7 as uuidv7 } from 'uuid';
import { DELIVERED_DOCUMENT } from '../../../domain/matters/transitions';
import { applyParsedCommand } from '../../../domain/matters/applyCommand';
import { COMMAND_LABELS, type ParsedCommandRequest, type MatterCommand } from '../../../domain/matters/commands';
import type { CommandOutcome } from '../../../domain/matters/rpc';
import { err, ok, type Result } from '../../../domain/result';
import type { EventPayload } from '../../../domain/sync/events';
import { COMMAND_ACCESS } from '../../../domain/staff/permissions';
import { ROLE_LABELS } from '../../../domain/staff/roles';
import { documentsOf, insertTransition, matterWithVisitor, recordDelivery, saveLifecycle } from '../../../db/matters';
import { appendEvent } from '../../../db/outbox';
import { localTimestamp, type ServiceContext } from '../context';
import { generateDocument } from '../documents';
import { requireOperator } from '../operator';
import { refreshFacts } from '../figureFacts';
import { lifecycleOf } from '../storedLifecycle';
import { matterDetail } from './matterFile';

/**
 * Applies one lifecycle command as the signed-in user. Documents it names are produced after the
 * commit: the step stands even when one fails, and the answer is then ok with a warning saying
 * which paper is missing, never an error (the step was taken; the paper can be made again).
 */
export async function runMatterCommand(ctx: ServiceContext, matterId: string, request: ParsedCommandRequest): Promise<Result<CommandOutcome>> {
  const op = requireOperator(ctx);
  if (!op.ok) return op;
  if (!COMMAND_ACCESS[request.type].includes(op.value.role)) {
    return err('forbidden', `当前岗位（${ROLE_LABELS[op.value.role]}）无权${COMMAND_LABELS[request.type]}`);
  }
  const row = matterWithVisitor(ctx.db, matterId);
  if (!row) return err('matter_not_found', '信访事项不存在');
  if (row.matter.voidedAt) return err('matter_voided', '该登记已作废，不能再办理');
  // The router checked the request against the contract; who acts is the session's, so the command needs no second parse.
  const command: MatterCommand = { ...request, actor: { userId: op.value.userId, name: op.value.name, role: op.value.role } };
  const { deadlines, policy } = ctx.reference();
  const applied = applyParsedCommand(lifecycleOf(row.matter.lifecycle), command, { deadlines, handlingTargetDays: policy.handlingTargetDays });
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
    refreshFacts(tx, { deadlines, policy }, matterId);
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
    const payload = { matterId, matterNo: row.matter.matterNo, transitionId, from: transition.from, to: transition.to, command, at: transition.at, nextDue: due } satisfies EventPayload<'matter.transitioned'>;
    appendEvent(tx, { id: uuidv7(), type: 'matter.transitioned', entityId: matterId, occurredAt: transition.at, payload });
    if (command.type === 'deliver' && handedOver) {
      recordDelivery(tx, handedOver.id, { deliveryMethod: command.method, deliveredTo: command.to, deliveredAt: command.at });
      const delivered = { documentId: handedOver.id, matterId, kind: handedOver.kind, method: command.method, to: command.to, at: command.at } satisfies EventPayload<'document.delivered'>;
      appendEvent(tx, { id: uuidv7(), type: 'document.delivered', entityId: matterId, occurredAt: command.at, payload: delivered });
    }
  });
  ctx.afterLocalWrite();
  const warnings: string[] = [];
  for (const kind of transition.documents) {
    const delivery =
      kind === 'delivery-receipt' && command.type === 'deliver' && deliveredKind
        ? { kind: deliveredKind, method: command.method, to: command.to, at: command.at }
        : undefined;
    // A fault (a full disk, a missing font file) is no more an error than a refusal: the step is saved.
    const doc = await generateDocument(ctx, matterId, kind, delivery).catch((e: unknown) => {
      ctx.log(`document ${kind} of a committed step failed`, e);
      return err('document_failed', '保存文书时出错');
    });
    if (!doc.ok) warnings.push(`已${COMMAND_LABELS[command.type]}，但文书未能生成：${doc.message}。可在“文书”中重新生成。`);
  }
  const detail = matterDetail(ctx, matterId);
  return detail.ok ? ok({ detail: detail.value, warnings }) : detail;
}

