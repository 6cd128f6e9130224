// Applies an accepted event other than a registration (registrations.ts) to the city's
// projections, one applier per event type. A device acts only on its own county's matters: an
// event about a matter the city does not hold, or one another county registered, is refused,
// and so is one whose content is valid but cannot be stored (a visit id the city already has);
// the push quarantines it like any other content failure.
import { eq, inArray, sql } from 'drizzle-orm';
import { applyParsedCommand } from '../../domain/matters/applyCommand';
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import type { CheckedEvent, EventPayload, EventType } from '../../domain/sync/events';
import { fromWire } from '../../domain/sync/wireCredential';
import { cityLifecycle } from '../city/lifecycles';
import { referenceValue } from '../city/referenceValue';
import { bureauPolicyFor } from '../../domain/sync/pull';
import type { AuthedDevice } from '../http/auth';
import type { CityDb } from '../store/db';
import { matters, visits } from '../store/schema';
import type { Verdict } from './eventChecks';
import { applyCorrected, applyStepWithdrawn, applyVoided } from './corrections';
import { applyImported } from './imported';
import { enterTermination } from '../city/terminations';

// 'matter.registered' goes through applyMatterRegistrations, a run at a time; 'matter.imported'
// names a matter the city does not hold yet, so it is applied before the ownership check.
type AppliedOneByOne = Exclude<EventType, 'matter.registered' | 'matter.imported'>;
type Applier<T extends EventType> = (tx: CityDb, device: AuthedDevice, payload: EventPayload<T>) => Promise<Verdict>;

async function recordOnly(): Promise<Verdict> {
  return { ok: true };
}

const appliers: { [T in AppliedOneByOne]: Applier<T> } = {
  // The city follows each matter's state, and replays the step on the matter's lifecycle with
  // the domain's own rules, for the published rates (city/figures.ts).
  'matter.transitioned': async (tx, _device, p) => {
    const [row] = await tx
      .select({ lifecycle: matters.lifecycle, receivedAt: matters.receivedAt, matterNo: matters.matterNo, countyCode: matters.countyCode, idNumber: matters.idNumber })
      .from(matters)
      .where(eq(matters.matterId, p.matterId))
      .for('update');
    // The bureau's handling target as the windows pulled it, so an accepted matter's target agrees with theirs.
    const { handlingTargetDays } = bureauPolicyFor(await referenceValue(tx, 'settings'));
    const replayed = applyParsedCommand(cityLifecycle(row!), p.command, { handlingTargetDays });
    // The window is the authority on its matters: a step it took is never refused here. Only a
    // window check on another holiday calendar could make the replay refuse one; the state still
    // follows, and the lifecycle keeps what it had. The step is kept for a later 撤回's replay.
    const step = [{ transitionId: p.transitionId, command: p.command, withdrawnBy: null }];
    await tx
      .update(matters)
      .set({ status: p.to, steps: sql`coalesce(${matters.steps}, '[]'::jsonb) || ${JSON.stringify(step)}::jsonb`, ...(replayed.ok ? { lifecycle: replayed.value.matter } : {}) })
      .where(eq(matters.matterId, p.matterId));
    if (p.to === 'terminated') await enterTermination(tx, { ...row!, matterId: p.matterId, terminatedOn: chinaDateOf(p.at) });
    return { ok: true };
  },
  // Kept in the city's append-only events record; no projection reads them yet.
  'document.delivered': recordOnly,
  // The bytes arrive separately, content-addressed (PUT /api/v1/sync/attachments/:sha256).
  'attachment.added': recordOnly,
  // The window's audit trail, kept where that window cannot edit it.
  'audit.recorded': recordOnly,
  'supervision.issued': recordOnly,
  'supervision.resolved': recordOnly,
  'leaderCase.assigned': recordOnly,
  'participant.recorded': recordOnly,
  'campaign.created': recordOnly,
  // Corrections that keep history.
  'matter.corrected': (tx, _device, p) => applyCorrected(tx, p),
  'matter.voided': (tx, _device, p) => applyVoided(tx, p),
  'matter.stepWithdrawn': (tx, _device, p) => applyStepWithdrawn(tx, p),
  'visit.recorded': async (tx, device, p) => {
    const conflict: Verdict = { ok: false, code: 'visit_conflict', message: `来访记录 ${p.visitId} 已在市里登记` };
    // A visit id is unique among first visits (kept in matters) and repeat visits together.
    const [first] = await tx.select({ id: matters.matterId }).from(matters).where(eq(matters.firstVisitId, p.visitId)).limit(1);
    if (first) return conflict;
    const inserted = await tx.insert(visits).values(visitRow(device, p)).onConflictDoNothing().returning({ id: visits.visitId });
    return inserted.length === 0 ? conflict : { ok: true };
  },
};

function visitRow(device: AuthedDevice, p: EventPayload<'visit.recorded'>) {
  return {
    visitId: p.visitId,
    matterId: p.matterId,
    countyCode: device.countyCode,
    deviceId: device.id,
    kind: 'repeat',
    ...fromWire(p.visitor),
    visitorName: p.visitor.name,
    channel: p.channel,
    headcount: p.headcount,
    terminatedMatter: p.terminatedMatter,
    receivedAt: new Date(p.receivedAt),
  };
}

/** The matters an event is about: every event type names one (a registration its own), a campaign several. */
export function mattersNamed(payload: object): string[] {
  const p = payload as { matterId?: string; matterIds?: string[] };
  return [...new Set([...(p.matterIds ?? []), ...(p.matterId ? [p.matterId] : [])].map((id) => id.toLowerCase()))];
}

/** Refuses an event about a matter the city does not hold, or one registered by another county. */
async function checkOwnership(tx: CityDb, device: AuthedDevice, ids: string[]): Promise<Verdict> {
  const held = await tx.select({ matterId: matters.matterId, countyCode: matters.countyCode }).from(matters).where(inArray(matters.matterId, ids));
  const unknown = ids.find((id) => !held.some((m) => m.matterId === id));
  if (unknown) return { ok: false, code: 'matter_unknown', message: `市里没有信访事项 ${unknown}` };
  const foreign = held.find((m) => m.countyCode !== device.countyCode);
  if (foreign) return { ok: false, code: 'foreign_matter', message: `信访事项 ${foreign.matterId} 由其他县区（${foreign.countyCode}）登记，本机不能变更` };
  return { ok: true };
}

/** An event as its content check parsed it (eventChecks.ts), other than 'matter.registered'. */
export async function applyEvent(tx: CityDb, device: AuthedDevice, e: Exclude<CheckedEvent, { type: 'matter.registered' }>): Promise<Verdict> {
  if (e.type === 'matter.imported') return applyImported(tx, device, e.payload);
  const owned = await checkOwnership(tx, device, mattersNamed(e.payload));
  if (!owned.ok) return owned;
  return (appliers[e.type] as Applier<EventType>)(tx, device, e.payload);
}
