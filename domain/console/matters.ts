// The console's matters (issue #14): the register across counties with its filters, a matter's
// full record and replayed timeline, and the drill-down from a figure to the matters behind it.
// Identities come masked unless the role may see them (roles.ts seesIdentity).
import { z } from 'zod';
import { isoDateSchema } from '../calendar/deadlines';
import { indicatorsSchema } from '../figures/indicators';
import { credentialTypeSchema } from '../identity/credentials';
import { personDetails } from '../intake/events';
import { channelSchema } from '../intake/registration';
import { matterStateSchema } from '../matters/states';
import { eventTypeSchema } from '../sync/events';

export const registerRowSchema = z.object({
  matterId: z.string(),
  matterNo: z.string(),
  countyCode: z.string(),
  receivedAt: z.string(),
  status: matterStateSchema,
  /** A code of the city's category tree (reference data), not a fixed list. */
  categoryCode: z.string(),
  channel: channelSchema,
  headcount: z.number().int(),
  summary: z.string(),
  visitorName: z.string(),
  idNumber: z.string(),
  /** The names and numbers above are masked. */
  masked: z.boolean(),
});
export type RegisterRow = z.infer<typeof registerRowSchema>;

const countyCode = z.string().regex(/^\d{6}$/, { error: '县级行政区划代码应为6位数字' });

export const registerQuerySchema = z.strictObject({
  countyCode: countyCode.optional(),
  /** Matter number, summary or respondent, in part. */
  text: z.string().trim().min(1).max(100).optional(),
  status: matterStateSchema.optional(),
  categoryCode: z.string().max(20).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type RegisterQuery = z.infer<typeof registerQuerySchema>;

/** The counts of a period that open to matters, and the published rates (their numerator or denominator). */
export const countFigureSchema = z.enum(['matters', 'visits', 'firstVisits', 'repeatVisits', 'groupVisits']);
export const figureKeySchema = z.union([countFigureSchema, indicatorsSchema.keyof()]);
export type FigureKey = z.infer<typeof figureKeySchema>;

export const drillQuerySchema = z.strictObject({
  from: isoDateSchema,
  to: isoDateSchema,
  figure: figureKeySchema,
  /** For a rate: the matters due (denominator), or those that met it (numerator). */
  part: z.enum(['denominator', 'numerator']).default('denominator'),
  countyCode: countyCode.optional(),
});
export type DrillQuery = z.infer<typeof drillQuerySchema>;

export const timelineEntrySchema = z.object({ at: z.string(), type: eventTypeSchema, label: z.string(), detail: z.string() });

const idFields = { idType: credentialTypeSchema, idNumber: z.string() };
/** The visitor as the window registered them, whole; or, masked, only who it is, as the row shows it. */
export const consoleVisitorSchema = z.discriminatedUnion('masked', [
  z.object({ ...personDetails.shape, ...idFields, masked: z.literal(false) }),
  z.object({ name: z.string(), ...idFields, masked: z.literal(true) }),
]);
export type ConsoleVisitor = z.infer<typeof consoleVisitorSchema>;

export const matterRecordSchema = z.object({
  row: registerRowSchema,
  respondent: z.string(),
  facts: z.string(),
  placeRegion: z.string(),
  visitor: consoleVisitorSchema,
  timeline: z.array(timelineEntrySchema),
});
