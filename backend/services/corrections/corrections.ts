// Corrections that keep history (issue #12): 更正 of a registration's fields, 作废 of a mistaken
// registration, and 撤回 of the latest lifecycle step. Each writes its correction row, the
// change it makes and one outbox event in one transaction, with who did it and why; nothing
// recorded before is deleted. Who may do which is METHOD_ACCESS's (domain/staff/permissions.ts).
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { changesBetween, type CorrectionValues } from '../../../domain/corrections/fields';
import type { EventPayload } from '../../../domain/sync/events';
import { withdrawLatest, type StoredStep } from '../../../domain/corrections/withdraw';
import type { MatterCommand } from '../../../domain/matters/commands';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { categorySelectionSchema } from '../../../domain/reference/categories';
import { regionSelectionSchema } from '../../../domain/regions/regions';
import { err, errFromZod, type Err, type Result } from '../../../domain/result';
import { insertCorrection, markVoided, representativeCount, updateMatterFields, updatePetitioner, withdrawnTransitions } from '../../../db/corrections';
import { matterWithVisitor, saveLifecycle, transitionsOf } from '../../../db/matters';
import { appendEvent } from '../../../db/outbox';
import { localTimestamp, type ServiceContext } from '../context';
import { refreshFacts } from '../figureFacts';
import { reporterVisible, requireOperator } from '../operator';
import { matterDetail } from '../matters/matterFile';

type Row = NonNullable<ReturnType<typeof matterWithVisitor>>;

/** The matter as a correction finds it: there, and not void. */
function openMatter(ctx: ServiceContext, matterId: string): Result<Row> {
  const row = matterWithVisitor(ctx.db, matterId);
  if (!row) return err('matter_not_found', '信访事项不存在');
  if (row.matter.voidedAt) return err('matter_voided', '该登记已作废，不能再更正或办理');
  return { ok: true, value: row };
}

/** Codes the schema checked only for shape, checked against the reference data as at registration. */
function checkCodes(ctx: ServiceContext, v: CorrectionValues): Err | null {
  const { regions, categories } = ctx.reference();
  const checks: [string, string | undefined, z.ZodType][] = [
    ['values.categoryCode', v.categoryCode, categorySelectionSchema(categories)],
    ['values.placeRegion', v.placeRegion || undefined, regionSelectionSchema(regions)],
  ];
  for (const [field, code, schema] of checks) {
    if (code === undefined) continue;
    const r = schema.safeParse(code);
    if (!r.success) return errFromZod(r.error, field);
  }
  return null;
}

export function correctMatter(ctx: ServiceContext, input: { matterId: string; values: CorrectionValues; reason: string }): Result<MatterDetail> {
  const op = requireOperator(ctx);
  if (!op.ok) return op;
  const found = openMatter(ctx, input.matterId);
  if (!found.ok) return found;
  const { matter: m, visitor: v } = found.value;
  const codes = checkCodes(ctx, input.values);
  if (codes) return codes;
  const changes = changesBetween(
    { visitorName: v.name, mobile: v.mobile, channel: m.channel, headcount: m.headcount, categoryCode: m.categoryCode, placeRegion: m.placeRegion, respondent: m.respondent, summary: m.summary, facts: m.facts },
    input.values,
  );
  if (changes.length === 0) return err('no_change', '没有需要更正的内容：填写的新值与原值相同');
  const touchesPerson = changes.some((c) => c.field === 'visitorName' || c.field === 'mobile');
  // 条例 art. 30: who may not see a protected reporter may not read or rewrite them either.
  if (touchesPerson && m.reporterProtected && !reporterVisible(ctx)) return err('forbidden', '检举控告事项的信访人信息仅科长/督办可以更正');
  const headcount = input.values.headcount;
  if (headcount !== undefined && headcount < representativeCount(ctx.db, m.id)) return err('invalid_input', '来访人数不能少于代表人数', 'values.headcount');

  const at = localTimestamp(ctx.now());
  const correctionId = uuidv7();
  const actor = { userId: op.value.userId, name: op.value.name, role: op.value.role };
  const set = Object.fromEntries(changes.map((c) => [c.field, c.to]));
  ctx.db.transaction((tx) => {
    const { visitorName, mobile, ...own } = set as CorrectionValues;
    if (Object.keys(own).length > 0) updateMatterFields(tx, m.id, { ...own, updatedAt: at });
    if (touchesPerson) updatePetitioner(tx, m.id, m.visitorId, { ...(visitorName !== undefined && { name: visitorName }), ...(mobile !== undefined && { mobile }), updatedAt: at });
    insertCorrection(tx, { id: correctionId, matterId: m.id, kind: 'correct', changes: JSON.stringify(changes), reason: input.reason, actorId: actor.userId, actorName: actor.name, actorRole: actor.role, at });
    const payload = { correctionId, matterId: m.id, matterNo: m.matterNo, reason: input.reason, actor, at, changes } satisfies EventPayload<'matter.corrected'>;
    appendEvent(tx, { id: uuidv7(), type: 'matter.corrected', entityId: m.id, occurredAt: at, payload });
  });
  ctx.afterLocalWrite();
  return matterDetail(ctx, m.id);
}

