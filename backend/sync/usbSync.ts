// Sync by file for a township with no network (issue #15; docs/usb-sync.md). Export: everything
// the city has not acknowledged, in push batches, with where the pull stands, sealed under the
// device's token (domain/sync/usbFile.ts) into one file on the USB stick. Import: the city's
// answer file, opened and checked the same way, believed only where it fits this device — an
// acknowledgement never beyond what it carried out on a stick, pull pages only for the cursor it
// still holds — so an old answer read again changes nothing.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { queueAuditForSync } from '../../db/audit';
import type { LocalDb } from '../../db/open';
import { eventsAfter, waitingStats } from '../../db/outbox';
import { applyPulledPage } from '../../db/pulled';
import { getSetting, putSetting } from '../../db/settings';
import { getDevice, getSyncState, recordFailure, recordSuccess, rewindAck } from '../../db/syncState';
import { err, ok, type Result } from '../../domain/result';
import { MAX_BATCH_EVENTS, type PushBody } from '../../domain/sync/events';
import { pullQuerySchema, type ReferenceKey } from '../../domain/sync/pull';
import { MAX_FILE_BATCHES, MAX_FILE_BATCH_BYTES, openUsbFile, sealUsbFile, toDeviceSchema, usbFileName, usbFileSchema, type ToCity } from '../../domain/sync/usbFile';
import type { UsbImportResult } from '../../domain/sync/usbRpc';
import { fitBatch } from './push';
import { SYNC_MESSAGES, type SyncErrorCode } from './messages';

export interface UsbSyncContext {
  db: LocalDb;
  now: () => Date;
  onReferencePulled?: (keys: ReferenceKey[]) => void;
}

/** The largest answer file read (the city's pull pages are small; this is far above them). */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
const cursorSchema = pullQuerySchema.shape.since.unwrap();
const digestOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

function enrolledDevice(db: LocalDb) {
  const d = getDevice(db);
  return d.token && d.deviceId && d.countyCode ? { token: d.token, deviceId: d.deviceId, countyCode: d.countyCode, deviceCode: d.deviceCode ?? '' } : null;
}

/** The last seq this device has written to a stick: an answer may acknowledge that much and no more. */
const SENT_THROUGH = 'usbSync.sentThrough';
const sentThrough = (db: LocalDb) => {
  const v = getSetting(db, SENT_THROUGH);
  return typeof v === 'number' ? v : 0;
};

const NOT_ENROLLED = err('not_enrolled', '本机尚未注册到市级服务器：U盘同步也要先注册（可在有网络处注册后带回）');

export async function exportToCity(ctx: UsbSyncContext, folder: string): Promise<Result<{ path: string; events: number; fromSeq: number; toSeq: number }>> {
  const dev = enrolledDevice(ctx.db);
  if (!dev) return NOT_ENROLLED;
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) return err('usb_folder_missing', `位置不可用：${folder}（U盘是否已插好？）`, 'folder');
  queueAuditForSync(ctx.db);
  const state = getSyncState(ctx.db);
  const batches: PushBody[] = [];
  let after = state.lastAckedSeq;
  let bytes = 0;
  while (batches.length < MAX_FILE_BATCHES) {
    const events = fitBatch(eventsAfter(ctx.db, after, MAX_BATCH_EVENTS), MAX_BATCH_EVENTS);
    if (events.length === 0) break;
    bytes += Buffer.byteLength(JSON.stringify(events));
    if (bytes > MAX_FILE_BATCH_BYTES && batches.length > 0) break;
    batches.push({ deviceId: dev.deviceId, batchId: randomUUID(), events });
    after = events.at(-1)!.seq;
  }
  const content: ToCity = { batches, pullSince: state.pullCursor };
  const at = ctx.now();
  const header = {
    direction: 'to-city' as const,
    fileId: randomUUID(),
    deviceId: dev.deviceId,
    countyCode: dev.countyCode,
    createdAt: at.toISOString(),
    salt: randomBytes(16).toString('hex'),
    iv: randomBytes(12).toString('hex'),
  };
  const file = await sealUsbFile(digestOf(dev.token), header, content);
  const target = path.join(folder, usbFileName('to-city', dev.countyCode, dev.deviceCode, at));
  fs.writeFileSync(`${target}.tmp`, JSON.stringify(file), { flush: true, mode: 0o600 });
  fs.renameSync(`${target}.tmp`, target);
  if (after > sentThrough(ctx.db)) putSetting(ctx.db, SENT_THROUGH, after);
  return ok({ path: target, events: batches.reduce((n, b) => n + b.events.length, 0), fromSeq: state.lastAckedSeq + 1, toSeq: after });
}

