// Sync by file (issue #15): a window with no network writes its outbox to a USB stick, the city
// imports the file through its API with exactly the push semantics, and the window reads the
// city's answer back. A tampered file, another county's, a replayed one, a gap and an answer that
// acknowledges what never left are refused or change nothing; nothing is applied twice.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { getDevice } from '../../db/syncState';
import { openUsbFile, sealUsbFile, toDeviceSchema, type UsbFile } from '../../domain/sync/usbFile';
import { tempDir, testBackend } from '../support/backend';
import { admin } from '../support/cityFixtures';
import { cityEvents, enroll, type FaultCity, localOutbox, noJitter, registerVisits, startFaultCity, type TestBackend } from '../support/faultProxy';

let city: FaultCity;
let desk: TestBackend;
let deviceId: string;
let usb: string;

beforeEach(async () => {
  city = await startFaultCity();
  // No timer, no debounce: this window syncs only by file once the network is gone.
  desk = testBackend({ sync: { random: noJitter, debounceMs: 3_600_000, timerMs: 3_600_000, healthEveryMs: 3_600_000 } });
  deviceId = await enroll(desk, city);
  city.setRule(() => ({ kind: 'dropRequest' }));
  usb = tempDir('xf-usb-');
});
afterEach(async () => {
  await desk.close();
  await city.close();
});

async function exportFile(): Promise<{ path: string; events: number; fromSeq: number; toSeq: number }> {
  const r = await desk.callAs('admin', 'sync.exportFile', { folder: usb });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value as { path: string; events: number; fromSeq: number; toSeq: number };
}
const readFile = (p: string) => JSON.parse(fs.readFileSync(p, 'utf8')) as UsbFile;
const cityImport = (file: unknown, query = '') => city.app().inject({ method: 'POST', url: `/api/v1/admin/sync-files${query}`, headers: admin, payload: file as object });

function writeAnswer(body: string, name = 'answer.json'): string {
  const p = path.join(usb, name);
  fs.writeFileSync(p, body);
  return p;
}
const deskImport = (p: string) => desk.callAs('admin', 'sync.importFile', { path: p });
const acked = () => desk.db.$client.prepare('SELECT last_acked_seq FROM sync_state').pluck().get() as number;

it('carries the outbox to the city and the acknowledgement back, exactly once, replays changing nothing', async () => {
  await registerVisits(desk, 3);
  const out = await exportFile();
  expect(out.events).toBeGreaterThanOrEqual(3);
  const raw = fs.readFileSync(out.path, 'utf8');
  expect(raw).not.toContain('建设路');
  expect(raw).not.toContain('410102198001010');

  const answer = await cityImport(readFile(out.path));
  expect(answer.statusCode).toBe(200);
  const atCity = await cityEvents(city, deviceId);
  expect(atCity.map((e) => e.seq)).toEqual(localOutbox(desk).filter((e) => e.seq <= out.toSeq).map((e) => e.seq));

  // The same file again: duplicates skipped, the same acknowledgement.
  const again = await cityImport(readFile(out.path));
  expect(again.statusCode).toBe(200);
  expect(await cityEvents(city, deviceId)).toHaveLength(atCity.length);

  const back = await deskImport(writeAnswer(answer.body));
  expect(back).toMatchObject({ ok: true, value: { ackedSeq: out.toSeq, rejected: 0, pushError: null, pullApplied: true } });
  expect(acked()).toBe(out.toSeq);
  // An answer read twice, or an older one read late, moves nothing back.
  expect(await deskImport(writeAnswer(again.body, 'again.json'))).toMatchObject({ ok: true, value: { ackedSeq: out.toSeq } });
  expect(acked()).toBe(out.toSeq);
  expect(desk.sync.status().lastError).toBeNull();
});

