// Per-county figures (DOMAIN.md §6) as SQL aggregates: visits, first and repeat visits, matters,
// group visits, people, terminated-matter visits and 重复信访率, over Beijing-time days.
import { expect, it } from 'vitest';
import { admin, describeEachBackend, enrolledDevice, expectCleanError, matterPayload, pushAll, visitEvent } from './cityFixtures';
import type { SyncEvent } from '../../domain/sync/events';

type Matter = ReturnType<typeof matterPayload>;
function registered(seq: number, over: Partial<Matter> = {}): SyncEvent & { payload: Matter } {
  const payload = matterPayload(over);
  return { seq, id: crypto.randomUUID(), type: 'matter.registered', entityId: payload.matterId, occurredAt: payload.receivedAt, payload };
}

describeEachBackend('city figures', (city) => {
  const figures = (query: string, headers = admin) => city.app.inject({ method: 'GET', url: `/api/v1/admin/figures?${query}`, headers });

  it('counts each county over the period, with 重复信访率 and its formula', async () => {
    const jinshui = await enrolledDevice(city.app, '410102');
    const xinzheng = await enrolledDevice(city.app, '410184');
    const a = registered(1, { receivedAt: '2026-03-01T08:30:00.000+08:00', headcount: 6 });
    const b = registered(2, { receivedAt: '2026-03-02T10:00:00.000+08:00' });
    // 00:30 on 1 March in Beijing is still 28 February in UTC: it belongs to March.
    const early = registered(3, { receivedAt: '2026-02-28T16:30:00.000Z', headcount: 2 });
    const outside = registered(4, { receivedAt: '2026-04-01T00:00:00.000+08:00' });
    await pushAll(city.app, jinshui, [
      a,
      b,
      early,
      outside,
      visitEvent(5, a.payload, { receivedAt: '2026-03-05T09:00:00.000+08:00', headcount: 5 }),
      visitEvent(6, b.payload, { receivedAt: '2026-03-31T23:59:00.000+08:00', terminatedMatter: true }),
    ]);
    const c = registered(1, { receivedAt: '2026-03-03T09:00:00.000+08:00', headcount: 1 });
    await pushAll(city.app, xinzheng, [c]);

    const r = await figures('from=2026-03-01&to=2026-03-31');
    expect(r.statusCode).toBe(200);
    const formula = '重复访次数 ÷ 来访总次数';
    expect(r.json()).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      groupVisitThreshold: 5,
      counties: [
        {
          countyCode: '410102',
          visits: 5,
          firstVisits: 3,
          repeatVisits: 2,
          matters: 3,
          groupVisits: 2,
          people: 6 + 1 + 2 + 5 + 1,
          terminatedMatterVisits: 1,
          repeatRate: { value: 0.4, numerator: 2, denominator: 5, formula },
        },
        {
          countyCode: '410184',
          visits: 1,
          firstVisits: 1,
          repeatVisits: 0,
          matters: 1,
          groupVisits: 0,
          people: 1,
          terminatedMatterVisits: 0,
          repeatRate: { value: 0, numerator: 0, denominator: 1, formula },
        },
      ],
      total: {
        visits: 6,
        firstVisits: 4,
        repeatVisits: 2,
        matters: 4,
        groupVisits: 2,
        people: 16,
        terminatedMatterVisits: 1,
        repeatRate: { value: 2 / 6, numerator: 2, denominator: 6, formula },
      },
    });
  });

  it('uses the group-visit threshold from the city settings, and answers an empty period', async () => {
    const device = await enrolledDevice(city.app);
    await pushAll(city.app, device, [registered(1, { headcount: 3 })]);
    await city.app.inject({ method: 'PUT', url: '/api/v1/admin/reference/settings', headers: admin, payload: { syncIntervalMinutes: 5, groupVisitThreshold: 3 } });
    const r = (await figures('from=2026-03-01&to=2026-03-01')).json();
    expect(r.groupVisitThreshold).toBe(3);
    expect(r.counties[0].groupVisits).toBe(1);
    const none = (await figures('from=2025-01-01&to=2025-12-31')).json();
    expect(none.counties).toEqual([]);
    expect(none.total.repeatRate).toEqual({ value: null, numerator: 0, denominator: 0, formula: '重复访次数 ÷ 来访总次数' });
  });

  it('refuses bad periods and callers', async () => {
    for (const q of ['from=2026-03-01', 'from=2026-03-31&to=2026-03-01', 'from=2026-02-30&to=2026-03-01', 'from=x&to=y', 'from=2026-03-01&to=2026-03-02&x=1']) {
      expectCleanError(await figures(q), 400, 'invalid_request');
    }
    expectCleanError(await figures('from=2026-03-01&to=2026-03-31', { authorization: 'Bearer nope' }), 401, 'unauthorized');
  });
});
