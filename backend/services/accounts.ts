// Staff accounts and the session at the window (DESIGN.md §6): the administrator's first-run
// set-up, sign-in with a wait after repeated failures, the idle lock, password changes, and the
// administrator's management of accounts and the idle time. Passwords are checked in this
// process only; the renderer never sees a hash.
import type { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { accountById, accountByNo, accountCount, allAccounts, insertAccount, updateAccount, type AccountRow } from '../../db/accounts';
import { getSetting, putSetting } from '../../db/settings';
import { err, ok, type Result } from '../../domain/result';
import {
  DEFAULT_IDLE_MINUTES,
  idleMinutesSchema,
  LOGIN_LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  type Account,
  type createAccountInputSchema,
  type loginInputSchema,
  type setupInputSchema,
} from '../../domain/staff/accounts';
import type { Session } from '../../domain/staff/rpc';
import type { LocalDb } from '../../db/open';
import { localTimestamp } from './context';
import { hashPassword, verifyPassword } from './passwords';
import type { SessionState } from './session';

const IDLE_KEY = 'idle_minutes';

export interface AccountsContext {
  db: LocalDb;
  now: () => Date;
  session: SessionState;
  /** scrypt's work factor for new hashes (passwords.ts). */
  scryptCost: number;
  /** Seals the store's key under a new recovery code and returns the code (recovery.ts). */
  issueRecoveryCode: () => Promise<string>;
}

export function idleMinutes(db: LocalDb): number {
  const parsed = idleMinutesSchema.safeParse(getSetting(db, IDLE_KEY));
  return parsed.success ? parsed.data : DEFAULT_IDLE_MINUTES;
}

export function sessionView(ctx: AccountsContext): Session {
  const u = ctx.session.user();
  return {
    setupNeeded: accountCount(ctx.db) === 0,
    user: u && { userId: u.userId, name: u.name, role: u.role, mustChangePassword: u.mustChangePassword },
    locked: ctx.session.locked(),
    idleMinutes: idleMinutes(ctx.db),
    recoveryNeeded: false,
  };
}

const toAccount = (r: AccountRow): Account => ({
  userId: r.id,
  userNo: r.userNo,
  name: r.name,
  role: r.role,
  disabled: r.disabled,
  mustChangePassword: r.mustChangePassword,
  createdAt: r.createdAt,
});

function signIn(ctx: AccountsContext, r: AccountRow): void {
  ctx.session.signIn({ accountId: r.id, userId: r.userNo, name: r.name, role: r.role, mustChangePassword: r.mustChangePassword });
}

/**
 * The first administrator, once: refused as soon as any account exists. The county recovery
 * code is made now and shown this once, before any record exists that it would have to save.
 */
export async function setup(ctx: AccountsContext, input: z.output<typeof setupInputSchema>): Promise<Result<Session & { recoveryCode: string }>> {
  if (accountCount(ctx.db) > 0) return err('already_set_up', '本机已设置管理员，请直接登录');
  const at = localTimestamp(ctx.now());
  const row: AccountRow = {
    id: uuidv7(),
    userNo: input.userNo,
    name: input.name,
    role: 'admin',
    passwordHash: await hashPassword(input.password, ctx.scryptCost),
    mustChangePassword: false,
    disabled: false,
    failedLogins: 0,
    lockedUntil: null,
    createdAt: at,
    updatedAt: at,
  };
  // Checked again after the hash's await: two set-ups racing must not make two administrators.
  if (accountCount(ctx.db) > 0) return err('already_set_up', '本机已设置管理员，请直接登录');
  const recoveryCode = await ctx.issueRecoveryCode();
  insertAccount(ctx.db, row);
  signIn(ctx, row);
  return ok({ ...sessionView(ctx), recoveryCode });
}

const BAD_LOGIN = err('login_failed', '工号或密码不正确', 'password');

export async function login(ctx: AccountsContext, input: z.output<typeof loginInputSchema>): Promise<Result<Session>> {
  const row = accountByNo(ctx.db, input.userNo);
  const now = ctx.now();
  // An unknown 工号 costs the same hash as a known one, so timing does not tell which exist.
  if (!row) {
    await verifyPassword(input.password, `scrypt$${ctx.scryptCost}$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    return BAD_LOGIN;
  }
  if (row.lockedUntil && Date.parse(row.lockedUntil) > now.getTime()) {
    return err('account_locked', `连续输错密码次数过多，请${LOGIN_LOCK_MINUTES}分钟后再试，或请管理员重置密码`, 'password');
  }
  if (row.disabled) return err('account_disabled', '该账号已停用，请联系管理员', 'userNo');
  if (!(await verifyPassword(input.password, row.passwordHash))) {
    const failed = row.failedLogins + 1;
    const lockedUntil = failed >= MAX_FAILED_LOGINS ? localTimestamp(new Date(now.getTime() + LOGIN_LOCK_MINUTES * 60_000)) : null;
    updateAccount(ctx.db, row.id, { failedLogins: lockedUntil ? 0 : failed, lockedUntil, updatedAt: localTimestamp(now) });
    return lockedUntil ? err('account_locked', `连续输错密码${MAX_FAILED_LOGINS}次，账号已锁定${LOGIN_LOCK_MINUTES}分钟`, 'password') : BAD_LOGIN;
  }
  updateAccount(ctx.db, row.id, { failedLogins: 0, lockedUntil: null, updatedAt: localTimestamp(now) });
  signIn(ctx, row);
  return ok(sessionView(ctx));
}

export function logout(ctx: AccountsContext): Result<Session> {
  ctx.session.signOut();
  return ok(sessionView(ctx));
}

export function lock(ctx: AccountsContext): Result<Session> {
  ctx.session.lock();
  return ok(sessionView(ctx));
}

/** Only the signed-in user's own password opens a locked window; five wrong ones sign out. */
export async function unlock(ctx: AccountsContext, password: string): Promise<Result<Session>> {
  const u = ctx.session.user();
  if (!u) return err('not_signed_in', '请先登录');
  const row = accountById(ctx.db, u.accountId);
  if (!row || row.disabled) {
    ctx.session.signOut();
    return err('account_disabled', '该账号已停用，请联系管理员');
  }
  if (!(await verifyPassword(password, row.passwordHash))) {
    const failed = row.failedLogins + 1;
    updateAccount(ctx.db, row.id, { failedLogins: failed, updatedAt: localTimestamp(ctx.now()) });
    if (failed >= MAX_FAILED_LOGINS) ctx.session.signOut();
    return err('login_failed', '密码不正确', 'password');
  }
  updateAccount(ctx.db, row.id, { failedLogins: 0, updatedAt: localTimestamp(ctx.now()) });
  signIn(ctx, row);
  return ok(sessionView(ctx));
}

export async function changePassword(ctx: AccountsContext, current: string, next: string): Promise<Result<Session>> {
  const u = ctx.session.actor();
  const row = u && accountById(ctx.db, u.accountId);
  if (!row) return err('not_signed_in', '请先登录');
  if (!(await verifyPassword(current, row.passwordHash))) return err('login_failed', '当前密码不正确', 'current');
  if (current === next) return err('password_unchanged', '新密码不能与当前密码相同', 'next');
  updateAccount(ctx.db, row.id, { passwordHash: await hashPassword(next, ctx.scryptCost), mustChangePassword: false, updatedAt: localTimestamp(ctx.now()) });
  ctx.session.update({ mustChangePassword: false });
  return ok(sessionView(ctx));
}

export function listAccounts(ctx: AccountsContext): Result<Account[]> {
  return ok(allAccounts(ctx.db).map(toAccount));
}

export async function createAccount(ctx: AccountsContext, input: z.output<typeof createAccountInputSchema>): Promise<Result<Account>> {
  if (accountByNo(ctx.db, input.userNo)) return err('user_no_taken', `工号 ${input.userNo} 已存在`, 'userNo');
  const at = localTimestamp(ctx.now());
  const row: AccountRow = {
    id: uuidv7(),
    userNo: input.userNo,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password, ctx.scryptCost),
    // The administrator chose it: its owner sets their own at first sign-in.
    mustChangePassword: true,
    disabled: false,
    failedLogins: 0,
    lockedUntil: null,
    createdAt: at,
    updatedAt: at,
  };
  if (accountByNo(ctx.db, input.userNo)) return err('user_no_taken', `工号 ${input.userNo} 已存在`, 'userNo');
  insertAccount(ctx.db, row);
  return ok(toAccount(row));
}

export async function resetPassword(ctx: AccountsContext, userId: string, password: string): Promise<Result<Account>> {
  const row = accountById(ctx.db, userId);
  if (!row) return err('account_not_found', '账号不存在');
  updateAccount(ctx.db, row.id, { passwordHash: await hashPassword(password, ctx.scryptCost), mustChangePassword: true, failedLogins: 0, lockedUntil: null, updatedAt: localTimestamp(ctx.now()) });
  return ok(toAccount(accountById(ctx.db, userId)!));
}

export function setDisabled(ctx: AccountsContext, userId: string, disabled: boolean): Result<Account> {
  const row = accountById(ctx.db, userId);
  if (!row) return err('account_not_found', '账号不存在');
  if (disabled && row.id === ctx.session.actor()?.accountId) return err('cannot_disable_self', '不能停用自己正在使用的账号');
  if (disabled && row.role === 'admin' && allAccounts(ctx.db).filter((a) => a.role === 'admin' && !a.disabled).length <= 1) {
    return err('last_admin', '至少要保留一个可用的管理员账号');
  }
  updateAccount(ctx.db, row.id, { disabled, updatedAt: localTimestamp(ctx.now()) });
  return ok(toAccount(accountById(ctx.db, userId)!));
}

export function setIdleMinutes(ctx: AccountsContext, minutes: number): Result<Session> {
  putSetting(ctx.db, IDLE_KEY, minutes);
  return ok(sessionView(ctx));
}
