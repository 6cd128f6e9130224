// What a matter's file shows of corrections that keep history: each 更正, 作废 and 撤回 with old
// and new values in words, whether the matter is void, and where the record came from.
import { z } from 'zod';
import { matterStateSchema } from '../matters/states';
import { correctableFieldSchema } from './fields';

export const correctionKindSchema = z.enum(['correct', 'void', 'withdraw']);
export type CorrectionKind = z.infer<typeof correctionKindSchema>;
export const CORRECTION_KIND_LABELS: Readonly<Record<CorrectionKind, string>> = { correct: '更正', void: '作废', withdraw: '撤回' };

/** One correction as the matter's file shows it: old and new values in words, beside the lifecycle steps. */
export const correctionEntrySchema = z.object({
  id: z.string(),
  kind: correctionKindSchema,
  at: z.string(),
  actorName: z.string(),
  reason: z.string(),
  changes: z.array(z.object({ field: correctableFieldSchema, label: z.string(), from: z.string(), to: z.string() })),
  /** 撤回: the step taken back (its label) and the state before and after. */
  withdrawn: z.object({ transitionId: z.string(), label: z.string(), from: matterStateSchema, to: matterStateSchema }).nullable(),
});
export type CorrectionEntry = z.infer<typeof correctionEntrySchema>;

/** What the matter's file adds for corrections: its history of them, whether it is void, and where it came from. */
export const matterHistoryShape = {
  corrections: z.array(correctionEntrySchema),
  /** 作废: kept, left out of the figures, and shown to the 科长/督办 only. */
  voided: z.object({ at: z.string(), actorName: z.string(), reason: z.string() }).nullable(),
  /** 'import': an earlier record brought in from the 历史台账 (sourceNo: its number there). */
  origin: z.enum(['window', 'import']),
  sourceNo: z.string(),
  /** Ids of the steps a 撤回 took back: they stay in the history, struck through. */
  withdrawnSteps: z.array(z.string()),
  /** The category's code, which a 更正 starts from (the file shows its names). */
  categoryCode: z.string(),
};

