// The city's termination register (终结库, DOMAIN.md §2) as it comes down through pull: every
// county's terminated matters, the person known only by a hash of the 证件 number, so a window
// can warn of a terminated petitioner offline without holding other counties' identities
// (DESIGN.md §6: a device sees only its own county). Device and city hash the same way.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/deadlines';

/** What both sides hash (sha256, hex) for a 证件 number: versioned, so the form can change later. */
export const terminationHashInput = (idNumber: string): string => `xf-termination-v1:${idNumber.trim().toUpperCase()}`;

export const terminationEntrySchema = z.object({
  matterId: z.uuid(),
  matterNo: z.string(),
  countyCode: z.string(),
  documentHash: z.string().regex(/^[0-9a-f]{64}$/),
  receivedOn: isoDateSchema,
  terminatedOn: isoDateSchema,
  /** False: the city took the termination back (撤回) or the registration was voided. */
  active: z.boolean(),
});
export type TerminationEntry = z.infer<typeof terminationEntrySchema>;
