// A matter's file (事项详情): everything the window knows of one matter, with the petitioner
// masked for roles that may not see a protected reporter (条例 art. 30).
import { categoryPath } from '../../../domain/reference/categories';
import { maskIdNumber } from '../../../domain/identity/residentId';
import { channelSchema } from '../../../domain/intake/registration';
import { pickFlags } from '../../../domain/intake/flags';
import { allowedCommandsFor } from '../../../domain/matters/transitions';
import { COMMAND_LABELS, type MatterCommand } from '../../../domain/matters/commands';
import { nextDeadline } from '../../../domain/matters/deadlines';
import { STATE_LABELS } from '../../../domain/matters/states';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { DOCUMENT_TITLES, documentKindSchema, type DocumentKind } from '../../../domain/documents/kinds';
import { err, ok, type Result } from '../../../domain/result';
import { maskName } from '../../../domain/staff/roles';
import { documentsOf, leaderCaseOf, matterWithVisitor, participantsOf, supervisionOf, transitionsOf, visitsOf } from '../../../db/matters';
import { localDay, type ServiceContext } from '../context';
import { reporterVisible } from '../operator';
import { lifecycleOf } from '../storedLifecycle';

/** What the operator may see of the petitioner: a protected reporter is masked for most roles. */
export function visitorView(v: { name: string; idNumber: string; mobile: string }, masked: boolean) {
  return masked
    ? { name: maskName(v.name), credential: maskIdNumber(v.idNumber).replace(/\d/g, '*'), mobile: v.mobile ? '***********' : '', masked }
    : { name: v.name, credential: v.idNumber, mobile: v.mobile, masked };
}

export function matterDetail(ctx: Pick<ServiceContext, 'db' | 'now' | 'reference' | 'actor'>, matterId: string): Result<MatterDetail> {
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

