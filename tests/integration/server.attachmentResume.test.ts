// An attachment upload cut off half-way resumes from where it broke (issue 15 item 5): the city
// keeps the bytes of a PUT whose connection died mid-body, HEAD reports them, and the device
// sends only the rest. The file is still checked whole against its sha256.
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { storeChunk } from '../../server/city/attachments';
import { type CityDbHandle, openCityDb } from '../../server/store/db';
import { ADMIN_TOKEN, bearer, type Device, enrolledDevice } from '../support/cityFixtures';
import { waitFor } from '../support/faultProxy';

describe('an attachment PUT cut off half-way', () => {
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
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const url = (sha: string) => `/api/v1/sync/attachments/${sha}`;
  const offset = async (sha: string) => {
    const h = await app.inject({ method: 'HEAD', url: url(sha), headers: bearer(device.token) });
    return h.statusCode === 404 ? 0 : Number(h.headers['upload-offset']);
  };

  /** Sends the head and the first `sent` bytes of `body`, then drops the connection. */
  async function cutPut(sha: string, body: Buffer, sent: number, headers: Record<string, string> = {}): Promise<void> {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const head = Object.entries({ ...bearer(device.token), 'content-type': 'application/octet-stream', 'content-length': String(body.length), ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`PUT ${url(sha)} HTTP/1.1\r\nhost: 127.0.0.1\r\n${head}\r\n`);
    await new Promise<void>((r) => socket.write(body.subarray(0, sent), () => r()));
    // Let the bytes reach the server before the line dies.
    await new Promise((r) => setTimeout(r, 200));
    socket.destroy();
  }

  it('keeps the bytes that arrived of a whole-file PUT, and the rest completes the file', async () => {
    const file = randomBytes(300_000);
    const sha = createHash('sha256').update(file).digest('hex');
    await cutPut(sha, file, 120_000);
    await waitFor(async () => (await offset(sha)) === 120_000, 10_000, 'the kept prefix');

    const rest = await app.inject({
      method: 'PUT',
      url: url(sha),
      headers: { ...bearer(device.token), 'content-type': 'application/octet-stream', 'content-range': `bytes 120000-299999/300000` },
      payload: file.subarray(120_000),
    });
    expect(rest.statusCode).toBe(201);
    expect(rest.json()).toMatchObject({ received: 300_000, complete: true });
  });

  it('keeps the bytes of a cut chunk after earlier chunks, and the whole is still checked against its hash', async () => {
    const file = randomBytes(200_000);
    const sha = createHash('sha256').update(file).digest('hex');
    const first = await app.inject({
      method: 'PUT',
      url: url(sha),
      headers: { ...bearer(device.token), 'content-type': 'application/octet-stream', 'content-range': 'bytes 0-49999/200000' },
      payload: file.subarray(0, 50_000),
    });
    expect(first.statusCode).toBe(200);
    await cutPut(sha, file.subarray(50_000), 70_000, { 'content-range': 'bytes 50000-199999/200000' });
    await waitFor(async () => (await offset(sha)) === 120_000, 10_000, 'the kept prefix');

    // Other bytes than the file's: the completed upload fails its hash and is thrown away.
    const wrong = Buffer.from(file.subarray(120_000));
    wrong[0]! ^= 0xff;
    const bad = await app.inject({
      method: 'PUT',
      url: url(sha),
      headers: { ...bearer(device.token), 'content-type': 'application/octet-stream', 'content-range': 'bytes 120000-199999/200000' },
      payload: wrong,
    });
    expect(bad.statusCode).toBe(422);
    expect(await offset(sha)).toBe(0);
  });

  it('bytes of a cut request stored after a newer request never set the upload back', async () => {
    const file = randomBytes(300);
    const sha = createHash('sha256').update(file).digest('hex');
    const who = { id: device.deviceId, countyCode: device.countyCode, deviceCode: device.deviceCode };
    await storeChunk(handle.db, who, sha, { start: 0, total: 300 }, file.subarray(0, 100));
    // A late prefix of an earlier attempt from byte 0, and one from a place the upload has passed.
    expect(await storeChunk(handle.db, who, sha, { start: 0, total: 300 }, file.subarray(0, 60), { extendOnly: true })).toMatchObject({ received: 100 });
    expect(await storeChunk(handle.db, who, sha, { start: 40, total: 300 }, file.subarray(40, 90), { extendOnly: true })).toMatchObject({ received: 100 });
    // One that starts where the upload stands extends it.
    expect(await storeChunk(handle.db, who, sha, { start: 100, total: 300 }, file.subarray(100, 150), { extendOnly: true })).toMatchObject({ received: 150 });
    expect(await offset(sha)).toBe(150);
  });

  it('keeps nothing for a caller without a valid token', async () => {
    const file = randomBytes(100_000);
    const sha = createHash('sha256').update(file).digest('hex');
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(`PUT ${url(sha)} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer nope\r\ncontent-type: application/octet-stream\r\ncontent-length: 100000\r\n\r\n`);
    socket.write(file.subarray(0, 50_000));
    await new Promise((r) => setTimeout(r, 200));
    socket.destroy();
    await new Promise((r) => setTimeout(r, 300));
    expect(await offset(sha)).toBe(0);
  });
});
