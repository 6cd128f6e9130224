// RPC methods of who is at the window: first-run set-up of the administrator, sign-in and
// sign-out, the idle lock, passwords, and the administrator's accounts and settings.
import { z } from 'zod';
import {
  accountSchema,
  changePasswordInputSchema,
  createAccountInputSchema,
  idleMinutesSchema,
  loginInputSchema,
  passwordSchema,
  resetPasswordInputSchema,
  setupInputSchema,
} from './accounts';
import { auditVerdictSchema } from './auditVerdict';
import { operatorSchema } from './roles';

export const sessionSchema = z.object({
  /** No account exists yet: the window shows the administrator's set-up. */
  setupNeeded: z.boolean(),
  user: operatorSchema.extend({ mustChangePassword: z.boolean() }).nullable(),
  /** Signed in, but idle too long: only the password unlocks it, and the form keeps its draft. */
  locked: z.boolean(),
  idleMinutes: z.number().int(),
  /** The store did not open with this machine's key: only the recovery code opens it. */
  recoveryNeeded: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

const empty = z.strictObject({});

export const staffMethods = {
  'session.get': { input: empty, output: sessionSchema },
  // The recovery code is shown once, here, to be printed and kept offline (backend/services/recovery.ts).
  'session.setup': { input: setupInputSchema, output: sessionSchema.extend({ recoveryCode: z.string() }) },
  'session.login': { input: loginInputSchema, output: sessionSchema },
  'session.logout': { input: empty, output: sessionSchema },
  'session.lock': { input: empty, output: sessionSchema },
  'session.unlock': { input: z.strictObject({ password: passwordSchema }), output: sessionSchema },
  'session.changePassword': { input: changePasswordInputSchema, output: sessionSchema },
  'accounts.list': { input: empty, output: z.array(accountSchema) },
  'accounts.create': { input: createAccountInputSchema, output: accountSchema },
  'accounts.resetPassword': { input: resetPasswordInputSchema, output: accountSchema },
  'accounts.setDisabled': { input: z.strictObject({ userId: z.string().min(1).max(64), disabled: z.boolean() }), output: accountSchema },
  'settings.setIdleMinutes': { input: z.strictObject({ minutes: idleMinutesSchema }), output: sessionSchema },
  'store.recover': { input: z.strictObject({ code: z.string().trim().min(1, { error: '请填写恢复密钥' }).max(64) }), output: sessionSchema },
  // A new store key, and with it a new recovery code (the old printout no longer opens it).
  'store.rekey': { input: empty, output: z.object({ recoveryCode: z.string() }) },
  // The whole audit chain walked on the reader, so a log of years never holds up the desk.
  'audit.verify': { input: empty, output: auditVerdictSchema },
} as const;
