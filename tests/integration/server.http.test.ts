// The city server as an HTTP service: OpenAPI at /docs for the administrator, one JSON error
// shape without stack traces for every route, unknown routes and internal failures, U+0000
// refused wherever a request can carry it, and the rate limit.
import { afterEach, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { openCityDb, type CityDbHandle } from '../../server/store/db';
import { ADMIN_TOKEN, admin, bearer, describeEachBackend, deviceInfo, enrolledDevice, expectCleanError, matterEvents, push, pushBody } from '../support/cityFixtures';

describeEachBackend('city HTTP surface', (city) => {
  it('serves the OpenAPI document and its UI at /docs to the administrator only', async () => {
    expectCleanError(await city.app.inject({ method: 'GET', url: '/docs' }), 401, 'unauthorized');
    expectCleanError(await city.app.inject({ method: 'GET', url: '/docs/json' }), 401, 'unauthorized');
    expectCleanError(await city.app.inject({ method: 'GET', url: '/docs/json', headers: bearer('not-the-admin') }), 401, 'unauthorized');
    const ui = await city.app.inject({ method: 'GET', url: '/docs', headers: admin });
    expect([200, 302]).toContain(ui.statusCode);
    const doc = await city.app.inject({ method: 'GET', url: '/docs/json', headers: admin });
    expect(doc.statusCode).toBe(200);
    const paths = doc.json().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/v1/health', '/api/v1/sync/push', '/api/v1/devices/enroll', '/api/v1/admin/devices', '/api/v1/admin/devices/{deviceId}']),
    );
    const pushBodyDoc = paths['/api/v1/sync/push'].post.requestBody.content['application/json'].schema;
    expect(pushBodyDoc.required).toEqual(expect.arrayContaining(['deviceId', 'batchId', 'events']));
    expect(pushBodyDoc.additionalProperties).toBe(false);
  });

  it('documents one error body for every route, and answers every error in it', async () => {
    const doc = (await city.app.inject({ method: 'GET', url: '/docs/json', headers: admin })).json();
    const errorBodies = Object.values(doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>).flatMap((ops) =>
      Object.values(ops).flatMap((op) => [op.responses['4XX'], op.responses['5XX']]),
    );
    expect(errorBodies.length).toBeGreaterThan(20);
    for (const body of errorBodies) expect(body).toEqual(errorBodies[0]);
    expect((errorBodies[0] as { content: { 'application/json': { schema: { required: string[] } } } }).content['application/json'].schema.required).toEqual(['code', 'message']);
    // The extra fields of some errors are part of the one shape, not lost on the way out.
    const device = await enrolledDevice(city.app);
    const gap = await push(city.app, device, pushBody(device.deviceId, matterEvents(3, 1)));
    expect(expectCleanError(gap, 409, 'seq_gap')).toMatchObject({ expectedSeq: 1 });
  });

  it('refuses U+0000 in a query string or a path parameter with 400, on every kind of route', async () => {
    const device = await enrolledDevice(city.app);
    const nul = '%00';
    for (const [method, url, headers] of [
      ['GET', `/api/v1/admin/matters?matterNo=a${nul}b`, admin],
      ['GET', `/api/v1/admin/persons/1101${nul}05/matters`, admin],
      ['GET', `/api/v1/admin/devices/${nul}`, admin],
      ['GET', `/api/v1/sync/pull?since=c1.${nul}`, bearer(device.token)],
      ['HEAD', `/api/v1/sync/attachments/${'a'.repeat(63)}${nul}`, bearer(device.token)],
      ['POST', `/api/v1/sync/push?x=${nul}`, bearer(device.token)],
      ['POST', `/api/v1/sync/lookup?${nul}=1`, bearer(device.token)],
    ] as const) {
      const r = await city.app.inject({ method, url, headers, payload: method === 'POST' ? pushBody(device.deviceId, []) : undefined });
      expect(r.statusCode, `${method} ${url}`).toBe(400);
      if (method !== 'HEAD') expectCleanError(r, 400);
    }
    expect((await deviceInfo(city.app, device.deviceId)).lastSeq).toBe(0);
  });

  it('answers an unknown route and a wrong method with a JSON error', async () => {
    expectCleanError(await city.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'not_found');
    expectCleanError(await city.app.inject({ method: 'DELETE', url: '/api/v1/health' }), 404, 'not_found');
  });
});

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});
async function freshApp(rateLimitPerMinute?: number) {
  const handle: CityDbHandle = await openCityDb();
  const app = await buildApp({ db: handle.db, adminToken: ADMIN_TOKEN, rateLimitPerMinute });
  opened.push(handle, app);
  return { app, handle };
}

it('answers an internal failure with 500 internal_error and nothing of the cause', async () => {
  const { app, handle } = await freshApp();
  const device = await enrolledDevice(app);
  await handle.close();
  const r = await push(app, device, pushBody(device.deviceId, matterEvents(1, 1)));
  const body = expectCleanError(r, 500, 'internal_error');
  expect(body.message).not.toMatch(/pglite|closed|sql/i);
});

it('limits requests per client address with 429 rate_limited', async () => {
  const { app } = await freshApp(3);
  for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  const r = await app.inject({ method: 'GET', url: '/api/v1/health' });
  expectCleanError(r, 429, 'rate_limited');
  expect(r.headers['retry-after']).toBeDefined();
  expectCleanError(await app.inject({ method: 'GET', url: '/api/v1/admin/devices/x', headers: admin }), 429, 'rate_limited');
});