it('refuses a tampered file, another county’s, a file meant for the window, and an answer for another device', async () => {
  await registerVisits(desk, 1);
  const file = readFile((await exportFile()).path);
  const before = (await cityEvents(city, deviceId)).length;

  const flipped = file.sealed.startsWith('A') ? `B${file.sealed.slice(1)}` : `A${file.sealed.slice(1)}`;
  expect((await cityImport({ ...file, sealed: flipped })).json()).toMatchObject({ code: 'file_unverified' });
  expect((await cityImport({ ...file, header: { ...file.header, createdAt: '2020-01-01T00:00:00.000Z' } })).json()).toMatchObject({ code: 'file_unverified' });
  const otherCounty = await cityImport({ ...file, header: { ...file.header, countyCode: '410103' } });
  expect([otherCounty.statusCode, otherCounty.json().code]).toEqual([403, 'wrong_county']);
  const importedForOther = await cityImport(file, '?countyCode=410103');
  expect([importedForOther.statusCode, importedForOther.json().code]).toEqual([403, 'wrong_county']);
  expect((await cityImport({ ...file, header: { ...file.header, direction: 'to-device' } })).json()).toMatchObject({ code: 'wrong_direction' });
  expect(await cityEvents(city, deviceId)).toHaveLength(before);

  const answer = readFile(writeAnswer((await cityImport(file, '?countyCode=410102')).body));
  expect(await deskImport(writeAnswer(JSON.stringify({ ...answer, tag: '0'.repeat(32) }), 'bad.json'))).toMatchObject({ ok: false, code: 'usb_file_unverified' });
  expect(await deskImport(writeAnswer(JSON.stringify({ ...answer, header: { ...answer.header, deviceId: crypto.randomUUID() } }), 'other.json'))).toMatchObject({
    ok: false,
    code: 'usb_other_device',
  });
  expect(await deskImport(writeAnswer(JSON.stringify(file), 'mine.json'))).toMatchObject({ ok: false, code: 'usb_wrong_direction' });
  expect(acked()).toBeLessThan(localOutbox(desk).at(-1)!.seq);
});

it('a file that starts past what the city holds is refused as a gap, and the window sends again from there', async () => {
  await registerVisits(desk, 2);
  const held = acked();
  // As if this window believed the city had two more events than it has.
  desk.db.$client.prepare('UPDATE sync_state SET last_acked_seq = ?').run(held + 2);
  const gapped = await cityImport(readFile((await exportFile()).path));
  expect(gapped.statusCode).toBe(200);
  expect((await cityEvents(city, deviceId)).length).toBe(held);
  const told = await deskImport(writeAnswer(gapped.body));
  expect(told).toMatchObject({ ok: true, value: { ackedSeq: held, pushError: expect.stringContaining('expected seq') } });

  const out = await exportFile();
  expect(out.fromSeq).toBe(held + 1);
  expect(await deskImport(writeAnswer((await cityImport(readFile(out.path))).body, 'second.json'))).toMatchObject({ ok: true, value: { ackedSeq: out.toSeq, pushError: null } });
  expect((await cityEvents(city, deviceId)).map((e) => e.seq)).toEqual(Array.from({ length: out.toSeq }, (_, i) => i + 1));
});

it('an answer acknowledging records that never went out on a stick moves nothing, however well sealed', async () => {
  await registerVisits(desk, 1);
  const out = await exportFile();
  expect(fs.statSync(out.path).mode & 0o077).toBe(0);
  const genuine = readFile(writeAnswer((await cityImport(readFile(out.path))).body));
  // Registered after the stick left: still only on this window.
  await registerVisits(desk, 2);
  const last = localOutbox(desk).at(-1)!.seq;
  expect(last).toBeGreaterThan(out.toSeq);

  // A city (or a file) that lies, sealed with the device's own token so the seal holds.
  const digest = createHash('sha256').update(getDevice(desk.db).token!, 'utf8').digest();
  const content = toDeviceSchema.parse(await openUsbFile(digest, genuine));
  const lying = await sealUsbFile(digest, { ...genuine.header, iv: randomBytes(12).toString('hex') }, { ...content, push: { ...content.push!, ackedSeq: last } });
  const before = acked();
  expect(await deskImport(writeAnswer(JSON.stringify(lying), 'lying.json'))).toMatchObject({ ok: false, code: 'usb_bad_answer' });
  expect(acked()).toBe(before);

  expect(await deskImport(writeAnswer(JSON.stringify(genuine), 'genuine.json'))).toMatchObject({ ok: true, value: { ackedSeq: out.toSeq } });
});
