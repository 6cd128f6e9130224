// RPC methods of the intake desk: registration, the day's list, the repeat-visit check and
// drafts that survive a closed window.
import { z } from 'zod';
import { credentialTypeSchema } from '../identity/credentials';
import { nextDeadlineSchema } from '../matters/deadlines';
import { registerVisitInputSchema, registrationSummarySchema, visitKindSchema } from './registration';

export const registeredSchema = z.object({
  matterId: z.string(),
  matterNo: z.string(),
  visitId: z.string(),
  visitKind: visitKindSchema,
  visitorId: z.string(),
  receivedAt: z.string(),
  /** The linked matter is terminated: registered, and the visitor is told it is not accepted again. */
  terminated: z.boolean(),
  nextDeadline: nextDeadlineSchema.nullable(),
});
export type Registered = z.infer<typeof registeredSchema>;

export const lookupPersonInputSchema = z
  .strictObject({
    credential: z.strictObject({ type: credentialTypeSchema, number: z.string().trim().max(40) }).optional(),
    name: z.string().trim().max(50).optional(),
    mobile: z.string().trim().max(20).optional(),
  })
  .refine((v) => (v.credential && v.credential.number !== '') || (v.name && v.mobile), {
    error: '请提供证件号码，或姓名加手机号码',
  });

export const priorMatterSchema = z.object({
  /**
   * 'city': registered at another window or county, known only from the city's answer;
   * 'register': known only from the city's termination register (终结库) as last pulled.
   */
  source: z.enum(['local', 'city', 'register']),
  countyCode: z.string().nullable(),
  matterId: z.string(),
  matterNo: z.string(),
  /** A string, not the state enum: the city's record may carry a state this window does not know yet. */
  status: z.string(),
  statusLabel: z.string(),
  terminated: z.boolean(),
  summary: z.string(),
  receivedOn: z.string(),
  visits: z.number().int(),
  lastVisitOn: z.string().nullable(),
  nextDeadline: nextDeadlineSchema.nullable(),
});
export type PriorMatter = z.infer<typeof priorMatterSchema>;

export const lookupPersonOutputSchema = z.object({
  /** True when only this device's records were checked; false once the city answered (DESIGN.md §4). */
  provisional: z.boolean(),
  visitorName: z.string().nullable(),
  matters: z.array(priorMatterSchema),
});

export const draftSummarySchema = z.object({ id: z.string(), title: z.string(), updatedAt: z.string() });
const draftId = z.string().min(1).max(64);
/** Drafts hold whatever the form had; bounded so a runaway form cannot fill the disk. */
const MAX_DRAFT_BYTES = 256 * 1024;

/** `today` lets the ID rules refuse future birth dates (the backend passes its own clock). */
export function intakeMethods(today: () => string) {
  return {
    'intake.register': { input: registerVisitInputSchema(today), output: registeredSchema },
    'intake.listToday': { input: z.strictObject({}), output: z.array(registrationSummarySchema) },
    'intake.lookupPerson': { input: lookupPersonInputSchema, output: lookupPersonOutputSchema },
    'drafts.save': {
      input: z.strictObject({
        id: draftId,
        title: z.string().max(100).default(''),
        data: z.record(z.string(), z.unknown()).refine((d) => JSON.stringify(d).length <= MAX_DRAFT_BYTES, { error: '草稿内容过大' }),
      }),
      output: draftSummarySchema,
    },
    'drafts.list': { input: z.strictObject({}), output: z.array(draftSummarySchema) },
    'drafts.get': { input: z.strictObject({ id: draftId }), output: draftSummarySchema.extend({ data: z.record(z.string(), z.unknown()) }) },
    'drafts.discard': { input: z.strictObject({ id: draftId }), output: z.object({ discarded: z.boolean() }) },
  } as const;
}
