// 专项 campaigns in the console (issue #14): the 督办员 or the 管理员 makes one for a period and
// counties and attaches those counties' matters; its 化解率 per county and in total counts the
// matters whose petitioner stopped (息诉罢访), not those merely closed (办结); the 统计员 and the
// 查询员 only read; every change needs the session's CSRF token and is audited.
import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachBackend, enrolledDevice, expectCleanError, pushAll, type Device } from '../support/cityFixtures';
import { registrationEvent, transitionEvents } from '../support/cityEvents';
import { setUpAdmin, staffMember } from '../support/consoleSession';
import type { Step } from '../support/matterCommands';

const CLOSED: Step[] = [
  ['classify', '2026-03-02'],
  ['accept', '2026-03-03'],
  ['startHandling', '2026-03-04'],
  ['reply', '2026-03-10'],
  ['deliver', '2026-03-11'],
  ['close', '2026-03-12'],
];
const DESISTED: Step[] = [['desist', '2026-03-20']];

/** Registers a matter at the device and takes it through `steps`; its number. */
async function matterAt(at: { app: FastifyInstance; device: Device }, seq: { next: number }, steps: Step[]): Promise<string> {
  const reg = registrationEvent(seq.next++);
  const { events } = transitionEvents(seq.next, reg.payload, steps);
  seq.next += events.length;
  await pushAll(at.app, at.device, [reg, ...events]);
  return reg.payload.matterNo;
}

