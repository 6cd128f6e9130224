// The city server as an HTTP service: OpenAPI at /docs, JSON errors without stack traces for
// unknown routes and internal failures, and the rate limit.
import { afterEach, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { openCityDb, type CityDbHandle } from '../../server/store/db';
import { ADMIN_TOKEN, admin, describeEachBackend, enrolledDevice, expectCleanError, matterEvents, push, pushBody } from '../support/cityFixtures';

describeEachBackend('city HTTP surface', (city) => {
  it('serves the OpenAPI document and its UI at /docs', async () => {
    const ui = await city.app.inject({ method: 'GET', url: '/docs' });
    expect([200, 302]).toContain(ui.statusCode);
    const doc = await city.app.inject({ method: 'GET', url: '/docs/json' });
    expect(doc.statusCode).toBe(200);
    const paths = doc.json().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/v1/health', '/api/v1/sync/push', '/api/v1/devices/enroll', '/api/v1/admin/devices', '/api/v1/admin/devices/{deviceId}']),
    );
    const pushBodyDoc = paths['/api/v1/sync/push'].post.requestBody.content['application/json'].schema;
    expect(pushBodyDoc.required).toEqual(expect.arrayContaining(['deviceId', 'batchId', 'events']));
    expect(pushBodyDoc.additionalProperties).toBe(false);
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
