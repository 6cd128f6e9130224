// A window's USB sync file imported in the console (issue #14, #15): the administrator uploads it,
// the city applies it with push semantics (the same file twice applies nothing twice) and says
// what it did in Chinese, with the answer file for the window; only the 管理员, only with the
// session's CSRF token, audited.
import { createHash, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { SyncEvent } from '../../domain/sync/events';
import { openUsbFile, sealUsbFile, type UsbFile } from '../../domain/sync/usbFile';
import { auditDetailText } from '../../domain/console/auditDetail';
import { describeEachBackend, enrolledDevice, expectCleanError, matterEvent, pushBody, pushedRows, type Device } from '../support/cityFixtures';
import { setUpAdmin, staffMember } from '../support/consoleSession';

const CHINESE = /[\u4e00-\u9fff]/;
const digestOf = (device: Device) => createHash('sha256').update(device.token).digest();

/** The file the window would write for `events`, sealed with the device's token. */
function fileFor(device: Device, events: SyncEvent[], direction: 'to-city' | 'to-device' = 'to-city'): Promise<UsbFile> {
  const header = { direction, fileId: randomUUID(), deviceId: device.deviceId, countyCode: device.countyCode, createdAt: new Date().toISOString(), salt: randomUUID().replaceAll('-', ''), iv: randomUUID().replaceAll('-', '').slice(0, 24) };
  return sealUsbFile(digestOf(device), header, { batches: [pushBody(device.deviceId, events)], pullSince: null });
}

describeEachBackend('console sync files', (city) => {
  it('applies a file as pushes, says what it did, answers the window, and applies nothing twice', async () => {
    const device = await enrolledDevice(city.app, '410102');
    const admin = await setUpAdmin(city.app);
    const bad = matterEvent(3);
    (bad.payload as { summary: string }).summary = '';
    const file = await fileFor(device, [matterEvent(1), matterEvent(2), bad]);

    const first = await admin.call('POST', '/api/console/sync-files', file);
    expect(first.statusCode).toBe(200);
    const { summary, answer, answerFileName } = first.json();
    expect(summary).toMatchObject({ deviceId: device.deviceId, countyCode: '410102', deviceCode: 'D001', events: 3, accepted: 2, ackedSeq: 3, pushError: null });
    expect(summary.rejected).toEqual([expect.objectContaining({ seq: 3, message: expect.stringMatching(CHINESE) })]);
    expect(answerFileName).toMatch(/^xinfang-to-device-410102-D001-\d{8}T\d{6}\.json$/);
    // The answer is the window's to open, with the same acknowledgement.
    expect(await openUsbFile(digestOf(device), answer)).toMatchObject({ replyTo: file.header.fileId, push: { ackedSeq: 3 }, pushError: null });
    expect(await pushedRows(city)).toMatchObject({ events: 2, quarantine: 1, matters: 2 });

    const again = (await admin.call('POST', '/api/console/sync-files', file)).json().summary;
    expect(again).toMatchObject({ events: 3, accepted: 0, ackedSeq: 3, pushError: null });
    expect(await pushedRows(city)).toMatchObject({ events: 2, quarantine: 1, matters: 2 });

    // A file that skips seqs stops there and says where to resend from.
    const gap = (await admin.call('POST', '/api/console/sync-files', await fileFor(device, [matterEvent(6)]))).json().summary;
    expect(gap).toMatchObject({ accepted: 0, ackedSeq: null, pushError: { code: 'seq_gap', expectedSeq: 4, message: expect.stringMatching(CHINESE) } });

    const audit = (await admin.call('GET', '/api/console/audit')).json().entries.filter((e: { action: string }) => e.action === 'syncFile.imported');
    expect(audit).toHaveLength(3);
    expect(audit.at(-1)).toMatchObject({ target: device.deviceId, detail: { fileId: file.header.fileId, accepted: 2, rejected: 1 } });
    expect(audit.at(-1).detail).not.toHaveProperty('deviceId');
    // The stopped import reads on the 审计 page with its reason in words.
    expect(auditDetailText(audit[0].detail)).toContain(`中止原因：${gap.pushError.message}`);
  });

  it('refuses a changed file, an answer file, and says why in Chinese', async () => {
    const device = await enrolledDevice(city.app, '410102');
    const admin = await setUpAdmin(city.app);
    const file = await fileFor(device, [matterEvent(1)]);
    const changed = { ...file, sealed: file.sealed.startsWith('A') ? `B${file.sealed.slice(1)}` : `A${file.sealed.slice(1)}` };
    expect(expectCleanError(await admin.call('POST', '/api/console/sync-files', changed), 422, 'file_unverified').message).toMatch(CHINESE);
    expectCleanError(await admin.call('POST', '/api/console/sync-files', await fileFor(device, [matterEvent(1)], 'to-device')), 400, 'wrong_direction');
    expectCleanError(await admin.call('POST', '/api/console/sync-files', { not: 'a file' }), 400);
    expect(await pushedRows(city)).toMatchObject({ events: 0 });
  });

  it('is the administrator’s alone, and wants the CSRF token', async () => {
    const device = await enrolledDevice(city.app, '410102');
    const admin = await setUpAdmin(city.app);
    const file = await fileFor(device, [matterEvent(1)]);
    for (const role of ['supervisor', 'statistician', 'viewer'] as const) {
      const someone = await staffMember(city.app, admin, role);
      expectCleanError(await someone.call('POST', '/api/console/sync-files', file), 403, 'forbidden');
    }
    expectCleanError(await city.app.inject({ method: 'POST', url: '/api/console/sync-files', headers: { cookie: admin.cookie }, payload: file }), 403, 'csrf_refused');
    expectCleanError(await city.app.inject({ method: 'POST', url: '/api/console/sync-files', payload: file }), 401, 'not_signed_in');
    expect(await pushedRows(city)).toMatchObject({ events: 0 });
  });
});
