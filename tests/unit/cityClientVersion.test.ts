// The desk tells the city its version (issue #14: the console's devices list shows it) in a header
// on every push and pull, from package.json; the bodies stay exactly protocol v1.
import { expect, it } from 'vitest';
import { version } from '../../package.json';
import { createCityClient } from '../../backend/sync/cityClient';
import { DEVICE_REPORT_HEADERS } from '../../domain/sync/pull';

function recordingFetch(answer: unknown) {
  const calls: { url: string; headers: Record<string, string>; body: unknown }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string>, body: init.body });
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { calls, fetchFn };
}

it('sends the app version on push and pull, and leaves the push body as it was', async () => {
  expect(version).toMatch(/^\d+\.\d+\.\d+/);
  const pushed = recordingFetch({ ackedSeq: 0, rejected: [] });
  const body = { deviceId: crypto.randomUUID(), batchId: crypto.randomUUID(), events: [] };
  expect((await createCityClient(pushed.fetchFn, version).push('http://city', 'tok', body)).ok).toBe(true);
  expect(pushed.calls[0]!.headers[DEVICE_REPORT_HEADERS.appVersion]).toBe(version);
  expect(JSON.parse(Buffer.from(pushed.calls[0]!.body as Uint8Array).toString('utf8'))).toEqual(body);

  const pulled = recordingFetch({ cursor: '0', hasMore: false, reference: [], supervision: [], terminations: [] });
  expect((await createCityClient(pulled.fetchFn, version).pull('http://city', 'tok', null, 3)).ok).toBe(true);
  expect(pulled.calls[0]!.headers).toMatchObject({ [DEVICE_REPORT_HEADERS.appVersion]: version, [DEVICE_REPORT_HEADERS.backlog]: '3' });
});
