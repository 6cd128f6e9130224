// The console's import of a window's USB sync file (issue #14, #15; docs/usb-sync.md): what the
// administrator is told the file did, and the city's answer file to carry back to the window.
import { z } from 'zod';
import { pushResponseSchema } from '../sync/events';
import { toDeviceSchema, usbFileSchema } from '../sync/usbFile';

export const syncFileSummarySchema = z.object({
  deviceId: z.string(),
  countyCode: z.string(),
  deviceCode: z.string(),
  /** Events in the file, new or already at the city. */
  events: z.number().int(),
  /** Acknowledged by this import and not quarantined: 0 for a file imported before. */
  accepted: z.number().int(),
  /** How far the city has acknowledged the device; null when the first batch was already refused. */
  ackedSeq: z.number().int().nullable(),
  rejected: pushResponseSchema.shape.rejected,
  /** Why the city stopped partway (a gap, a seq conflict), as the answer file tells the window. */
  pushError: toDeviceSchema.shape.pushError,
});
export type SyncFileSummary = z.infer<typeof syncFileSummarySchema>;

export const syncFileImportedSchema = z.object({
  summary: syncFileSummarySchema,
  /** The answer file, sealed for the window, to save onto the stick under answerFileName. */
  answer: usbFileSchema,
  answerFileName: z.string(),
});
