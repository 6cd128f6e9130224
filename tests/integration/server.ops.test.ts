// Operations: structured logs (request id, device id, nothing personal), the stricter limit on
// enrolment, and an OpenAPI 3 document that lists every route of the city API.
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { ADMIN_TOKEN, admin, bearer, describeEachBackend, enrolledDevice, expectCleanError, matterEvent, pushAll } from '../support/cityFixtures';

describeEachBackend('city operations', (city) => {
  it('logs JSON lines with the request id and device id, and no personal data', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const app = await buildApp({ db: city.db, adminToken: ADMIN_TOKEN, logger: { level: 'info', stream } });
    try {
      const device = await enrolledDevice(app);
      const event = matterEvent(1);
      await pushAll(app, device, [event]);
      const person = (event.payload as { visitor: { documentNumber: string; name: string; mobile: string } }).visitor;
      await app.inject({ method: 'POST', url: '/api/v1/sync/lookup', headers: bearer(device.token), payload: { documentType: 'resident', documentNumber: person.documentNumber } });
      await app.inject({ method: 'GET', url: `/api/v1/admin/persons/${person.documentNumber}/matters`, headers: admin });
      await app.inject({ method: 'GET', url: `/api/v1/nowhere/${person.documentNumber}` });
      await app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: bearer(device.token) });

      const text = lines.map((l) => JSON.stringify(l)).join('\n');
      for (const secret of [person.documentNumber, person.name, person.mobile, device.token, ADMIN_TOKEN, '反映小区供暖不达标']) expect(text).not.toContain(secret);
      const completed = lines.filter((l) => l.msg === 'request completed');
      expect(completed.length).toBeGreaterThanOrEqual(7);
      expect(completed.every((l) => typeof l.reqId === 'string')).toBe(true);
      // "incoming request" is logged before authentication; everything after it names the device.
      const pulled = lines.find((l) => (l.req as { route?: string } | undefined)?.route === '/api/v1/sync/pull');
      expect(pulled).toMatchObject({ msg: 'incoming request', req: { method: 'GET', remoteAddress: expect.any(String) } });
      expect(completed.find((l) => l.reqId === pulled!.reqId)).toMatchObject({ deviceId: device.deviceId, res: { statusCode: 200 } });
      expect(lines.find((l) => l.msg === 'person lookup')).toMatchObject({ deviceId: device.deviceId, matters: 1 });
    } finally {
      await app.close();
    }
  });

  it('limits enrolment attempts to 10 a minute per address', async () => {
    const app = await buildApp({ db: city.db, adminToken: ADMIN_TOKEN });
    try {
      const attempt = () => app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code: '0000-0000-0000-0000', name: 'x' } });
      for (let i = 0; i < 10; i++) expectCleanError(await attempt(), 401, 'invalid_enrollment_code');
      const r = await attempt();
      expectCleanError(r, 429, 'rate_limited');
      expect(r.headers['retry-after']).toBeDefined();
      // The rest of the API keeps the server-wide limit.
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('serves an OpenAPI 3 document listing every route', async () => {
    const r = await city.app.inject({ method: 'GET', url: '/docs/json', headers: admin });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/v1/health',
        'POST /api/v1/devices/enroll',
        'POST /api/v1/devices/rotate-token',
        'POST /api/v1/sync/push',
        'GET /api/v1/sync/pull',
        'PUT /api/v1/sync/attachments/{sha256}',
        'HEAD /api/v1/sync/attachments/{sha256}',
        'POST /api/v1/sync/lookup',
        'POST /api/v1/admin/devices',
        'GET /api/v1/admin/devices/{deviceId}',
        'POST /api/v1/admin/devices/{deviceId}/revoke',
        'GET /api/v1/admin/matters',
        'PUT /api/v1/admin/reference/{key}',
        'POST /api/v1/admin/supervision',
        'GET /api/v1/admin/persons/{documentNumber}/matters',
        'GET /api/v1/admin/figures',
      ]),
    );
    // Every operation is documented with its responses, and secured ones say which token.
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses?: object; security?: unknown[] }>>)) {
      for (const op of Object.values(ops)) {
        expect(op.responses, path).toBeDefined();
        if (!['/api/v1/health', '/api/v1/devices/enroll'].includes(path)) expect(op.security, path).toBeDefined();
      }
    }
    const pull = doc.paths['/api/v1/sync/pull'].get;
    expect(pull.parameters.map((p: { name: string }) => p.name)).toEqual(['since']);
    expect(Object.keys(pull.responses['200'].content['application/json'].schema.properties).sort()).toEqual(['cursor', 'hasMore', 'reference', 'supervision', 'terminations']);
    expect(doc.paths['/api/v1/sync/attachments/{sha256}'].put.requestBody.content).toHaveProperty('application/octet-stream');
  });
});
