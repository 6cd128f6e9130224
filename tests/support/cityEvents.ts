// Valid sync event payloads for the city's tests and benchmarks (no test runner imported here,
// so bench/ can use it too).
import { randomUUID } from 'node:crypto';
import { flagsSchema } from '../../domain/intake/registration';
import { chinaDateOf, type MatterLifecycle } from '../../domain/matters/lifecycle';
import type { EventPayload, SyncEvent } from '../../domain/sync/events';
import { live, type Step } from './matterCommands';

type MatterPayload = EventPayload<'matter.registered'>;

/** A valid 'matter.registered' payload; `over` replaces any field. */
export function matterPayload(over: Partial<MatterPayload> = {}): MatterPayload {
  const matterId = over.matterId ?? randomUUID();
  return {
    matterId,
    // Numbered as a window numbers before it is enrolled, which any device may send
    // (server/push/eventChecks.ts); a test of whose numbers a device may issue sets its own.
    matterNo: `000000-L0000-2026-${matterId.slice(0, 8)}`,
    visitId: randomUUID(),
    receivedAt: '2026-03-01T08:30:00.000+08:00',
    clockOffsetMs: 1200,
    channel: 'visit',
    headcount: 1,
    categoryCode: '0101',
    placeRegion: '410102',
    respondent: '',
    summary: '反映小区供暖不达标',
    facts: '',
    flags: flagsSchema.parse({}),
    representatives: [],
    visitor: {
      visitorId: randomUUID(),
      documentType: 'resident',
      documentNumber: '11010519491231002X',
      name: '张三',
      gender: 'female',
      birthDate: '1949-12-31',
      regionCode: '110105',
      ethnicity: '汉族',
      mobile: '13800138000',
      landline: '',
      householdRegion: '',
      householdAddress: '',
      currentRegion: '110105',
      currentAddress: '某街道1号',
      workUnit: '',
    },
    ...over,
  };
}


/** A 'matter.registered' event carrying matterPayload(over), its payload typed as such. */
export function registrationEvent(seq: number, over: Partial<MatterPayload> = {}): SyncEvent & { payload: MatterPayload } {
  const payload = matterPayload(over);
  return { seq, id: randomUUID(), type: 'matter.registered', entityId: payload.matterId, occurredAt: payload.receivedAt, payload };
}

/** The 'matter.transitioned' events a window sends as it takes the matter through `steps`, from `fromSeq`, and the lifecycle they lead to. */
export function transitionEvents(fromSeq: number, m: MatterPayload, steps: Step[]): { events: SyncEvent[]; lifecycle: MatterLifecycle } {
  const { lifecycle, taken } = live(chinaDateOf(m.receivedAt), steps);
  const events = taken.map(({ command: c, transition, after }, k): SyncEvent => {
    const payload = { matterId: m.matterId, matterNo: m.matterNo, transitionId: randomUUID(), from: transition.from, to: transition.to, command: c, at: c.at, nextDue: after.deadlines?.lastDay ?? null };
    return { seq: fromSeq + k, id: randomUUID(), type: 'matter.transitioned', entityId: m.matterId, occurredAt: c.at, payload };
  });
  return { events, lifecycle };
}
