// Applying a sync file a township's USB stick brought (issue #15; docs/usb-sync.md): opened and
// checked with the device's token digest, which the city keeps, then its batches go through the
// city's one push queue exactly as pushes over the network would — duplicates skipped, a gap or
// a seq conflict stops there, refused content quarantined and acknowledged — and the answer file
// carries that acknowledgement and the pull pages back, sealed the same way. The console is also
// told, in the clear, what the file did (SyncFileSummary), since it cannot open the answer.
import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, type PushResponse } from '../../domain/sync/events';
import type { SyncFileSummary } from '../../domain/console/syncFiles';
import type { PullResponse } from '../../domain/sync/pull';
import { openUsbFile, sealUsbFile, toCitySchema, type ToDevice, type UsbFile } from '../../domain/sync/usbFile';
import { deviceRevoked, type AuthedDevice } from '../http/auth';
import { HttpError } from '../http/errors';
import type { PushQueue } from '../push/queue';
import { pullPage } from '../routes/pull';
import { decodeCursor } from '../store/changes';
import type { CityDb } from '../store/db';
import { devices } from '../store/schema';

const MAX_PULL_PAGES = 50;

/** The device a file names, with the digest its files are sealed under; refusals as HTTP errors. */
async function deviceOf(db: CityDb, file: UsbFile, expectCounty: string | undefined) {
  const [d] = await db
    .select({ id: devices.id, countyCode: devices.countyCode, deviceCode: devices.deviceCode, tokenHash: devices.tokenHash, revokedAt: devices.revokedAt, lastSeq: devices.lastSeq })
    .from(devices)
    .where(eq(devices.id, file.header.deviceId));
  if (!d?.tokenHash) throw new HttpError(404, 'device_not_found', '文件所属设备未在本市注册 / the file names no enrolled device');
  if (d.revokedAt) throw deviceRevoked();
  if (file.header.countyCode !== d.countyCode || (expectCounty !== undefined && expectCounty !== d.countyCode)) {
    throw new HttpError(403, 'wrong_county', '文件不属于该县（区） / the file belongs to another county');
  }
  return { device: { id: d.id, countyCode: d.countyCode, deviceCode: d.deviceCode } satisfies AuthedDevice, digest: Buffer.from(d.tokenHash, 'hex'), lastSeq: d.lastSeq };
}

/** Each batch through the push queue, in order, until one is refused. */
async function applyBatches(queue: PushQueue, device: AuthedDevice, batches: ReturnType<typeof toCitySchema.parse>['batches']) {
  let acked: number | null = null;
  const rejected: PushResponse['rejected'] = [];
  const push = (): PushResponse | null => (acked === null ? null : { ackedSeq: acked, rejected });
  for (const body of batches) {
    try {
      if (body.deviceId !== device.id) throw new HttpError(403, 'device_mismatch', 'deviceId 与文件所属设备不符 / deviceId does not match the file');
      if (body.events.length > MAX_BATCH_EVENTS) throw new HttpError(413, 'too_many_events', `每批最多 ${MAX_BATCH_EVENTS} 个事件 / at most ${MAX_BATCH_EVENTS} events per batch`);
      if (Buffer.byteLength(JSON.stringify(body)) > MAX_BATCH_BYTES) throw new HttpError(413, 'payload_too_large', '单批过大 / batch too large');
      const r = await queue.push({ device, body, received: null });
      acked = r.ackedSeq;
      rejected.push(...r.rejected);
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      const expectedSeq = e.extra.expectedSeq;
      return { push: push(), pushError: { code: e.code, message: e.message, ...(expectedSeq !== undefined ? { expectedSeq } : {}) } };
    }
  }
  return { push: push(), pushError: null };
}

/**
 * `summary.accepted` is counted against the device's lastSeq read before the file went through:
 * a push arriving over the network meanwhile would count there too.
 */
export async function importSyncFile(db: CityDb, queue: PushQueue, file: UsbFile, expectCounty?: string): Promise<{ answer: UsbFile; summary: SyncFileSummary }> {
  if (file.header.direction !== 'to-city') throw new HttpError(400, 'wrong_direction', '这是发给窗口的回执文件，不是窗口导出的同步文件 / not a file for the city');
  const { device, digest, lastSeq } = await deviceOf(db, file, expectCounty);
  const content = await openUsbFile(digest, file);
  if (content === null) throw new HttpError(422, 'file_unverified', '文件无法验证：不是该设备签发的，或已被改动 / the file fails its check');
  const parsed = toCitySchema.safeParse(content);
  if (!parsed.success) throw new HttpError(400, 'invalid_file', `文件内容无效 / invalid content: ${parsed.error.issues[0]?.message ?? ''}`);
  const { batches, pullSince } = parsed.data;
  // A cursor the pull would refuse is refused before any batch is applied.
  decodeCursor(pullSince ?? undefined);
  const outcome = await applyBatches(queue, device, batches);
  const pulls: PullResponse[] = [];
  for (let since = pullSince ?? undefined, page = 0; page < MAX_PULL_PAGES; page += 1) {
    const p = await pullPage(db, device.countyCode, since);
    pulls.push(p);
    if (!p.hasMore) break;
    since = p.cursor;
  }
  const answer: ToDevice = { replyTo: file.header.fileId, ...outcome, since: pullSince, pulls };
  const header = {
    direction: 'to-device' as const,
    fileId: randomUUID(),
    deviceId: device.id,
    countyCode: device.countyCode,
    createdAt: new Date().toISOString(),
    salt: randomBytes(16).toString('hex'),
    iv: randomBytes(12).toString('hex'),
  };
  const rejected = outcome.push?.rejected ?? [];
  const ackedSeq = outcome.push?.ackedSeq ?? null;
  const fresh = Math.max(0, (ackedSeq ?? lastSeq) - lastSeq);
  const summary: SyncFileSummary = {
    deviceId: device.id,
    countyCode: device.countyCode,
    deviceCode: device.deviceCode,
    events: batches.reduce((n, b) => n + b.events.length, 0),
    accepted: fresh - rejected.filter((r) => r.seq > lastSeq).length,
    ackedSeq,
    rejected,
    pushError: outcome.pushError,
  };
  return { answer: await sealUsbFile(digest, header, answer), summary };
}
