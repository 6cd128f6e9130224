// A matter's file (事项详情): everything the window knows of one matter, with the petitioner
// masked for roles that may not see a protected reporter (条例 art. 30).
import { categoryPath } from '../../../domain/reference/categories';
import { channelSchema } from '../../../domain/intake/registration';
import { pickFlags } from '../../../domain/intake/flags';
import { allowedCommandsFor } from '../../../domain/matters/transitions';
import { COMMAND_LABELS, type MatterCommand } from '../../../domain/matters/commands';
import { nextDeadline } from '../../../domain/matters/deadlines';
import { STATE_LABELS } from '../../../domain/matters/states';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { DOCUMENT_TITLES, type DocumentKind } from '../../../domain/documents/kinds';
import { err, ok, type Result } from '../../../domain/result';
import { documentsOf, leaderCaseOf, matterWithVisitor, participantsOf, supervisionOf, transitionsOf, visitsOf } from '../../../db/matters';
import { localDay, type ServiceContext } from '../context';
import { documentWithheld } from '../documentAccess';
import { reporterVisible } from '../operator';
import { lifecycleOf } from '../storedLifecycle';
import { visitorView } from './visitorView';
import { correctionHistory } from '../corrections/history';
import { canSeeVoided } from '../../../domain/staff/permissions';

export function matterDetail(ctx: Pick<ServiceContext, 'db' | 'now' | 'reference' | 'actor'>, matterId: string): Result<MatterDetail> {
  const row = matterWithVisitor(ctx.db, matterId);
  if (!row) return err('matter_not_found', '信访事项不存在');
  const m = row.matter;
  // A voided registration is kept for the 科长/督办, and is no one else's work any more.
  const op = ctx.actor();
  if (m.voidedAt && !(op && canSeeVoided(op.role))) return err('matter_voided', '该登记已作废，仅科长/督办可以查看');
  const masked = m.reporterProtected && !reporterVisible(ctx);
  const withheld = documentWithheld(ctx, m);
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
    visitor: visitorView(row.visitor, masked),
    lifecycle,
    // A voided registration owes nothing more.
    nextDeadline: m.voidedAt ? null : nextDeadline(lifecycle, today, { deadlines: ctx.reference().deadlines }),
    allowedCommands: m.voidedAt ? [] : allowedCommandsFor(lifecycle),
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
      const doc = { id: d.id, kind: d.kind, title: DOCUMENT_TITLES[d.kind], fileName: d.fileName, createdAt: d.createdAt, deliveredAt: d.deliveredAt, deliveryMethod: d.deliveryMethod };
      return { ...doc, withheld: withheld(doc) };
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
    // Corrections that keep history.
    ...correctionHistory(ctx, matterId, masked),
    origin: m.origin,
    sourceNo: m.sourceNo,
    categoryCode: m.categoryCode,
  });
}

