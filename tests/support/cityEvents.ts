// Valid sync event payloads for the city's tests and benchmarks (no test runner imported here,
// so bench/ can use it too).
import { randomUUID } from 'node:crypto';
import { flagsSchema } from '../../domain/intake/flags';
import { chinaDateOf } from '../../domain/calendar/chinaDay';
import type { MatterLifecycle } from '../../domain/matters/lifecycle';
import type { EventPayload, EventType, SyncEvent } from '../../domain/sync/events';
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

/** One valid payload of every event type but those that bring a matter in (registered, imported), each about `matter` (a campaign about it and `alsoAbout`). */
export function payloadsAbout(matter: MatterPayload, alsoAbout: string[] = []): { [T in Exclude<EventType, 'matter.registered' | 'matter.imported'>]: EventPayload<T> } {
  const at = '2026-03-10T09:00:00.000+08:00';
  const { matterId, matterNo } = matter;
  return {
    'matter.transitioned': transitionEvents(1, matter, [['classify', '2026-03-03']]).events[0]!.payload as EventPayload<'matter.transitioned'>,
    'visit.recorded': { visitId: randomUUID(), matterId, matterNo, receivedAt: at, clockOffsetMs: 0, channel: 'visit', headcount: 1, visitor: matter.visitor, representatives: [], summary: '', terminatedMatter: false },
    'attachment.added': { attachmentId: randomUUID(), matterId, sha256: 'a'.repeat(64), size: 10, fileName: '材料.pdf', mime: 'application/pdf', addedAt: at },
    'document.delivered': { documentId: randomUUID(), matterId, kind: 'acceptance-notice', method: 'in-person', to: '张三', at },
    'supervision.issued': { supervisionId: randomUUID(), matterId, noticeNo: '督〔2026〕1号', issuedBy: '县信访局', issuedAt: at, dueOn: '2026-04-30', content: '请按期办结' },
    'supervision.resolved': { supervisionId: randomUUID(), matterId, resolvedAt: at },
    'leaderCase.assigned': { matterId, leader: '赵副县长', staff: '李承办', plan: '约谈企业', dueOn: '2026-04-30', assignedAt: at },
    'participant.recorded': { participantId: randomUUID(), visitId: matter.visitId, matterId, role: 'lawyer', name: '王律师', organisation: '某律师事务所' },
    'campaign.created': { campaignId: randomUUID(), name: '欠薪专项', issuedBy: '县信访局', issuedAt: at, dueOn: '2026-04-30', matterIds: [...alsoAbout, matterId] },
    'audit.recorded': { seq: 1, id: randomUUID(), at, actorNo: 'C001', actorName: '王登记', actorRole: 'clerk', action: 'matters.get', kind: 'view', target: matterId, outcome: 'ok', prevHash: '0'.repeat(64), hash: 'a'.repeat(64) },
    'matter.corrected': { ...correction(matter, at), changes: [{ field: 'visitorName', from: matter.visitor.name, to: '张叁' }] },
    'matter.voided': correction(matter, at),
    'matter.stepWithdrawn': { ...correction(matter, at), withdrawnTransitionId: randomUUID(), from: 'classified', to: 'registered', nextDue: null },
  };
}

/** What every correction carries: which one, about which matter, who, when and why. */
function correction({ matterId, matterNo }: MatterPayload, at: string) {
  return { correctionId: randomUUID(), matterId, matterNo, reason: '登记时录入有误', actor: { userId: 'S001', name: '赵科长', role: 'supervisor' }, at };
}

/** payloadsAbout as events numbered from `fromSeq`. */
export function eventsAbout(fromSeq: number, matter: MatterPayload, alsoAbout: string[] = []): SyncEvent[] {
  return Object.entries(payloadsAbout(matter, alsoAbout)).map(([type, payload], k) => ({
    seq: fromSeq + k,
    id: randomUUID(),
    type,
    entityId: matter.matterId,
    occurredAt: '2026-03-10T09:00:00.000+08:00',
    payload,
  }));
}
