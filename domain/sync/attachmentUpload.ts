// What the city answers about an attachment's bytes (DESIGN.md §4): where an upload stands, as
// the body of a PUT and as the headers of a HEAD. The device checks every answer against these.
import { z } from 'zod';

export const uploadStateSchema = z.object({
  sha256: z.string(),
  received: z.number().int().min(0),
  total: z.number().int().min(0),
  complete: z.boolean(),
});
export type UploadState = z.infer<typeof uploadStateSchema>;

/** HEAD's headers as the device reads them (lower-cased names): where to resume, and whether the city holds it all. */
export const uploadOffsetHeadersSchema = z
  .object({
    'upload-offset': z.string().regex(/^\d{1,12}$/),
    'upload-complete': z.enum(['0', '1']),
  })
  .transform((h) => ({ offset: Number(h['upload-offset']), complete: h['upload-complete'] === '1' }));
export type UploadOffset = z.output<typeof uploadOffsetHeadersSchema>;
