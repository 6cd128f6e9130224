// The city applies corrections that keep history (更正, 作废, 撤回) to its matters projection; the
// events themselves stay in its append-only record as received. A 撤回 replays the steps that
// still stand on the domain's own rules, as the window did; the window is the authority on its
// matters, so the state follows the window's word even where the city cannot replay.
import { eq, sql } from 'drizzle-orm';
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import { replaySteps, type StoredStep } from '../../domain/corrections/withdraw';
import type { Channel } from '../../domain/intake/registration';
import type { EventPayload } from '../../domain/sync/events';
import { bureauPolicyFor } from '../../domain/sync/pull';
import { cityLifecycle } from '../city/lifecycles';
import { referenceValue } from '../city/referenceValue';
import { leaveTermination } from '../city/terminations';
import type { CityDb } from '../store/db';
import { matters } from '../store/schema';
import type { Verdict } from './eventChecks';

const applied: Verdict = { ok: true };

export async function applyCorrected(tx: CityDb, p: EventPayload<'matter.corrected'>): Promise<Verdict> {
  const set: Partial<typeof matters.$inferInsert> = {};
  const person: Record<string, string> = {};
  for (const c of p.changes) {
    if (c.field === 'headcount') set.headcount = Number(c.to);
    else if (c.field === 'mobile') person.mobile = String(c.to);
    // fieldChangeSchema let only one of the four through.
    else if (c.field === 'channel') set.channel = c.to as Channel;
    else if (c.field === 'visitorName') {
      set.visitorName = String(c.to);
      person.name = String(c.to);
    } else set[c.field] = String(c.to);
  }
  // The person as registered (PersonPayload) takes the corrected name and mobile too.
  const visitor = Object.keys(person).length > 0 ? { visitor: sql`${matters.visitor} || ${JSON.stringify(person)}::jsonb` } : {};
  await tx
    .update(matters)
    .set({ ...set, ...visitor })
    .where(eq(matters.matterId, p.matterId));
  return applied;
}

export async function applyVoided(tx: CityDb, p: EventPayload<'matter.voided'>): Promise<Verdict> {
  await tx.update(matters).set({ voidedAt: new Date(p.at) }).where(eq(matters.matterId, p.matterId));
  await leaveTermination(tx, p.matterId);
  return applied;
}

export async function applyStepWithdrawn(tx: CityDb, p: EventPayload<'matter.stepWithdrawn'>): Promise<Verdict> {
  const [row] = await tx.select({ lifecycle: matters.lifecycle, receivedAt: matters.receivedAt, steps: matters.steps }).from(matters).where(eq(matters.matterId, p.matterId)).for('update');
  const steps = (row!.steps ?? []) as StoredStep[];
  const marked = steps.map((s) => (s.transitionId === p.withdrawnTransitionId && s.withdrawnBy === null ? { ...s, withdrawnBy: p.correctionId } : s));
  // Replayable only when the city holds every step the lifecycle was built from (not so for a
  // matter whose first steps arrived before the city kept them).
  const complete = steps.filter((s) => s.withdrawnBy === null).length === cityLifecycle(row!).historyLength;
  // The bureau's handling target as the windows pulled it, as the step itself was replayed (apply.ts).
  const { handlingTargetDays } = bureauPolicyFor(await referenceValue(tx, 'settings'));
  const replayed = complete ? replaySteps(chinaDateOf(row!.receivedAt.toISOString()), marked, { handlingTargetDays }) : null;
  await tx
    .update(matters)
    .set({ status: p.to, steps: marked, ...(replayed?.ok ? { lifecycle: replayed.value } : {}) })
    .where(eq(matters.matterId, p.matterId));
  if (p.from === 'terminated') await leaveTermination(tx, p.matterId);
  return applied;
}
