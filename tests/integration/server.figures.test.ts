// Per-county figures (DOMAIN.md §6) as SQL aggregates: visits, first and repeat visits, matters,
// group visits, people, terminated-matter visits and 重复信访率, over Beijing-time days; and the
// published rates from the lifecycles the city replays from the windows' steps.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { admin, describeEachBackend, enrolledDevice, expectCleanError, pushAll, visitEvent } from '../support/cityFixtures';
import { INDICATOR_FORMULAS, type Indicators } from '../../domain/figures/indicators';
import { matters } from '../../server/store/schema';
import { registrationEvent as registered, transitionEvents as stepped } from '../support/cityEvents';

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
    const { counties, total, ...rest } = r.json() as { counties: { indicators: Indicators }[]; total: { indicators: Indicators } };
    // Nothing was decided on these matters, and their acceptance notices fell due in March.
    expect(counties.map((c) => c.indicators.timelyAcceptance)).toMatchObject([
      { value: 0, numerator: 0, denominator: 3 },
      { value: 0, numerator: 0, denominator: 1 },
    ]);
    expect(total.indicators.onTimeClosure).toEqual({ value: null, numerator: 0, denominator: 0, formula: INDICATOR_FORMULAS.onTimeClosure });
    const withoutRates = { ...rest, counties: counties.map(({ indicators: _, ...c }) => c), total: (({ indicators: _, ...t }) => t)(total) };
    expect(withoutRates).toEqual({
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

  it('computes the published rates from the lifecycles the city replays from each window’s steps', async () => {
    const device = await enrolledDevice(city.app, '410103');
    // Both received on Monday 2 March 2026: the acceptance notice is due on 17 March.
    const prompt = registered(1, { receivedAt: '2026-03-02T09:00:00.000+08:00' });
    const slow = registered(2, { receivedAt: '2026-03-02T10:00:00.000+08:00' });
    const a = stepped(3, prompt.payload, [
      ['classify', '2026-03-03'],
      ['accept', '2026-03-05'],
      ['startHandling', '2026-03-05'],
      ['reply', '2026-04-10'],
      ['deliver', '2026-04-11'],
      ['rate', '2026-04-12', { rating: 'satisfied' }],
    ]);
    const b = stepped(9, slow.payload, [
      ['classify', '2026-03-25'],
      ['accept', '2026-03-25'],
      ['startHandling', '2026-03-25'],
      ['reply', '2026-06-30'],
      ['deliver', '2026-07-01'],
      ['rate', '2026-07-02', { rating: 'unsatisfied' }],
    ]);
    // Back again 10 days after the reply: not resolved at the first attempt.
    const again = visitEvent(15, slow.payload, { receivedAt: '2026-07-10T09:00:00.000+08:00' });
    await pushAll(city.app, device, [prompt, slow, ...a.events, ...b.events, again]);

    const stored = await city.db.select({ status: matters.status, lifecycle: matters.lifecycle }).from(matters).where(eq(matters.matterId, prompt.payload.matterId));
    expect(stored).toEqual([{ status: 'rated', lifecycle: a.lifecycle }]);

    const r = (await figures('from=2026-01-01&to=2026-10-31')).json();
    const county = r.counties.find((c: { countyCode: string }) => c.countyCode === '410103');
    const counts = Object.fromEntries(Object.entries(county.indicators as Indicators).map(([k, x]) => [k, [x.numerator, x.denominator]]));
    expect(counts).toEqual({ timelyAcceptance: [1, 2], onTimeClosure: [1, 2], resolvedFirstTime: [1, 2], ratingParticipation: [2, 2], satisfaction: [1, 2] });
    expect(county.indicators.resolvedFirstTime.formula).toBe(INDICATOR_FORMULAS.resolvedFirstTime);

    // Autumn: only the slow matter's observation window (to 28 September) ends then, long after it arrived.
    const autumn = (await figures('from=2026-09-01&to=2026-10-31')).json();
    const later = autumn.counties.find((c: { countyCode: string }) => c.countyCode === '410103');
    expect(Object.fromEntries(Object.entries(later.indicators as Indicators).map(([k, x]) => [k, [x.numerator, x.denominator]]))).toEqual({
      timelyAcceptance: [0, 0],
      onTimeClosure: [0, 0],
      resolvedFirstTime: [0, 1],
      ratingParticipation: [0, 0],
      satisfaction: [0, 0],
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
