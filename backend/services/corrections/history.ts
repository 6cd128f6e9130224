// What a matter's file shows of its corrections (更正, 作废, 撤回): old and new values in words
// (a category by its names, a region by its full name), masked like the petitioner is, with the
// step each 撤回 took back and the states before and after.
import type { CorrectionEntry } from '../../../domain/corrections/history';
import { CORRECTABLE_FIELD_LABELS, fieldChangeSchema, type CorrectableField } from '../../../domain/corrections/fields';
import { COMMAND_LABELS, type MatterCommand } from '../../../domain/matters/commands';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { CHANNEL_LABELS, channelSchema } from '../../../domain/intake/registration';
import { categoryPath } from '../../../domain/reference/categories';
import { regionFullName } from '../../../domain/regions/regions';
import { maskName } from '../../../domain/staff/roles';
import { correctionsOf } from '../../../db/corrections';
import { transitionsOf } from '../../../db/matters';
import type { ReadContext } from '../context';

type History = Pick<MatterDetail, 'corrections' | 'voided' | 'withdrawnSteps'>;

function inWords(ctx: ReadContext, field: CorrectableField, value: string | number, masked: boolean): string {
  if (value === '') return '（空）';
  const v = String(value);
  if (field === 'visitorName') return masked ? maskName(v) : v;
  if (field === 'mobile') return masked ? '***********' : v;
  if (field === 'channel') return CHANNEL_LABELS[channelSchema.parse(v)];
  if (field === 'categoryCode') return categoryPath(ctx.reference().categories, v)?.join(' / ') ?? v;
  if (field === 'placeRegion') return regionFullName(ctx.reference().regions, v) ?? v;
  return v;
}

/** `masked`: the petitioner is a protected reporter the operator may not see (条例 art. 30). */
export function correctionHistory(ctx: ReadContext, matterId: string, masked: boolean): History {
  const rows = correctionsOf(ctx.db, matterId);
  const labels = new Map(transitionsOf(ctx.db, matterId).map((t) => [t.id, COMMAND_LABELS[(JSON.parse(t.command) as MatterCommand).type]]));
  const corrections = rows.map(
    (r): CorrectionEntry => ({
      id: r.id,
      kind: r.kind,
      at: r.at,
      actorName: r.actorName,
      reason: r.reason,
      changes: fieldChangeSchema
        .array()
        .parse(JSON.parse(r.changes))
        .map((c) => ({ field: c.field, label: CORRECTABLE_FIELD_LABELS[c.field], from: inWords(ctx, c.field, c.from, masked), to: inWords(ctx, c.field, c.to, masked) })),
      withdrawn:
        r.withdrawnTransitionId && r.fromState && r.toState
          ? { transitionId: r.withdrawnTransitionId, label: labels.get(r.withdrawnTransitionId) ?? '', from: r.fromState, to: r.toState }
          : null,
    }),
  );
  const voiding = rows.find((r) => r.kind === 'void');
  return {
    corrections,
    voided: voiding ? { at: voiding.at, actorName: voiding.actorName, reason: voiding.reason } : null,
    withdrawnSteps: rows.flatMap((r) => (r.withdrawnTransitionId ? [r.withdrawnTransitionId] : [])),
  };
}
