// The console's sign-in (DESIGN.md §6): the one-time set-up of the first administrator, which
// CITY_ADMIN_TOKEN unlocks, sign-in, the session the console holds, and a password change.
// Password rules are the window's (staff/accounts.ts): one rule for every account of the product.
import { z } from 'zod';
import { changePasswordInputSchema, newPasswordSchema, passwordSchema, userNoSchema } from '../staff/accounts';
import { cityRoleSchema } from './roles';

const staffName = z.string({ error: '请填写姓名' }).trim().min(1, { error: '请填写姓名' }).max(50, { error: '姓名不能超过50个字' });

export const setupInputSchema = z.strictObject({
  adminToken: z.string({ error: '请填写启动令牌' }).min(1, { error: '请填写启动令牌' }).max(500),
  userNo: userNoSchema,
  name: staffName,
  password: newPasswordSchema,
});
export const loginInputSchema = z.strictObject({ userNo: userNoSchema, password: passwordSchema });
export { changePasswordInputSchema };

export const cityStaffSchema = z.object({
  staffId: z.string(),
  userNo: z.string(),
  name: z.string(),
  role: cityRoleSchema,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type CityStaff = z.infer<typeof cityStaffSchema>;

export const createStaffInputSchema = z.strictObject({ userNo: userNoSchema, name: staffName, role: cityRoleSchema, password: newPasswordSchema });
export const resetStaffPasswordInputSchema = z.strictObject({ password: newPasswordSchema });
export const setStaffDisabledInputSchema = z.strictObject({ disabled: z.boolean() });

/** What the console learns at start: whether set-up is still open, and who is signed in. */
export const sessionStateSchema = z.object({
  setupNeeded: z.boolean(),
  staff: cityStaffSchema.nullable(),
  /** Sent back in the x-csrf-token header of every call that changes something. */
  csrfToken: z.string().nullable(),
  idleMinutes: z.number().int(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/** Idle minutes before the city ends a console session (our reading: longer than the window's 10, the city works at desks of its own). */
export const CONSOLE_IDLE_MINUTES = 30;
/** Wrong passwords in a row before an account waits, and how long: the window's rule. */
export { LOGIN_LOCK_MINUTES, MAX_FAILED_LOGINS } from '../staff/accounts';

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'xf_console';
