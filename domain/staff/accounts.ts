// Staff accounts at the window (DESIGN.md §6): who may sign in, with what role, and the rules
// their passwords follow. An account is local to its device; who did what travels to the city
// in the audit log and on each step, never the password.
import { z } from 'zod';
import { roleSchema } from './roles';

export const userNoSchema = z
  .string({ error: '请填写工号' })
  .trim()
  .min(1, { error: '请填写工号' })
  .max(32, { error: '工号不能超过32个字符' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: '工号只能由字母、数字、下划线和连字符组成' });

const staffName = z.string({ error: '请填写姓名' }).trim().min(1, { error: '请填写姓名' }).max(50, { error: '姓名不能超过50个字' });

/** Our reading of a sensible rule for a shared office PC: 8+ characters, letters and digits. */
export const newPasswordSchema = z
  .string({ error: '请填写密码' })
  .min(8, { error: '密码至少8位' })
  .max(128, { error: '密码不能超过128位' })
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { error: '密码须同时包含字母和数字' });

/** A password being checked is only bounded: the rule it was made under may have changed. */
export const passwordSchema = z.string({ error: '请填写密码' }).min(1, { error: '请填写密码' }).max(128);

/** What anyone signed in may know of an account (never its hash). */
export const accountSchema = z.object({
  userId: z.string(),
  userNo: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const setupInputSchema = z.strictObject({ userNo: userNoSchema, name: staffName, password: newPasswordSchema });
export const loginInputSchema = z.strictObject({ userNo: userNoSchema, password: passwordSchema });
export const createAccountInputSchema = z.strictObject({ userNo: userNoSchema, name: staffName, role: roleSchema, password: newPasswordSchema });
export const changePasswordInputSchema = z.strictObject({ current: passwordSchema, next: newPasswordSchema });
export const resetPasswordInputSchema = z.strictObject({ userId: z.string().min(1).max(64), password: newPasswordSchema });

/** Idle minutes before the window locks: 10 by default (our reading), the administrator may change it. */
export const DEFAULT_IDLE_MINUTES = 10;
export const idleMinutesSchema = z.number({ error: '请填写分钟数' }).int().min(1, { error: '至少1分钟' }).max(240, { error: '不能超过240分钟' });

/** Failed sign-ins in a row before an account waits, and how long it waits. */
export const MAX_FAILED_LOGINS = 5;
export const LOGIN_LOCK_MINUTES = 15;
