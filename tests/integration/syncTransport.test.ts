// How the device reaches the city (issue #11): over https:// with a certificate Node trusts, and
// over plain http:// only in development (dev:web and tests set allowInsecure; the app does not).
// A refused address or certificate is said in Chinese on the server address field, and no
// request carrying records leaves the device.
import { afterEach, expect, it } from 'vitest';
import { tempDir, testBackend } from '../support/backend';
import { enroll, enrollmentCode, type FaultCity, registerVisits, startFaultCity, type TestBackend } from '../support/faultProxy';
import { getTrusting, startUntrustedCity } from '../support/untrustedCity';

const CHINESE = /[\u4e00-\u9fff]/;

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

function app(o: { dataDir?: string; allowInsecure: boolean }): TestBackend {
  const backend = testBackend({ ...(o.dataDir ? { dataDir: o.dataDir } : {}), sync: { allowInsecure: o.allowInsecure, timerMs: 60_000, healthEveryMs: 60_000 } });
  cleanup.push(() => backend.close());
  return backend;
}

async function city(): Promise<FaultCity> {
  const c = await startFaultCity();
  cleanup.push(() => c.close());
  return c;
}

it('outside development an http:// city is refused on the server address field before anything is sent', async () => {
  const c = await city();
  const { code } = await enrollmentCode(c);
  const r = await app({ allowInsecure: false }).callAs('admin', 'sync.enroll', { serverUrl: c.url, code, name: '一号窗口' });
  expect(r).toMatchObject({ ok: false, code: 'insecure_server_url', field: 'serverUrl' });
  expect(!r.ok && r.message).toMatch(CHINESE);
  expect(c.seen).toEqual([]);
  // The code itself was good: a development build enrols with it.
  expect(await app({ allowInsecure: true }).callAs('admin', 'sync.enroll', { serverUrl: c.url, code, name: '一号窗口' })).toMatchObject({ ok: true });
});

it('a window enrolled over http:// in development sends nothing once the app opens its data, and says why', async () => {
  const c = await city();
  const dataDir = tempDir();
  const dev = app({ dataDir, allowInsecure: true });
  await enroll(dev, c);
  await dev.close();
  const packaged = app({ dataDir, allowInsecure: false });
  await registerVisits(packaged, 2);
  const before = c.seen.length;

  const s = await packaged.sync.syncNow();
  expect(s).toMatchObject({ waiting: 2, lastError: { code: 'insecure_server_url' } });
  expect(s.lastError?.message).toMatch(CHINESE);
  expect(await packaged.sync.cityLookup({ documentType: 'resident', documentNumber: '11010519491231002X' })).toBeNull();
  expect(c.seen.length).toBe(before);
});

it.each([false, true])('a city whose certificate nobody vouches for is refused as tls_untrusted (allowInsecure %s)', async (allowInsecure) => {
  const untrusted = await startUntrustedCity();
  cleanup.push(() => untrusted.close());
  // The server works for a client told to trust its certificate: the refusal is about trust alone.
  expect(await getTrusting(`${untrusted.url}/api/v1/health`, untrusted.cert)).toEqual({ status: 200, body: '{"ok":true}' });
  const handled = untrusted.requests.length;

  const r = await app({ allowInsecure }).callAs('admin', 'sync.enroll', { serverUrl: untrusted.url, code: 'ABCD-1234', name: '一号窗口' });
  expect(r).toMatchObject({ ok: false, code: 'tls_untrusted', field: 'serverUrl' });
  expect(!r.ok && r.message).toMatch(CHINESE);
  // The enrolment code never crossed the handshake.
  expect(untrusted.requests.length).toBe(handled);
});

it.each([
  ['a user name and password in it', 'https://admin:secret@city.example.gov.cn'],
  ['a query string', 'https://city.example.gov.cn/?next=x'],
  ['another scheme', 'ftp://city.example.gov.cn'],
])('a server address with %s is refused on its field', async (_what, serverUrl) => {
  const r = await app({ allowInsecure: false }).callAs('admin', 'sync.enroll', { serverUrl, code: 'ABCD-1234', name: '一号窗口' });
  expect(r).toMatchObject({ ok: false, field: 'serverUrl' });
  expect(!r.ok && r.message).toMatch(CHINESE);
});
