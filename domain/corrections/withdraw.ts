// 撤回: a wrong lifecycle step is taken back by a compensating step, never deleted. The matter's
// lifecycle is then what the steps that still stand give, replayed on the domain's own rules
// from the matter as registered — so it works for any step the transition table knows.
import type { IsoDate } from '../calendar/deadlines';
import { applyCommand, initialLifecycle } from '../matters/applyCommand';
import type { MatterCommandInput } from '../matters/commands';
import type { LifecycleContext } from '../matters/deadlines';
import type { MatterLifecycle } from '../matters/lifecycle';
import { err, ok, type Result } from '../result';

export interface StoredStep {
  transitionId: string;
  command: MatterCommandInput;
  /** Taken back by a 撤回 (the withdrawal's id), or null while it stands. */
  withdrawnBy: string | null;
}

/** The lifecycle the standing steps give, in order, from the matter as received on `receivedOn`. */
export function replaySteps(receivedOn: IsoDate, steps: readonly StoredStep[], ctx?: LifecycleContext): Result<MatterLifecycle> {
  let m = initialLifecycle(receivedOn, ctx);
  for (const s of steps) {
    if (s.withdrawnBy !== null) continue;
    const r = applyCommand(m, s.command, ctx);
    if (!r.ok) return err('replay_failed', `撤回后其余办理步骤无法依次重放：${r.message}`);
    m = r.value.matter;
  }
  return ok(m);
}

/** The step a 撤回 takes back: the latest that still stands (steps are in the order taken). */
export function withdrawableStep<S extends StoredStep>(steps: readonly S[]): S | null {
  return steps.filter((s) => s.withdrawnBy === null).at(-1) ?? null;
}

/** Withdraws the latest standing step: which one, and the lifecycle without it. */
export function withdrawLatest<S extends StoredStep>(receivedOn: IsoDate, steps: readonly S[], withdrawalId: string, ctx?: LifecycleContext): Result<{ step: S; matter: MatterLifecycle }> {
  const step = withdrawableStep(steps);
  if (!step) return err('nothing_to_withdraw', '该事项没有可撤回的办理步骤');
  const replayed = replaySteps(receivedOn, steps.map((s) => (s === step ? { ...s, withdrawnBy: withdrawalId } : s)), ctx);
  return replayed.ok ? ok({ step, matter: replayed.value }) : replayed;
}
