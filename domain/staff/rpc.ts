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
import { operatorSchema } from './roles';

export const sessionSchema = z.object({
  /** No account exists yet: the window shows the administrator's set-up. */
  setupNeeded: z.boolean(),
  user: operatorSchema.extend({ mustChangePassword: z.boolean() }).nullable(),
  /** Signed in, but idle too long: only the password unlocks it, and the form keeps its draft. */
  locked: z.boolean(),
  idleMinutes: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

const empty = z.strictObject({});

export const staffMethods = {
  'session.get': { input: empty, output: sessionSchema },
  'session.setup': { input: setupInputSchema, output: sessionSchema },
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
} as const;
