// RPC methods of corrections that keep history: 更正 of registration fields, 作废 of a mistaken
// registration and 撤回 of the latest lifecycle step — each with its reason, each answered with
// the matter's file as it now stands.
import { z } from 'zod';
import { matterDetailSchema } from '../matters/rpc';
import { correctionReasonSchema, correctionValuesSchema } from './fields';

const id = z.string().min(1).max(64);

export const correctionMethods = {
  'matters.correct': { input: z.strictObject({ matterId: id, values: correctionValuesSchema, reason: correctionReasonSchema }), output: matterDetailSchema },
  'matters.void': { input: z.strictObject({ matterId: id, reason: correctionReasonSchema }), output: matterDetailSchema },
  // The step is named, so a 撤回 never takes back a step someone else took in the meantime.
  'matters.withdrawStep': { input: z.strictObject({ matterId: id, transitionId: id, reason: correctionReasonSchema }), output: matterDetailSchema },
} as const;