export function voidMatter(ctx: ServiceContext, input: { matterId: string; reason: string }): Result<MatterDetail> {
  const op = requireOperator(ctx);
  if (!op.ok) return op;
  const found = openMatter(ctx, input.matterId);
  if (!found.ok) return found;
  const m = found.value.matter;
  const at = localTimestamp(ctx.now());
  const correctionId = uuidv7();
  const actor = { userId: op.value.userId, name: op.value.name, role: op.value.role };
  ctx.db.transaction((tx) => {
    markVoided(tx, m.id, at);
    // A voided registration leaves the figures.
    refreshFacts(tx, ctx.reference(), m.id);
    insertCorrection(tx, { id: correctionId, matterId: m.id, kind: 'void', reason: input.reason, actorId: actor.userId, actorName: actor.name, actorRole: actor.role, at });
    const payload = { correctionId, matterId: m.id, matterNo: m.matterNo, reason: input.reason, actor, at } satisfies EventPayload<'matter.voided'>;
    appendEvent(tx, { id: uuidv7(), type: 'matter.voided', entityId: m.id, occurredAt: at, payload });
  });
  ctx.afterLocalWrite();
  return matterDetail(ctx, m.id);
}

export function withdrawStep(ctx: ServiceContext, input: { matterId: string; transitionId: string; reason: string }): Result<MatterDetail> {
  const op = requireOperator(ctx);
  if (!op.ok) return op;
  const found = openMatter(ctx, input.matterId);
  if (!found.ok) return found;
  const m = found.value.matter;
  if (m.origin === 'import') return err('nothing_to_withdraw', '导入的历史记录没有可撤回的办理步骤');
  const withdrawn = withdrawnTransitions(ctx.db, m.id);
  const steps = transitionsOf(ctx.db, m.id).map((t): StoredStep => ({ transitionId: t.id, command: JSON.parse(t.command) as MatterCommand, withdrawnBy: withdrawn.get(t.id) ?? null }));
  const correctionId = uuidv7();
  const { deadlines, policy } = ctx.reference();
  // The same rules a step is taken on (matterCommand.ts), so the replay gives what taking them gave.
  const r = withdrawLatest(m.receivedOn, steps, correctionId, { deadlines, handlingTargetDays: policy.handlingTargetDays });
  if (!r.ok) return r;
  if (r.value.step.transitionId !== input.transitionId) return err('not_latest_step', '只能撤回最近一步；该事项已有更新的办理步骤，请刷新后再试');
  const next = r.value.matter;
  const at = localTimestamp(ctx.now());
  const actor = { userId: op.value.userId, name: op.value.name, role: op.value.role };
  const nextDue = next.deadlines?.lastDay ?? null;
  ctx.db.transaction((tx) => {
    saveLifecycle(tx, m.id, {
      status: next.state,
      lifecycle: JSON.stringify(next),
      nextStep: next.deadlines?.nextStep ?? null,
      nextDue,
      // Once a 检举控告, always protected: taking back the classification must not expose the reporter.
      reporterProtected: m.reporterProtected,
      updatedAt: at,
    });
    refreshFacts(tx, { deadlines, policy }, m.id);
    insertCorrection(tx, {
      id: correctionId,
      matterId: m.id,
      kind: 'withdraw',
      withdrawnTransitionId: input.transitionId,
      fromState: m.status,
      toState: next.state,
      reason: input.reason,
      actorId: actor.userId,
      actorName: actor.name,
      actorRole: actor.role,
      at,
    });
    const payload = { correctionId, matterId: m.id, matterNo: m.matterNo, reason: input.reason, actor, at, withdrawnTransitionId: input.transitionId, from: m.status, to: next.state, nextDue } satisfies EventPayload<'matter.stepWithdrawn'>;
    appendEvent(tx, { id: uuidv7(), type: 'matter.stepWithdrawn', entityId: m.id, occurredAt: at, payload });
  });
  ctx.afterLocalWrite();
  return matterDetail(ctx, m.id);
}
