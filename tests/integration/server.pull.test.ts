// Pull (DESIGN.md §4): reference data and 督办 notices the city maintains, sent down by cursor;
// the admin endpoints that write them; and the cursor's promise never to skip a change.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { pullResponseSchema } from '../../domain/sync/pull';
import { devices } from '../../server/store/schema';
import { admin, bearer, type Device, describeEachBackend, enrolledDevice, expectCleanError, matterEvent, pushAll } from '../support/cityFixtures';

const categories = JSON.parse(readFileSync(new URL('../../resources/categories.json', import.meta.url), 'utf8'));

describeEachBackend('city pull', (city) => {
  const putReference = (key: string, payload: unknown, headers = admin) =>
    city.app.inject({ method: 'PUT', url: `/api/v1/admin/reference/${key}`, headers, payload: payload as object });
  const supervise = (payload: Record<string, unknown>, headers = admin) =>
    city.app.inject({ method: 'POST', url: '/api/v1/admin/supervision', headers, payload });
  const pull = async (device: Device, since?: string) => {
    const r = await city.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: bearer(device.token), query: since ? { since } : {} });
    if (r.statusCode !== 200) throw new Error(`pull: ${r.statusCode} ${r.body}`);
    return pullResponseSchema.parse(r.json());
  };
  const registerMatter = async (device: Device, seq: number) => {
    const e = matterEvent(seq);
    await pushAll(city.app, device, [e]);
    return e.payload as { matterNo: string; matterId: string };
  };
  const notice = (matterNo: string) => ({ matterNo, issuedBy: '市信访局督查科', dueOn: '2026-04-30', content: '请于期限内报告办理情况' });

  it('sends every reference key once, then only what changed after the cursor', async () => {
    const device = await enrolledDevice(city.app);
    const empty = await pull(device);
    expect(empty).toEqual({ cursor: expect.any(String), hasMore: false, reference: [], supervision: [], terminations: [] });

    expect((await putReference('categories', categories)).statusCode).toBe(200);
    expect((await putReference('units', [{ code: 'U01', name: '县住建局' }, { code: 'U02', name: '县人社局' }])).statusCode).toBe(200);
    expect((await putReference('holidays', { restDays: ['2026-10-08'], workingDays: ['2026-09-27'] })).statusCode).toBe(200);
    const settings = await putReference('settings', { syncIntervalMinutes: 10, groupVisitThreshold: 5 });
    expect(settings.json()).toEqual({ key: 'settings', updatedAt: expect.any(String) });

    const first = await pull(device, empty.cursor);
    expect(first.reference.map((r) => r.key)).toEqual(['categories', 'units', 'holidays', 'settings']);
    expect(first.reference.find((r) => r.key === 'categories')!.value).toEqual(categories);
    expect(first.reference.find((r) => r.key === 'settings')).toEqual({
      key: 'settings',
      value: { syncIntervalMinutes: 10, groupVisitThreshold: 5 },
      updatedAt: settings.json().updatedAt,
    });
    expect(await pull(device, first.cursor)).toEqual({ ...empty, cursor: first.cursor });

    await putReference('units', [{ code: 'U01', name: '县住房和城乡建设局' }]);
    const second = await pull(device, first.cursor);
    expect(second.reference).toEqual([{ key: 'units', value: [{ code: 'U01', name: '县住房和城乡建设局' }], updatedAt: expect.any(String) }]);
    // From the start, each key once with its latest value.
    expect((await pull(device)).reference.map((r) => r.key).sort()).toEqual(['categories', 'holidays', 'settings', 'units']);
  });

  it('validates each key against its own schema', async () => {
    const bad = [
      ['categories', { ...categories, categories: [{ code: '01', name: '城乡建设', children: [{ code: '0201', name: 'x' }] }] }],
      ['categories', { version: '1' }],
      ['units', [{ code: 'U01', name: 'a' }, { code: 'U01', name: 'b' }]],
      ['holidays', { restDays: ['2026-02-30'], workingDays: [] }],
      ['holidays', { restDays: ['2026-10-08'], workingDays: ['2026-10-08'] }],
      ['settings', { syncIntervalMinutes: 0, groupVisitThreshold: 5 }],
      ['settings', { syncIntervalMinutes: 5, groupVisitThreshold: 5, extra: true }],
      ['units', [{ code: 'U01', name: 'a\u0000b' }]],
      ['units', [{ code: 'U01', name: '城关\ud800' }]],
    ] as const;
    for (const [key, value] of bad) expectCleanError(await putReference(key, value), 400, 'invalid_request');
    expectCleanError(await putReference('colours', ['red']), 400, 'invalid_request');
    expectCleanError(await putReference('units', [], { authorization: 'Bearer nope' }), 401, 'unauthorized');
    const device = await enrolledDevice(city.app);
    expect((await pull(device)).reference).toEqual([]);
  });

  it("issues 督办 notices numbered per year and sends each only to the matter's county", async () => {
    const jinshui = await enrolledDevice(city.app, '410102');
    const xinzheng = await enrolledDevice(city.app, '410184');
    const m1 = await registerMatter(jinshui, 1);
    const m2 = await registerMatter(xinzheng, 1);
    const start = await pull(jinshui);

    const r1 = await supervise(notice(m1.matterNo));
    expect(r1.statusCode).toBe(201);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(r1.json()).toEqual({
      id: expect.any(String),
      matterId: m1.matterId,
      matterNo: m1.matterNo,
      countyCode: '410102',
      noticeNo: `督〔${year}〕1号`,
      issuedBy: '市信访局督查科',
      issuedAt: expect.any(String),
      dueOn: '2026-04-30',
      content: '请于期限内报告办理情况',
    });
    expect((await supervise(notice(m2.matterNo))).json().noticeNo).toBe(`督〔${year}〕2号`);
    expect((await supervise(notice(m1.matterNo))).json().noticeNo).toBe(`督〔${year}〕3号`);

    const got = await pull(jinshui, start.cursor);
    expect(got.supervision.map((n) => n.noticeNo)).toEqual([`督〔${year}〕1号`, `督〔${year}〕3号`]);
    const { countyCode: _county, ...asPulled } = r1.json();
    expect(got.supervision[0]).toEqual(asPulled);
    expect((await pull(xinzheng)).supervision.map((n) => n.matterNo)).toEqual([m2.matterNo]);
    expect((await pull(jinshui, got.cursor)).supervision).toEqual([]);
  });

  it('answers 404 to a 督办 for an unknown matter and 400 to a malformed one', async () => {
    expectCleanError(await supervise(notice('410102-D001-2026-00000')), 404, 'matter_not_found');
    const device = await enrolledDevice(city.app);
    const m = await registerMatter(device, 1);
    for (const body of [
      { ...notice(m.matterNo), dueOn: '2026-02-30' },
      { ...notice(m.matterNo), dueOn: '30/04/2026' },
      { ...notice(m.matterNo), content: '' },
      { ...notice(m.matterNo), content: 'a\u0000' },
      { ...notice(m.matterNo), content: '督办\udc00' },
      { ...notice(m.matterNo), extra: 1 },
      { matterNo: m.matterNo },
    ]) {
      expectCleanError(await supervise(body), 400, 'invalid_request');
    }
    expectCleanError(await supervise(notice(m.matterNo), { authorization: 'Bearer nope' }), 401, 'unauthorized');
    expect((await pull(device)).supervision).toEqual([]);
  });

  it('refuses a pull without a valid device token or with a malformed cursor', async () => {
    const device = await enrolledDevice(city.app);
    expectCleanError(await city.app.inject({ method: 'GET', url: '/api/v1/sync/pull' }), 401, 'unauthorized');
    expectCleanError(await city.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: admin }), 401, 'unauthorized');
    for (const since of ['garbage', 'c1.', 'c1.-5', 'c1.zz!']) {
      const report = { 'x-xf-backlog': '7', 'x-xf-app-version': '0.9.0' };
      expectCleanError(await city.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: { ...bearer(device.token), ...report }, query: { since } }), 400, 'invalid_cursor');
    }
    // A refused pull writes nothing, not even the device's contact and what it said of itself.
    const [row] = await city.db.select().from(devices).where(eq(devices.id, device.deviceId));
    expect(row).toMatchObject({ lastContactAt: null, backlog: null, appVersion: null });
    await city.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${device.deviceId}/revoke`, headers: admin });
    expectCleanError(await city.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: bearer(device.token) }), 401, 'device_revoked');
  });

  it('sends everything again when the cursor is ahead of the city (database restored)', async () => {
    const device = await enrolledDevice(city.app);
    await putReference('units', [{ code: 'U01', name: '县住建局' }]);
    const r = await pull(device, 'c1.zzzz');
    expect(r.reference.map((x) => x.key)).toEqual(['units']);
  });

  it('pages notices, and the cursor of a short page covers the reference data up to it', async () => {
    const device = await enrolledDevice(city.app);
    const m = await registerMatter(device, 1);
    await putReference('units', [{ code: 'U01', name: 'a' }]);
    // 501 notices: one more than a page.
    for (let i = 0; i < 501; i++) await supervise(notice(m.matterNo));
    await putReference('settings', { syncIntervalMinutes: 5, groupVisitThreshold: 5 });

    const page1 = await pull(device);
    expect(page1.hasMore).toBe(true);
    expect(page1.supervision).toHaveLength(500);
    expect(page1.reference.map((r) => r.key)).toEqual(['units']);
    const page2 = await pull(device, page1.cursor);
    expect(page2.hasMore).toBe(false);
    expect(page2.supervision).toHaveLength(1);
    expect(page2.reference.map((r) => r.key)).toEqual(['settings']);
  });

  it('never skips a change written while devices pull, however the writes interleave', async () => {
    const device = await enrolledDevice(city.app);
    const m = await registerMatter(device, 1);
    const writes = Array.from({ length: 40 }, (_, i) =>
      i % 4 === 0 ? putReference('units', [{ code: `U${i}`, name: `单位${i}` }]) : supervise({ ...notice(m.matterNo), content: `第${i}次督办` }),
    );
    const seen = new Set<string>();
    let cursor: string | undefined;
    let lastUnits: unknown;
    const pulling = (async () => {
      for (let i = 0; i < 40; i++) {
        const r = await pull(device, cursor);
        r.supervision.forEach((n) => seen.add(n.content));
        lastUnits = r.reference.find((x) => x.key === 'units')?.value ?? lastUnits;
        cursor = r.cursor;
      }
    })();
    expect((await Promise.all(writes)).map((w) => w.statusCode).filter((s) => s >= 300)).toEqual([]);
    await pulling;
    const rest = await pull(device, cursor);
    rest.supervision.forEach((n) => seen.add(n.content));
    lastUnits = rest.reference.find((x) => x.key === 'units')?.value ?? lastUnits;
    expect(seen.size).toBe(30);
    expect(lastUnits).toEqual((await pull(device)).reference.find((x) => x.key === 'units')!.value);
    const numbers = (await pull(device)).supervision.map((n) => n.noticeNo);
    expect(new Set(numbers).size).toBe(30);
  });
});
