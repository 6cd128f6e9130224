// dev:web's loopback RPC (backend/web/rpcHttp.ts) over a real HTTP server on 127.0.0.1: only a
// POST from the exact origin, to the exact host, with the run's token and a sane body reaches
// the backend. Every refusal is an error value with a stable code and a Chinese message, and a
// spy dispatch proves nothing refused got through.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRpcMiddleware } from '../../backend/web/rpcHttp';
import type { Dispatch } from '../../backend/services/router';
import { sendRaw } from '../support/rawHttp';

const TOKEN = 'run-token-0123456789abcdef';
const MiB = 1024 * 1024;

describe('dev:web RPC middleware', () => {
  const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: { answered: true } }));
  let server: http.Server;
  let port: number;
  let origin: string;

  beforeAll(async () => {
    let mw: ReturnType<typeof createRpcMiddleware> | null = null;
    server = http.createServer((req, res) => void mw!(req, res, () => res.writeHead(404, { 'content-length': 15 }).end('{"next":"here"}')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    origin = `http://127.0.0.1:${port}`;
    mw = createRpcMiddleware(dispatch, TOKEN, origin);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });
  beforeEach(() => dispatch.mockClear());

  /** A call as the dev:web page makes it; `headers` overrides (undefined drops one). */
  function call(headers: Record<string, string | undefined> = {}, body: Buffer = Buffer.from('{"a":1}'), path = '/rpc/session.get', method = 'POST') {
    const all: Record<string, string | undefined> = { host: `127.0.0.1:${port}`, origin, authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers };
    const given = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
    return sendRaw({ port, method, path, headers: given, body });
  }

  async function expectRefused(answer: ReturnType<typeof call>, status: number, code: string): Promise<void> {
    const a = await answer;
    expect({ status: a.status, json: a.json }).toEqual({ status, json: { ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    expect(dispatch).not.toHaveBeenCalled();
  }

  it('answers a good call from the page with what dispatch returns', async () => {
    const a = await call();
    expect({ status: a.status, json: a.json }).toEqual({ status: 200, json: { ok: true, value: { answered: true } } });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('session.get', { a: 1 });
  });

  it('refuses a call without Origin, even with the token', async () => {
    await expectRefused(call({ origin: undefined }), 403, 'forbidden_origin');
  });

  it('refuses another origin: another site, another port, https, a trailing slash', async () => {
    for (const other of ['http://evil.example', `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, `${origin}/`, 'null']) {
      await expectRefused(call({ origin: other }), 403, 'forbidden_origin');
    }
  });

  it('refuses a renamed host (DNS rebinding), even from the right origin', async () => {
    for (const host of [`localhost:${port}`, `evil.example:${port}`, '127.0.0.1']) {
      await expectRefused(call({ host }), 403, 'forbidden_origin');
    }
  });

  it('refuses a missing or wrong token', async () => {
    await expectRefused(call({ authorization: undefined }), 401, 'unauthorized');
    await expectRefused(call({ authorization: 'Bearer wrong' }), 401, 'unauthorized');
    await expectRefused(call({ authorization: `Bearer ${TOKEN}x` }), 401, 'unauthorized');
  });

  it('refuses JSON nested deeper than any input of the contract', async () => {
    await expectRefused(call({}, Buffer.from(`${'['.repeat(65)}${']'.repeat(65)}`)), 400, 'too_deep');
    await expectRefused(call({}, Buffer.from(`{"a":${'{"b":'.repeat(70)}1${'}'.repeat(70)}}`)), 400, 'too_deep');
  });

  it('refuses a body that is not JSON', async () => {
    await expectRefused(call({}, Buffer.from('{"a":')), 400, 'invalid_json');
  });

  it('answers a body over 32 MiB with 413, declared or chunked, rather than a reset', async () => {
    const big = Buffer.alloc(32 * MiB + 1024, 0x20);
    await expectRefused(call({}, big), 413, 'body_too_large');
    await expectRefused(
      sendRaw({ port, method: 'POST', path: '/rpc/session.get', headers: { host: `127.0.0.1:${port}`, origin, authorization: `Bearer ${TOKEN}` }, body: big, chunked: true }),
      413,
      'body_too_large',
    );
  });

  it('refuses another method, and passes other paths on', async () => {
    await expectRefused(call({}, Buffer.alloc(0), '/rpc/session.get', 'GET'), 405, 'method_not_allowed');
    const a = await call({}, Buffer.alloc(0), '/index.html', 'GET');
    expect({ status: a.status, json: a.json }).toEqual({ status: 404, json: { next: 'here' } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});