describeEachBackend('console campaigns', (city) => {
  const county = async (countyCode: string) => ({ app: city.app, device: await enrolledDevice(city.app, countyCode) });

  it('computes each county’s and the total 化解率 from 息诉罢访, not from 办结', async () => {
    const a = await county('410102');
    const b = await county('410103');
    const c = await county('410104');
    const sa = { next: 1 };
    const sb = { next: 1 };
    // 410102: two stopped while open, one closed and still petitioning, one stopped after closing.
    const a1 = await matterAt(a, sa, DESISTED);
    const a2 = await matterAt(a, sa, CLOSED);
    const a3 = await matterAt(a, sa, [...CLOSED, ...DESISTED]);
    const a4 = await matterAt(a, sa, DESISTED);
    // 410103: one closed, not stopped.
    const b1 = await matterAt(b, sb, CLOSED);
    const elsewhere = await matterAt(c, { next: 1 }, DESISTED);

    const admin = await setUpAdmin(city.app);
    const supervisor = await staffMember(city.app, admin, 'supervisor');
    const made = await supervisor.call('POST', '/api/console/campaigns', { name: '信访积案化解专项', startsOn: '2026-03-01', dueOn: '2026-06-30', countyCodes: ['410102', '410103'] });
    expect(made.statusCode).toBe(201);
    const { campaignId } = made.json();

    // A matter of a county the campaign is not assigned to, or one the city does not hold: nothing attached.
    expectCleanError(await supervisor.call('POST', `/api/console/campaigns/${campaignId}/matters`, { matterNos: [a1, elsewhere] }), 409, 'wrong_county');
    expectCleanError(await supervisor.call('POST', `/api/console/campaigns/${campaignId}/matters`, { matterNos: [a1, 'nope'] }), 404, 'matter_not_found');
    const attached = await supervisor.call('POST', `/api/console/campaigns/${campaignId}/matters`, { matterNos: [a1, a2, a3, a4, b1] });
    expect(attached.json()).toEqual({ attached: 5 });
    // Sending a list again attaches nothing twice.
    expect((await supervisor.call('POST', `/api/console/campaigns/${campaignId}/matters`, { matterNos: [a1, b1] })).json()).toEqual({ attached: 0 });

    const [campaign] = (await supervisor.call('GET', '/api/console/campaigns')).json().campaigns;
    expect(campaign).toMatchObject({ name: '信访积案化解专项', startsOn: '2026-03-01', dueOn: '2026-06-30', countyCodes: ['410102', '410103'], createdBy: 'supervisor用户（supervisor）' });
    const rates = Object.fromEntries(campaign.counties.map((r: { countyCode: string; rate: { numerator: number; denominator: number; value: number } }) => [r.countyCode, [r.rate.numerator, r.rate.denominator, r.rate.value]]));
    expect(rates).toEqual({ '410102': [3, 4, 0.75], '410103': [0, 1, 0] });
    expect(campaign.total).toMatchObject({ countyCode: null, rate: { numerator: 3, denominator: 5, value: 0.6, formula: expect.stringContaining('息诉罢访') } });

    const listed = (await supervisor.call('GET', `/api/console/campaigns/${campaignId}/matters`)).json().matters;
    expect(listed.map((m: { matterNo: string; desistedOn: string | null }) => [m.matterNo, m.desistedOn]).sort()).toEqual(
      [
        [a1, '2026-03-20'],
        [a2, null],
        [a3, '2026-03-20'],
        [a4, '2026-03-20'],
        [b1, null],
      ].sort(),
    );
    const audit = (await admin.call('GET', '/api/console/audit')).json().entries.map((e: { action: string; target: string }) => [e.action, e.target]);
    expect(audit).toEqual(expect.arrayContaining([['campaign.created', campaignId], ['campaign.mattersAttached', campaignId]]));
  });

  it('lets the 统计员 and the 查询员 read campaigns but not make or change them, and wants the CSRF token', async () => {
    await enrolledDevice(city.app, '410102');
    const admin = await setUpAdmin(city.app);
    const body = { name: '专项', startsOn: '2026-03-01', dueOn: '2026-06-30', countyCodes: ['410102'] };
    const { campaignId } = (await admin.call('POST', '/api/console/campaigns', body)).json();
    for (const role of ['statistician', 'viewer'] as const) {
      const someone = await staffMember(city.app, admin, role);
      expectCleanError(await someone.call('POST', '/api/console/campaigns', body), 403, 'forbidden');
      expectCleanError(await someone.call('POST', `/api/console/campaigns/${campaignId}/matters`, { matterNos: ['x'] }), 403, 'forbidden');
      const seen = (await someone.call('GET', '/api/console/campaigns')).json();
      expect(seen).toMatchObject({ campaigns: [expect.objectContaining({ campaignId })], counties: ['410102'] });
    }
    const noCsrf = await city.app.inject({ method: 'POST', url: '/api/console/campaigns', headers: { cookie: admin.cookie }, payload: body });
    expectCleanError(noCsrf, 403, 'csrf_refused');
    expectCleanError(await city.app.inject({ method: 'GET', url: '/api/console/campaigns' }), 401, 'not_signed_in');
    expectCleanError(await admin.call('POST', '/api/console/campaigns', { ...body, startsOn: '2026-07-01' }), 400);
    expect((await admin.call('GET', '/api/console/campaigns')).json().campaigns).toHaveLength(1);
  });

  it('shows the campaigns the counties run themselves', async () => {
    const a = await county('410102');
    const reg = registrationEvent(1);
    const at = '2026-03-10T09:00:00.000+08:00';
    const campaignId = crypto.randomUUID();
    await pushAll(city.app, a.device, [
      reg,
      { seq: 2, id: crypto.randomUUID(), type: 'campaign.created', entityId: campaignId, occurredAt: at, payload: { campaignId, name: '县信访矛盾化解攻坚', issuedBy: '县信访局', issuedAt: at, dueOn: '2026-05-31', matterIds: [reg.payload.matterId] } },
    ]);
    const viewer = await staffMember(city.app, await setUpAdmin(city.app), 'viewer');
    expect((await viewer.call('GET', '/api/console/campaigns')).json().countyCampaigns).toEqual([
      expect.objectContaining({ countyCode: '410102', type: 'campaign.created', payload: expect.objectContaining({ name: '县信访矛盾化解攻坚' }) }),
    ]);
  });
});
