// A refused over-limit body always gets its answer (issue 15 item 6): a client that sends more
// than a route takes reads the 413 (or the 401 given before the body), never a reset connection,
// however the body is framed and however fast it keeps arriving after the answer.
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_BYTES } from '../../domain/sync/events';
import { buildApp } from '../../server/app';
import { answerAfterBody } from '../../server/http/answerAfterBody';
import { MAX_ATTACHMENT_BYTES } from '../../server/city/attachments';
import { type CityDbHandle, openCityDb } from '../../server/store/db';
import { ADMIN_TOKEN, bearer, type Device, enrolledDevice } from '../support/cityFixtures';
import { type RawAnswer, type RawRequest, sendRaw } from '../support/rawHttp';

const MiB = 1024 * 1024;
// A race decides whether a reset wins, so each case is tried a few times.
const TRIES = 4;

describe('over-limit bodies are answered, not reset', () => {
  let handle: CityDbHandle;
  let app: FastifyInstance;
  let port: number;
  let device: Device;

  beforeAll(async () => {
    handle = await openCityDb({});
    app = await buildApp({ db: handle.db, adminToken: ADMIN_TOKEN, rateLimitPerMinute: 100_000 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
    device = await enrolledDevice(app);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  async function expectAnswered(request: Omit<RawRequest, 'port'>, status: number, code: string): Promise<void> {
    for (let i = 0; i < TRIES; i++) {
      const a: RawAnswer = await sendRaw({ port, ...request });
      expect({ status: a.status, json: a.json, error: a.status === null ? a.error : null }).toEqual({
        status,
        json: { code, message: expect.any(String) },
        error: null,
      });
    }
  }

  const pushHead = () => ({ method: 'POST', path: '/api/v1/sync/push', headers: { ...bearer(device.token), 'content-type': 'application/json' } });
  const oversizedBatch = () => Buffer.from(JSON.stringify({ deviceId: device.deviceId, batchId: 'b', events: [], pad: 'x'.repeat(MAX_BATCH_BYTES + MiB) }));

  it('push: a declared Content-Length over 4 MiB gets 413 while the body is still coming', async () => {
    await expectAnswered({ ...pushHead(), body: oversizedBatch() }, 413, 'payload_too_large');
  });

  it('push: a chunked body that passes 4 MiB gets 413', async () => {
    await expectAnswered({ ...pushHead(), body: oversizedBatch(), chunked: true }, 413, 'payload_too_large');
  });

  it('push: a gzip body whose decompressed size passes 4 MiB gets 413', async () => {
    // Random text compresses poorly, so megabytes of it are still on their way at the refusal.
    const text = Buffer.from(JSON.stringify({ deviceId: device.deviceId, pad: randomBytes(6 * MiB).toString('base64') }));
    const gz = gzipSync(text, { level: 1 });
    expect(gz.length).toBeGreaterThan(MAX_BATCH_BYTES);
    await expectAnswered({ ...pushHead(), headers: { ...pushHead().headers, 'content-encoding': 'gzip' }, body: gz }, 413, 'payload_too_large');
  });

  it('push: a wrong token with a large body gets its 401', async () => {
    const body = Buffer.from(JSON.stringify({ deviceId: device.deviceId, pad: 'x'.repeat(MAX_BATCH_BYTES - 1000) }));
    await expectAnswered({ ...pushHead(), headers: { ...pushHead().headers, ...bearer('no-such-token') }, body }, 401, 'unauthorized');
  });

  const file = randomBytes(MAX_ATTACHMENT_BYTES + MiB);
  const sha = createHash('sha256').update(file).digest('hex');
  const putHead = (headers: Record<string, string> = {}) => ({
    method: 'PUT',
    path: `/api/v1/sync/attachments/${sha}`,
    headers: { ...bearer(device.token), 'content-type': 'application/octet-stream', ...headers },
  });

  it('attachment: a file over 20 MiB gets 413, declared or chunked', async () => {
    await expectAnswered({ ...putHead(), body: file }, 413, 'payload_too_large');
    await expectAnswered({ ...putHead(), body: file, chunked: true }, 413, 'payload_too_large');
  });

  it('attachment: a Content-Range total over 20 MiB gets 413 before the body is read', async () => {
    const range = { 'content-range': `bytes 0-${4 * MiB - 1}/${file.length}` };
    await expectAnswered({ ...putHead(range), body: file.subarray(0, 4 * MiB) }, 413, 'attachment_too_large');
  });

  it('attachment: a wrong token with a large body gets its 401', async () => {
    await expectAnswered({ ...putHead(bearer('no-such-token')), body: file.subarray(0, 8 * MiB) }, 401, 'unauthorized');
  });
});

describe('what is thrown away after a refusal is bounded', () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = Fastify({ bodyLimit: 1000 });
    answerAfterBody(app, { maxBytes: MiB, maxMs: 1500 });
    app.post('/', async () => ({ ok: true }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
  });
  const request = { method: 'POST', path: '/', headers: { 'content-type': 'application/json' } };

  it('a client that keeps sending past the bound is cut off', async () => {
    const a = await sendRaw({ port, ...request, body: Buffer.alloc(32 * MiB, 0x20) });
    expect(a.status).toBeNull();
    expect(a.error).not.toBeNull();
  });

  it('a body that stops arriving is waited for only so long', async () => {
    const started = Date.now();
    const a = await sendRaw({ port, ...request, body: Buffer.alloc(2000, 0x20), declaredLength: 10_000 });
    expect(a.status).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  });

  it('within the bound the refusal is answered', async () => {
    const a = await sendRaw({ port, ...request, body: Buffer.alloc(MiB / 2, 0x20) });
    expect(a.status).toBe(413);
  });
});