async function readAnswer(file: string, token: string, deviceId: string) {
  let raw: unknown;
  try {
    if (fs.statSync(file).size > MAX_ANSWER_BYTES) return err('usb_file_invalid', '文件过大，不是市级的回执文件', 'path');
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return err('usb_file_invalid', `无法读取文件：${file}`, 'path');
  }
  const parsed = usbFileSchema.safeParse(raw);
  if (!parsed.success) return err('usb_file_invalid', '这不是信访窗口的同步文件', 'path');
  if (parsed.data.header.direction !== 'to-device') return err('usb_wrong_direction', '这是窗口导出、应交市级导入的文件，不是市级的回执', 'path');
  if (parsed.data.header.deviceId !== deviceId) return err('usb_other_device', '这份回执是发给另一台设备的', 'path');
  const content = toDeviceSchema.safeParse(await openUsbFile(digestOf(token), parsed.data));
  if (!content.success) return err('usb_file_unverified', '文件无法验证：不是市级为本机签发的，或已被改动', 'path');
  return ok(content.data);
}

export async function importFromCity(ctx: UsbSyncContext, file: string): Promise<Result<UsbImportResult>> {
  const dev = enrolledDevice(ctx.db);
  if (!dev) return NOT_ENROLLED;
  const answer = await readAnswer(file, dev.token, dev.deviceId);
  if (!answer.ok) return answer;
  const c = answer.value;
  const state = getSyncState(ctx.db);
  const { lastSeq } = waitingStats(ctx.db, state.lastAckedSeq);
  const at = ctx.now().toISOString();
  const carried = Math.min(lastSeq, Math.max(sentThrough(ctx.db), state.lastAckedSeq));
  if (c.push && c.push.ackedSeq > carried) return err('usb_bad_answer', '回执确认了本机未经U盘送出的记录：文件与本机数据不符，未作任何改动', 'path');
  if (c.pulls.some((p) => !cursorSchema.safeParse(p.cursor).success)) return err('usb_bad_answer', '回执中的同步游标无效，未作任何改动', 'path');
  let acked = state.lastAckedSeq;
  let rejected = 0;
  if (c.push && c.push.ackedSeq > acked) {
    const fresh = c.push.rejected.filter((x) => x.seq > acked && x.seq <= c.push!.ackedSeq);
    recordSuccess(ctx.db, { ackedSeq: c.push.ackedSeq, at, clockOffsetMs: state.clockOffsetMs, rejected: fresh });
    acked = c.push.ackedSeq;
    rejected = fresh.length;
  }
  if (c.pushError?.code === 'seq_gap' && c.pushError.expectedSeq !== undefined && c.pushError.expectedSeq - 1 < acked) {
    // The city holds less than this device believed (its database was restored): send again from there.
    rewindAck(ctx.db, c.pushError.expectedSeq - 1);
    acked = c.pushError.expectedSeq - 1;
  } else if (c.pushError && c.pushError.code in SYNC_MESSAGES) {
    recordFailure(ctx.db, { at, code: c.pushError.code, message: SYNC_MESSAGES[c.pushError.code as SyncErrorCode] });
  }
  const pullApplied = c.since === state.pullCursor;
  let notices = 0;
  const keys = new Set<ReferenceKey>();
  if (pullApplied) {
    for (const page of c.pulls) {
      notices += applyPulledPage(ctx.db, page).notices;
      for (const r of page.reference) keys.add(r.key);
    }
    if (keys.size > 0) ctx.onReferencePulled?.([...keys]);
  }
  const w = waitingStats(ctx.db, acked);
  return ok({ ackedSeq: acked, rejected, pushError: c.pushError?.message ?? null, pullApplied, notices, waiting: w.waiting + w.auditWaiting });
}
