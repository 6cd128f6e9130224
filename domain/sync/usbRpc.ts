// RPC methods of sync by file (issue #15): the administrator writes the outbox to a USB stick for
// the city, and reads back the city's answer file (scheme: domain/sync/usbFile.ts).
import { z } from 'zod';
import { folderPathSchema } from '../backup/rpc';

export const usbExportResultSchema = z.object({
  path: z.string(),
  /** Events in the file, and the seqs they span (none when everything is acknowledged). */
  events: z.number().int(),
  fromSeq: z.number().int(),
  toSeq: z.number().int(),
});

export const usbImportResultSchema = z.object({
  /** What the city has acknowledged now, and how many records it refused (kept in quarantine). */
  ackedSeq: z.number().int(),
  rejected: z.number().int(),
  /** Why the city stopped applying the file, in words; null when it applied all of it. */
  pushError: z.string().nullable(),
  /** Whether the city's pull data was taken (not when an answer to an older file comes late). */
  pullApplied: z.boolean(),
  notices: z.number().int(),
  waiting: z.number().int(),
});
export type UsbImportResult = z.infer<typeof usbImportResultSchema>;

export const usbSyncMethods = {
  'sync.exportFile': { input: z.strictObject({ folder: folderPathSchema }), output: usbExportResultSchema },
  'sync.importFile': { input: z.strictObject({ path: folderPathSchema }), output: usbImportResultSchema },
} as const;
