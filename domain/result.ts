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

/**
 * The first problem zod found, as an error value: a rule's own code when it set one in
 * `params.code` (id_checksum, phone_kind…), else invalid_input; the field is the dotted path
 * unless the caller names it.
 */
export function errFromZod(error: z.ZodError, field?: string): Err {
  const issue = error.issues[0]!;
  const params = (issue as { params?: { code?: unknown } }).params;
  const code = typeof params?.code === 'string' ? params.code : 'invalid_input';
  return err(code, issue.message, field ?? (issue.path.length > 0 ? issue.path.join('.') : undefined));
}
