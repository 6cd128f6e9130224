// The city applies corrections and imported records, and keeps the termination register (终结库):
// a matter enters it when a window terminates it or imports it terminated, leaves it when the
// termination is withdrawn (撤回) or the registration voided, and every device pulls it with the
// person known only by a hash of the 证件 number. Voided and imported matters count in no figure.
import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { terminationHashInput } from '../../domain/records/terminationRegister';
import { pullResponseSchema } from '../../domain/sync/pull';
import type { EventPayload, SyncEvent } from '../../domain/sync/events';
import { matters } from '../../server/store/schema';
import { registrationEvent, transitionEvents } from '../support/cityEvents';
import { admin, bearer, type Device, describeEachBackend, enrolledDevice, push, pushAll, pushBody, visitEvent } from '../support/cityFixtures';
import { visitTalliesAgree } from '../support/visitTallies';
import { FULL_PATH } from '../support/matterPaths';

const hashOf = (n: string) => createHash('sha256').update(terminationHashInput(n)).digest('hex');
const actor = { userId: 'S001', name: '赵科长', role: 'supervisor' };

function event(seq: number, type: string, payload: object): SyncEvent {
  return { seq, id: randomUUID(), type, entityId: (payload as { matterId: string }).matterId, occurredAt: '2026-03-10T09:00:00.000+08:00', payload: payload as Record<string, unknown> };
}

