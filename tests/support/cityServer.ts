// A real city server on 127.0.0.1 (in-memory PGlite) for end-to-end tests, with the admin calls
// a test needs: create a device and read matters back from the city's side.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/app';
import { openCityDb } from '../../server/store/db';

export const CITY_ADMIN_TOKEN = 'e2e-admin-token';

export async function startCityServer() {
  const handle = await openCityDb({});
  const app = await buildApp({ db: handle.db, adminToken: CITY_ADMIN_TOKEN, rateLimitPerMinute: 10_000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${CITY_ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return {
    url,
    admin,
    async enrollmentCode(countyCode = '410102'): Promise<string> {
      const r = await admin('POST', '/api/v1/admin/devices', { countyCode, name: '中原区信访局一号窗口' });
      return r.body.enrollmentCode as string;
    },
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
