// Attachments: the bytes are sealed into the data folder under their sha256 (the same scan
// attached twice is stored once; sealedFiles.ts), the row and an attachment.added event in one
// transaction.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { attachmentInputSchema } from '../../domain/intake/attachments';
import type { EventPayload } from '../../domain/sync/events';
import { err, ok, type Result } from '../../domain/result';
import { attachmentById, attachmentsOf, insertAttachment, type AttachmentRow } from '../../db/attachments';
import { appendEvent } from '../../db/outbox';
import { matterById } from '../../db/registrations';
import { localTimestamp, type ServiceContext } from './context';
import { reporterVisible } from './operator';

export const attachmentsDir = (dataDir: string) => path.join(dataDir, 'attachments');
export const attachmentFile = (dataDir: string, sha256: string) => path.join(attachmentsDir(dataDir), sha256);

const summary = (a: AttachmentRow) => ({ id: a.id, fileName: a.fileName, mime: a.mime, size: a.size, sha256: a.sha256, createdAt: a.createdAt, uploaded: a.uploadedAt !== null });

export function addAttachment(ctx: ServiceContext, i: z.output<typeof attachmentInputSchema>) {
  if (!matterById(ctx.db, i.matterId)) return err('matter_not_found', '信访事项不存在', 'matterId');
  const bytes = Buffer.from(i.dataBase64, 'base64');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = attachmentFile(ctx.dataDir, sha256);
  if (ctx.files.read(file).kind !== 'ok') ctx.files.write(file, bytes);
  const id = uuidv7();
  const addedAt = localTimestamp(ctx.now());
  ctx.db.transaction((tx) => {
    insertAttachment(tx, { id, matterId: i.matterId, sha256, fileName: i.fileName, mime: i.mime, size: bytes.length, createdAt: addedAt });
    const payload = { attachmentId: id, matterId: i.matterId, sha256, size: bytes.length, fileName: i.fileName, mime: i.mime, addedAt } satisfies EventPayload<'attachment.added'>;
    appendEvent(tx, { id: uuidv7(), type: 'attachment.added', entityId: i.matterId, occurredAt: addedAt, payload });
  });
  ctx.afterLocalWrite();
  return ok(summary(attachmentById(ctx.db, id)!));
}

/** A 检举控告 matter's materials are for the 科长 alone (条例 art. 30), as its reporter is. */
function materialsHidden(ctx: ServiceContext, matterId: string): boolean {
  return Boolean(matterById(ctx.db, matterId)?.reporterProtected) && !reporterVisible(ctx);
}

export function listAttachments(ctx: ServiceContext, matterId: string) {
  const hidden = materialsHidden(ctx, matterId);
  return ok(attachmentsOf(ctx.db, matterId).map((a) => (hidden ? { ...summary(a), fileName: '（检举控告材料）' } : summary(a))));
}

export function readAttachment(ctx: ServiceContext, id: string): Result<{ fileName: string; mime: string; dataBase64: string }> {
  const a = attachmentById(ctx.db, id);
  if (!a) return err('attachment_not_found', '附件不存在');
  if (materialsHidden(ctx, a.matterId)) return err('forbidden', '检举控告材料仅科长/督办可查看');
  const f = ctx.files.read(attachmentFile(ctx.dataDir, a.sha256));
  if (f.kind === 'missing') return err('attachment_file_missing', '附件文件缺失');
  if (f.kind === 'damaged') return err('attachment_file_damaged', '附件文件已损坏，无法打开');
  return ok({ fileName: a.fileName, mime: a.mime, dataBase64: f.bytes.toString('base64') });
}
