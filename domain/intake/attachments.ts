// Attachments (scans, photos) of a matter: what may be attached and the event that tells the
// city, whose bytes follow content-addressed by sha256 (DESIGN.md §4, issue #5).
import { z } from 'zod';
import { isoTimestamp } from '../schema/timestamps';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_MIME_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'image/tiff', 'application/pdf'] as const;

export const attachmentInputSchema = z.strictObject({
  matterId: z.string().min(1).max(64),
  fileName: z
    .string()
    .trim()
    .min(1, { error: '文件名不能为空' })
    .max(200, { error: '文件名过长' })
    .refine((n) => !/[\\/]|\.\./.test(n), { error: '文件名不能包含路径' }),
  mime: z.enum(ATTACHMENT_MIME_TYPES, { error: '只能上传图片（JPG、PNG 等）或 PDF 文件' }),
  dataBase64: z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容编码有误' })
    .refine((b) => b.length > 0, { error: '文件为空' })
    .refine((b) => Math.floor((b.length * 3) / 4) <= MAX_ATTACHMENT_BYTES, { error: '附件不能超过20MB' }),
});

export const attachmentSummarySchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  uploaded: z.boolean(),
});

export const attachmentAddedPayload = z.strictObject({
  attachmentId: z.uuid(),
  matterId: z.uuid(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  fileName: z.string().min(1),
  mime: z.string().min(1),
  addedAt: isoTimestamp,
});

export const attachmentMethods = {
  'attachments.add': { input: attachmentInputSchema, output: attachmentSummarySchema },
  'attachments.list': { input: z.strictObject({ matterId: z.string().min(1).max(64) }), output: z.array(attachmentSummarySchema) },
  'attachments.read': {
    input: z.strictObject({ id: z.string().min(1).max(64) }),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
  },
} as const;
