// Content-addressed attachment storage (DESIGN.md §4): a file is named by the sha256 of its
// bytes and may arrive in Content-Range chunks, each appended as its own row so a resumed
// upload never rewrites what came before. The hash is checked once the last byte is in; a file
// whose bytes do not match its name is thrown away whole.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { AuthedDevice } from '../http/auth';
import type { CityDb } from '../store/db';
import { HttpError } from '../http/errors';
import { attachments, attachmentUploadParts, attachmentUploads } from '../store/schema';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface ChunkRange {
  start: number;
  total: number;
}

const tooLarge = () =>
  new HttpError(413, 'attachment_too_large', `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB / attachment over 20 MiB`);
const badRange = (why: string) => new HttpError(400, 'invalid_range', `Content-Range 无效：${why} / invalid Content-Range`);

/** Content-Range of a request, checked against the limit before the body is read. */
export function declaredRange(header: string | undefined): { start: number; end: number; total: number } | null {
  if (header === undefined) return null;
  const m = /^bytes (\d{1,12})-(\d{1,12})\/(\d{1,12})$/.exec(header.trim());
  if (!m) throw badRange('应为 bytes start-end/total');
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (total > MAX_ATTACHMENT_BYTES) throw tooLarge();
  if (start > end || end >= total) throw badRange('start ≤ end < total');
  return { start, end, total };
}

/** Without Content-Range the body is the whole file. */
export function chunkRange(header: string | undefined, bodyLength: number): ChunkRange {
  const range = declaredRange(header);
  if (range === null) return { start: 0, total: bodyLength };
  if (range.end - range.start + 1 !== bodyLength) throw badRange('长度与请求体不符');
  return { start: range.start, total: range.total };
}

export interface UploadState {
  received: number;
  total: number;
  complete: boolean;
}

/** What the city holds of this file for this device: complete (any device of the county), partial, or nothing. */
export async function uploadState(db: CityDb, device: AuthedDevice, sha256: string): Promise<UploadState | null> {
  const [done] = await db
    .select({ size: attachments.size })
    .from(attachments)
    .where(and(eq(attachments.countyCode, device.countyCode), eq(attachments.sha256, sha256)));
  if (done) return { received: done.size, total: done.size, complete: true };
  const [partial] = await db
    .select({ received: attachmentUploads.received, total: attachmentUploads.total })
    .from(attachmentUploads)
    .where(and(eq(attachmentUploads.deviceId, device.id), eq(attachmentUploads.sha256, sha256)));
  return partial ? { ...partial, complete: false } : null;
}

type ChunkOutcome = (UploadState & { created: boolean }) | { mismatch: true };

/**
 * Appends one chunk. Answers `created` when this chunk completed a new file; throws 409 when
 * the chunk does not start where the upload stands (send HEAD and resume from Upload-Offset),
 * 422 when the completed bytes do not hash to the name.
 */
export async function storeChunk(
  db: CityDb,
  device: AuthedDevice,
  sha256: string,
  range: ChunkRange,
  chunk: Buffer,
  /**
   * Only extend the upload, never start it again: for the bytes of a request cut off, which may
   * be stored after a newer request of the same upload (routes/attachments.ts).
   */
  o: { extendOnly?: boolean } = {},
): Promise<UploadState & { created: boolean }> {
  const upload = and(eq(attachmentUploads.deviceId, device.id), eq(attachmentUploads.sha256, sha256));
  const parts = and(eq(attachmentUploadParts.deviceId, device.id), eq(attachmentUploadParts.sha256, sha256));
  const stored = (size: number) => ({ received: size, total: size, complete: true, created: true });
  const outcome = await db.transaction(async (tx): Promise<ChunkOutcome> => {
    const [done] = await tx
      .select({ size: attachments.size })
      .from(attachments)
      .where(and(eq(attachments.countyCode, device.countyCode), eq(attachments.sha256, sha256)));
    if (done) return { received: done.size, total: done.size, complete: true, created: false };

    // The whole file in one request (the usual case) needs no parts: hash and keep it.
    if (range.start === 0 && chunk.length === range.total) {
      await tx.delete(attachmentUploads).where(upload);
      if (createHash('sha256').update(chunk).digest('hex') !== sha256) return { mismatch: true };
      await tx.insert(attachments).values({ countyCode: device.countyCode, sha256, size: chunk.length, bytes: chunk, deviceId: device.id }).onConflictDoNothing();
      return stored(chunk.length);
    }

    await tx.insert(attachmentUploads).values({ deviceId: device.id, sha256, total: range.total }).onConflictDoNothing();
    // The row lock orders concurrent chunks of one upload, so each sees the offset the last left.
    const [state] = await tx.select().from(attachmentUploads).where(upload).for('update');
    let { received, total } = state!;
    if (o.extendOnly && range.start !== received) return { received, total, complete: false, created: false };
    if (range.start === 0) {
      // Starting again from byte 0 is always allowed, and drops whatever an earlier attempt left.
      await tx.delete(attachmentUploadParts).where(parts);
      [received, total] = [0, range.total];
    } else if (range.total !== total) {
      throw new HttpError(409, 'upload_length_mismatch', `文件总长 ${range.total} 与上传中的 ${total} 不符 / total differs from the upload in progress`, {
        uploadOffset: received,
      });
    } else if (range.start !== received) {
      throw new HttpError(409, 'offset_mismatch', `应从第 ${received} 字节续传 / resume from byte ${received}`, { uploadOffset: received });
    }
    await tx.insert(attachmentUploadParts).values({ deviceId: device.id, sha256, offset: range.start, bytes: chunk });
    received += chunk.length;
    if (received < total) {
      await tx.update(attachmentUploads).set({ received, total, updatedAt: sql`now()` }).where(upload);
      return { received, total, complete: false, created: false };
    }

    // The parts are joined and hashed inside the database, so 20 MiB never crosses the wire twice.
    const joined = sql`string_agg(${attachmentUploadParts.bytes}, ''::bytea order by ${attachmentUploadParts.offset})`;
    const whole = sql`(select ${joined} from ${attachmentUploadParts} where ${parts})`;
    const [hashed] = await tx
      .select({ hash: sql<string>`encode(sha256(${joined}), 'hex')` })
      .from(attachmentUploadParts)
      .where(parts);
    if (hashed?.hash !== sha256) {
      await tx.delete(attachmentUploads).where(upload); // parts go with it (on delete cascade)
      return { mismatch: true };
    }
    await tx.execute(sql`
      insert into ${attachments} (county_code, sha256, size, bytes, device_id)
      values (${device.countyCode}, ${sha256}, ${total}, ${whole}, ${device.id})
      on conflict do nothing`);
    await tx.delete(attachmentUploads).where(upload);
    return stored(total);
  });
  // Thrown only now, so the transaction that discarded the bad bytes has committed.
  if ('mismatch' in outcome) {
    throw new HttpError(422, 'hash_mismatch', '附件内容与其 sha256 不符，已丢弃，请重新上传 / content does not match its sha256; discarded');
  }
  return outcome;
}
