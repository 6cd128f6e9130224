// Content-addressed attachments (DESIGN.md §4): whole and resumable (Content-Range) uploads,
// HEAD for the resume offset, the hash check, the 20 MiB limit and county ownership.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { attachments, attachmentUploadParts } from '../../server/store/schema';
import { admin, bearer, type Device, describeEachBackend, enrolledDevice, expectCleanError } from '../support/cityFixtures';

const hashOf = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MiB = 1024 * 1024;

describeEachBackend('city attachments', (city) => {
  const url = (sha: string) => `/api/v1/sync/attachments/${sha}`;
  const put = (device: Device, sha: string, body: Buffer, headers: Record<string, string> = {}) =>
    city.app.inject({ method: 'PUT', url: url(sha), headers: { ...bearer(device.token), 'content-type': 'application/octet-stream', ...headers }, payload: body });
  const head = (device: Device, sha: string) => city.app.inject({ method: 'HEAD', url: url(sha), headers: bearer(device.token) });
  const range = (start: number, end: number, total: number) => ({ 'content-range': `bytes ${start}-${end}/${total}` });
  const stored = async (countyCode: string, sha: string) =>
    (await city.db.select().from(attachments).where(and(eq(attachments.countyCode, countyCode), eq(attachments.sha256, sha))))[0];

  it('stores a whole file in one PUT, and a second upload of it is an idempotent 200', async () => {
    const device = await enrolledDevice(city.app);
    const file = randomBytes(100_000);
    const sha = hashOf(file);
    expect((await head(device, sha)).statusCode).toBe(404);

    const r = await put(device, sha, file);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({ sha256: sha, received: file.length, total: file.length, complete: true });
    expect(r.headers['upload-offset']).toBe(String(file.length));
    const row = await stored('410102', sha);
    expect(row!.size).toBe(file.length);
    expect(Buffer.compare(row!.bytes, file)).toBe(0);

    const again = await put(device, sha.toUpperCase(), file);
    expect(again.statusCode).toBe(200);
    expect(again.json().complete).toBe(true);
    const h = await head(device, sha);
    expect(h.statusCode).toBe(200);
    expect(h.headers).toMatchObject({ 'upload-offset': String(file.length), 'upload-length': String(file.length), 'upload-complete': '1' });
  });

  it('resumes an interrupted upload from the offset HEAD reports', async () => {
    const device = await enrolledDevice(city.app);
    const file = randomBytes(300_000);
    const sha = hashOf(file);
    const first = await put(device, sha, file.subarray(0, 100_000), range(0, 99_999, file.length));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ sha256: sha, received: 100_000, total: file.length, complete: false });

    const h = await head(device, sha);
    expect(h.statusCode).toBe(200);
    expect(h.headers).toMatchObject({ 'upload-offset': '100000', 'upload-length': '300000', 'upload-complete': '0' });

    // A chunk that does not start at the offset is refused with the offset to resume from.
    const skipped = await put(device, sha, file.subarray(200_000), range(200_000, 299_999, file.length));
    expect(expectCleanError(skipped, 409, 'offset_mismatch')).toMatchObject({ uploadOffset: 100_000 });
    // So is a retried chunk the server already has.
    expectCleanError(await put(device, sha, file.subarray(50_000, 100_000), range(50_000, 99_999, file.length)), 409, 'offset_mismatch');
    expectCleanError(await put(device, sha, file.subarray(100_000, 200_000), range(100_000, 199_999, 400_000)), 409, 'upload_length_mismatch');

    expect((await put(device, sha, file.subarray(100_000, 200_000), range(100_000, 199_999, file.length))).json().received).toBe(200_000);
    const last = await put(device, sha, file.subarray(200_000), range(200_000, 299_999, file.length));
    expect(last.statusCode).toBe(201);
    expect(Buffer.compare((await stored('410102', sha))!.bytes, file)).toBe(0);
    expect(await city.db.select().from(attachmentUploadParts)).toEqual([]);
  });

  it('restarts an upload sent again from byte 0', async () => {
    const device = await enrolledDevice(city.app);
    const file = randomBytes(10_000);
    const sha = hashOf(file);
    await put(device, sha, randomBytes(5_000), range(0, 4_999, file.length));
    expect((await put(device, sha, file)).statusCode).toBe(201);
    expect(Buffer.compare((await stored('410102', sha))!.bytes, file)).toBe(0);
  });

  it('discards a file whose bytes do not hash to its name: 422 hash_mismatch', async () => {
    const device = await enrolledDevice(city.app);
    const file = randomBytes(20_000);
    const wrong = hashOf(randomBytes(10));
    expectCleanError(await put(device, wrong, file), 422, 'hash_mismatch');
    await put(device, wrong, file.subarray(0, 10_000), range(0, 9_999, 20_000));
    expectCleanError(await put(device, wrong, file.subarray(10_000), range(10_000, 19_999, 20_000)), 422, 'hash_mismatch');
    expect((await head(device, wrong)).statusCode).toBe(404);
    expect(await city.db.select().from(attachments)).toEqual([]);
    expect(await city.db.select().from(attachmentUploadParts)).toEqual([]);
  });

  it('refuses files over 20 MiB with 413, declared or sent', async () => {
    const device = await enrolledDevice(city.app);
    const sha = hashOf(Buffer.from('x'));
    expectCleanError(await put(device, sha, randomBytes(1000), range(0, 999, 20 * MiB + 1)), 413, 'attachment_too_large');
    expect((await put(device, sha, randomBytes(20 * MiB + 1))).statusCode).toBe(413);
    const exact = randomBytes(20 * MiB);
    expect((await put(device, hashOf(exact), exact)).statusCode).toBe(201);
  });

  it('keeps attachments to the uploading county', async () => {
    const jinshui = await enrolledDevice(city.app, '410102');
    const jinshui2 = await enrolledDevice(city.app, '410102');
    const xinzheng = await enrolledDevice(city.app, '410184');
    const file = randomBytes(5_000);
    const sha = hashOf(file);
    expect((await put(jinshui, sha, file)).statusCode).toBe(201);
    expect((await head(jinshui2, sha)).statusCode).toBe(200);
    expect((await head(xinzheng, sha)).statusCode).toBe(404);
    expect((await put(xinzheng, sha, file)).statusCode).toBe(201);
    expect((await stored('410184', sha))!.deviceId).toBe(xinzheng.deviceId);
  });

  it('refuses bad names, ranges, content types and callers', async () => {
    const device = await enrolledDevice(city.app);
    const file = randomBytes(100);
    const sha = hashOf(file);
    expectCleanError(await put(device, 'abc', file), 400, 'invalid_request');
    expectCleanError(await put(device, sha, file, { 'content-range': 'bytes=0-99' }), 400, 'invalid_range');
    expectCleanError(await put(device, sha, file, range(0, 49, 100)), 400, 'invalid_range');
    expectCleanError(await put(device, sha, file, range(0, 99, 99)), 400, 'invalid_range');
    expectCleanError(await put(device, sha, file, { 'content-type': 'application/json' }), 415);
    expectCleanError(await city.app.inject({ method: 'PUT', url: url(sha), headers: { 'content-type': 'application/octet-stream' }, payload: file }), 401, 'unauthorized');
    expectCleanError(await city.app.inject({ method: 'PUT', url: url(sha), headers: { ...admin, 'content-type': 'application/octet-stream' }, payload: file }), 401, 'unauthorized');
    expect((await city.app.inject({ method: 'HEAD', url: url(sha) })).statusCode).toBe(401);
    expect(await city.db.select().from(attachments)).toEqual([]);
  });
});
