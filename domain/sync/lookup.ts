// The city-wide repeat-petitioner lookup (DOMAIN.md §2): a window that checked a visitor
// offline asks the city for every matter and visit of that 证件 across all counties. The answer
// holds only what the repeat check needs: that the matters exist, where, their state and dates;
// nothing of what they are about, and nothing at all of a matter whose reporter is protected
// (检举控告, 条例 art. 30).
import { z } from 'zod';
import { credentialTypeSchema } from '../identity/credentials';
import { visitKindSchema } from '../intake/registration';

/** As the window normalises it: no spaces, upper case (a resident ID's X). */
export const lookupIdNumber = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().min(1).max(40));

// `document*` are the city API's wire names for the visitor's 证件 (held fixed).
export const lookupRequestSchema = z.strictObject({ documentType: credentialTypeSchema, documentNumber: lookupIdNumber });

/** The administrator's lookup by path (its names in the published API document, held fixed): the number in the URL, the type optional. */
export const adminLookupParams = z.strictObject({ documentNumber: lookupIdNumber });
export const adminLookupQuery = z.strictObject({ documentType: credentialTypeSchema.optional() });
export type LookupRequest = z.input<typeof lookupRequestSchema>;

export const lookupVisitSchema = z.object({
  visitId: z.string(),
  kind: visitKindSchema,
  countyCode: z.string(),
  receivedAt: z.string(),
  terminatedMatter: z.boolean(),
});

export const lookupMatterSchema = z.object({
  matterId: z.string(),
  matterNo: z.string(),
  countyCode: z.string(),
  receivedAt: z.string(),
  status: z.string(),
  visits: z.array(lookupVisitSchema),
});

/** Oldest first; at most LOOKUP_LIMIT matters. */
export const lookupResponseSchema = z.object({ matters: z.array(lookupMatterSchema) });
export type LookupResponse = z.infer<typeof lookupResponseSchema>;
export const LOOKUP_LIMIT = 200;
