// Errors as values at every boundary (RPC, sync, forms): a stable code for programs and a
// Chinese message for the person at the window.
import { z } from 'zod';

export const errorSchema = z.object({
  ok: z.literal(false),
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
});
export type Err = z.infer<typeof errorSchema>;
export type Ok<T> = { ok: true; value: T };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (code: string, message: string, field?: string): Err =>
  field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
