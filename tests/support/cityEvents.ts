// Valid sync event payloads for the city's tests and benchmarks (no test runner imported here,
// so bench/ can use it too).
import { randomUUID } from 'node:crypto';
import { flagsSchema } from '../../domain/intake/flags';
import type { EventPayload } from '../../domain/sync/events';

type MatterPayload = EventPayload<'matter.registered'>;

/** A valid 'matter.registered' payload; `over` replaces any field. */
export function matterPayload(over: Partial<MatterPayload> = {}): MatterPayload {
  const matterId = over.matterId ?? randomUUID();
  return {
    matterId,
    matterNo: `410102-D001-2026-${matterId.slice(0, 8)}`,
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

