// Attachments: copied into the data folder under their hash, listed, read back; bad files refused
// with nothing written.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testBackend, validVisit } from '../support/backend';

const backends: ReturnType<typeof testBackend>[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.close();
});

async function withMatter() {
  const b = testBackend();
  backends.push(b);
  const r = await b.dispatch('intake.register', validVisit);
  if (!r.ok) throw new Error(r.message);
  return { b, matterId: (r.value as { matterId: string }).matterId, dataDir: path.dirname(b.db.$client.name as string) };
}

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('attachments', () => {
  it('stores the bytes under their sha256, lists them, reads them back, and queues an event', async () => {
    const { b, matterId, dataDir } = await withMatter();
    const added = await b.dispatch('attachments.add', { matterId, fileName: '身份证复印件.png', mime: 'image/png', dataBase64: png.toString('base64') });
    expect(added).toMatchObject({ ok: true, value: { fileName: '身份证复印件.png', size: png.length, uploaded: false } });
    const sha = (added as { value: { sha256: string } }).value.sha256;
    // On disk only sealed (sealedFiles.ts): not the bytes, and not a trace of them.
    const onDisk = fs.readFileSync(path.join(dataDir, 'attachments', sha));
    expect(onDisk.includes(png.subarray(0, 8))).toBe(false);
    expect(onDisk.length).toBeGreaterThan(png.length);
    // The same scan twice is one file, two rows.
    await b.dispatch('attachments.add', { matterId, fileName: '复印件2.png', mime: 'image/png', dataBase64: png.toString('base64') });
    expect(fs.readdirSync(path.join(dataDir, 'attachments'))).toEqual([sha]);
    const list = await b.dispatch('attachments.list', { matterId });
    expect(list.ok && (list.value as unknown[]).length).toBe(2);
    const read = await b.dispatch('attachments.read', { id: (added as { value: { id: string } }).value.id });
    expect(read.ok && Buffer.from((read.value as { dataBase64: string }).dataBase64, 'base64')).toEqual(png);
    const types = b.db.$client.prepare("SELECT count(*) AS n FROM outbox WHERE type = 'attachment.added'").get();
    expect(types).toEqual({ n: 2 });
  });

  it.each([
    ['a path in the file name', { fileName: '../../etc/passwd', mime: 'image/png' }, 'fileName'],
    ['an executable', { fileName: 'a.exe', mime: 'application/x-msdownload' }, 'mime'],
    ['an empty file', { fileName: 'a.png', mime: 'image/png', dataBase64: '' }, 'dataBase64'],
    ['broken base64', { fileName: 'a.png', mime: 'image/png', dataBase64: '@@@' }, 'dataBase64'],
  ])('refuses %s, writing nothing', async (_l, patch, field) => {
    const { b, matterId, dataDir } = await withMatter();
    const r = await b.dispatch('attachments.add', { matterId, dataBase64: png.toString('base64'), ...patch });
    expect(r).toMatchObject({ ok: false, field, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(fs.existsSync(path.join(dataDir, 'attachments'))).toBe(false);
    expect(b.db.$client.prepare('SELECT count(*) AS n FROM attachment').get()).toEqual({ n: 0 });
  });

  it('refuses a file over 20 MB and an unknown matter', async () => {
    const { b, matterId } = await withMatter();
    const big = Buffer.alloc(20 * 1024 * 1024 + 3).toString('base64');
    expect(await b.dispatch('attachments.add', { matterId, fileName: 'big.pdf', mime: 'application/pdf', dataBase64: big })).toMatchObject({ ok: false, field: 'dataBase64' });
    expect(await b.dispatch('attachments.add', { matterId: 'nope', fileName: 'a.png', mime: 'image/png', dataBase64: png.toString('base64') })).toMatchObject({
      ok: false,
      code: 'matter_not_found',
    });
  });
});
