// Attachment bytes follow their events (DESIGN.md §4; the city must know the matter first):
// uploaded once the outbox is empty, chunk by chunk, resumed from what the city already holds.
// Marked uploaded only when the city's answers agree with the bytes this device sent.
import { createHash } from 'node:crypto';
import { attachmentsNotUploaded, markUploaded } from '../../db/attachments';
import { recordFailure } from '../../db/syncState';
import type { UploadState } from '../../domain/sync/attachmentUpload';
import { badResponse } from './cityClient';
import { SYNC_MESSAGES } from './messages';
import type { RunContext, StepEnd } from './run';

const ATTACHMENT_CHUNK_BYTES = 1024 * 1024;

/**
 * Why the city's answer to a chunk ending at `end` of a `size`-byte file cannot be true, or
 * null. "Complete" may come early: another window of the county may have sent the same file.
 */
function chunkAnswerMisfit(state: UploadState, sha256: string, end: number, size: number): string | null {
  if (state.sha256.toLowerCase() !== sha256) return `upload answer names ${state.sha256}, not ${sha256}`;
  const fits = state.complete ? state.received === size && state.total === size : state.received === end && state.total === size && end < size;
  return fits ? null : `upload answer says ${state.received}/${state.total} bytes, complete=${state.complete}; sent ${end}/${size}`;
}

/** An attachment's bytes by sha256: null when the file is gone, 'damaged' when it no longer opens. */
export type AttachmentBytes = (sha256: string) => Buffer | null | 'damaged';

/** Uploads every stored attachment the city lacks. */
export async function uploadAttachments(ctx: RunContext, bytesOf?: AttachmentBytes): Promise<StepEnd> {
  const { db, client, dev } = ctx;
  for (const a of attachmentsNotUploaded(db, 100)) {
    const bytes = bytesOf?.(a.sha256);
    if (!bytes) continue;
    // A file damaged on this disk would be refused by the city every time: say so, go on with the rest.
    if (bytes === 'damaged' || createHash('sha256').update(bytes).digest('hex') !== a.sha256) {
      recordFailure(db, { at: ctx.now().toISOString(), code: 'attachment_corrupt', message: `${SYNC_MESSAGES.attachment_corrupt}（${a.fileName}）` });
      continue;
    }
    const at = await client.attachmentOffset(dev.serverUrl, dev.token, a.sha256);
    if (!at.ok) return at;
    const { offset: held, complete } = at.value;
    if (held > bytes.length || complete !== (held === bytes.length)) {
      return badResponse(`attachment ${a.sha256}: the city says it holds ${held} bytes (complete=${complete}) of ${bytes.length}`);
    }
    ctx.reached();
    for (let offset = held; offset < bytes.length; ) {
      const chunk = bytes.subarray(offset, offset + ATTACHMENT_CHUNK_BYTES);
      const r = await client.uploadAttachmentChunk(dev.serverUrl, dev.token, a.sha256, chunk, offset, bytes.length);
      if (!r.ok) return r;
      const misfit = chunkAnswerMisfit(r.value, a.sha256, offset + chunk.length, bytes.length);
      if (misfit) return badResponse(misfit);
      offset = r.value.complete ? bytes.length : offset + chunk.length;
    }
    markUploaded(db, a.sha256, ctx.now().toISOString());
  }
  return null;
}