function imported(device: Device, over: Partial<EventPayload<'matter.imported'>> = {}): EventPayload<'matter.imported'> {
  const base = registrationEvent(1).payload;
  return {
    matterId: randomUUID(),
    matterNo: `${device.countyCode}-${device.deviceCode}-2019-H${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    sourceNo: '2019-017',
    batchId: randomUUID(),
    visitor: { ...base.visitor, visitorId: randomUUID() },
    channel: 'visit',
    categoryCode: '0101',
    respondent: '',
    summary: '要求解决宅基地纠纷',
    receivedOn: '2019-04-02',
    state: 'terminated',
    closedOn: '2020-06-30',
    importedAt: '2026-03-10T09:00:00.000+08:00',
    ...over,
  };
}

describeEachBackend('city termination register', (city) => {
  const pull = async (device: Device, since?: string) => {
    const r = await city.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: bearer(device.token), query: since ? { since } : {} });
    if (r.statusCode !== 200) throw new Error(`pull: ${r.statusCode} ${r.body}`);
    return pullResponseSchema.parse(r.json());
  };

  it('enters a terminated matter, sends it to every county hashed, and takes it out on a 撤回', async () => {
    const jinshui = await enrolledDevice(city.app, '410102');
    const xinzheng = await enrolledDevice(city.app, '410184');
    const reg = registrationEvent(1, { receivedAt: '2025-03-03T09:00:00.000+08:00' });
    const { events } = transitionEvents(2, reg.payload, FULL_PATH);
    await pushAll(city.app, jinshui, [reg, ...events]);
    const start = await pull(xinzheng);
    expect(start.terminations).toEqual([
      { matterId: reg.payload.matterId, matterNo: reg.payload.matterNo, countyCode: '410102', documentHash: hashOf(reg.payload.visitor.documentNumber), receivedOn: '2025-03-03', terminatedOn: '2025-08-20', active: true },
    ]);
    expect(JSON.stringify(start)).not.toContain(reg.payload.visitor.documentNumber);

    const terminate = events.at(-1)!.payload as EventPayload<'matter.transitioned'>;
    const withdrawn = { correctionId: randomUUID(), matterId: reg.payload.matterId, matterNo: reg.payload.matterNo, reason: '复核意见尚未送达，误点终结', actor, at: '2026-03-10T09:00:00.000+08:00', withdrawnTransitionId: terminate.transitionId, from: 'terminated', to: 're-review-opinion', nextDue: null };
    await pushAll(city.app, jinshui, [event(2 + events.length, 'matter.stepWithdrawn', withdrawn)]);
    const [row] = await city.db.select().from(matters).where(eq(matters.matterId, reg.payload.matterId));
    // The city replayed the steps that stand: the matter is where it was before the 终结.
    expect(row).toMatchObject({ status: 're-review-opinion', lifecycle: { state: 're-review-opinion', terminatedOn: null, historyLength: FULL_PATH.length - 1 } });
    const next = await pull(xinzheng, start.cursor);
    expect(next.terminations).toEqual([expect.objectContaining({ matterId: reg.payload.matterId, active: false })]);
    expect((await pull(xinzheng, next.cursor)).terminations).toEqual([]);
  });

  it('takes in a record imported from a 历史台账: found by the lookup, in the register if terminated, in no figure', async () => {
    const jinshui = await enrolledDevice(city.app, '410102');
    const other = await enrolledDevice(city.app, '410102');
    const p = imported(jinshui);
    const r = await push(city.app, jinshui, pushBody(jinshui.deviceId, [event(1, 'matter.imported', p), event(2, 'matter.imported', p), event(3, 'matter.imported', imported(other))]));
    expect(r.json().rejected).toEqual([
      { seq: 2, code: 'matter_conflict', message: expect.any(String) },
      { seq: 3, code: 'matter_no_foreign', message: expect.any(String) },
    ]);
    const [row] = await city.db.select().from(matters).where(eq(matters.matterId, p.matterId));
    expect(row).toMatchObject({ origin: 'import', status: 'terminated', countyCode: '410102', lifecycle: { state: 'terminated', terminatedOn: '2020-06-30', deadlines: null } });
    expect((await pull(other)).terminations).toEqual([expect.objectContaining({ matterId: p.matterId, documentHash: hashOf(p.visitor.documentNumber), receivedOn: '2019-04-02', terminatedOn: '2020-06-30', active: true })]);
    const found = await city.app.inject({ method: 'POST', url: '/api/v1/sync/lookup', headers: bearer(other.token), payload: { documentType: 'resident', documentNumber: p.visitor.documentNumber } });
    expect(found.json().matters).toEqual([expect.objectContaining({ matterId: p.matterId, status: 'terminated' })]);
    const figures = await city.app.inject({ method: 'GET', url: '/api/v1/admin/figures?from=2019-01-01&to=2019-12-31', headers: admin });
    expect(figures.json().total).toMatchObject({ matters: 0, visits: 0 });
    // The corrected headcount and the void moved the days' tallies as the visits themselves say.
    const after = await visitTalliesAgree(city.db);
    expect(after.kept).toEqual(after.counted);
    expect(after.kept).toEqual([]);
  });

  it('leaves a voided registration out of the lookup, the figures and the register', async () => {
    const jinshui = await enrolledDevice(city.app, '410102');
    const reg = registrationEvent(1, { receivedAt: '2026-03-02T09:00:00.000+08:00' });
    await pushAll(city.app, jinshui, [reg, visitEvent(2, reg.payload, { receivedAt: '2026-03-05T09:00:00.000+08:00', headcount: 2 })]);
    const before = await visitTalliesAgree(city.db);
    expect(before.kept).toHaveLength(3);
    expect(before.kept).toEqual(before.counted);
    const voided = { correctionId: randomUUID(), matterId: reg.payload.matterId, matterNo: reg.payload.matterNo, reason: '重复登记', actor, at: '2026-03-10T09:00:00.000+08:00' };
    const corrected = { ...voided, correctionId: randomUUID(), changes: [{ field: 'visitorName', from: '张三', to: '张叁' }, { field: 'headcount', from: 1, to: 3 }] };
    await pushAll(city.app, jinshui, [event(3, 'matter.corrected', corrected), event(4, 'matter.voided', voided)]);
    const [row] = await city.db.select().from(matters).where(eq(matters.matterId, reg.payload.matterId));
    expect(row).toMatchObject({ visitorName: '张叁', headcount: 3, visitor: { name: '张叁' }, voidedAt: new Date(voided.at) });
    const found = await city.app.inject({ method: 'POST', url: '/api/v1/sync/lookup', headers: bearer(jinshui.token), payload: { documentType: 'resident', documentNumber: reg.payload.visitor.documentNumber } });
    expect(found.json().matters).toEqual([]);
    const figures = await city.app.inject({ method: 'GET', url: '/api/v1/admin/figures?from=2026-03-01&to=2026-03-31', headers: admin });
    expect(figures.json().total).toMatchObject({ matters: 0, visits: 0 });
    // The corrected headcount and the void moved the days' tallies as the visits themselves say.
    const after = await visitTalliesAgree(city.db);
    expect(after.kept).toEqual(after.counted);
    expect(after.kept).toEqual([]);
  });
});
