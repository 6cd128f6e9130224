// Who may call what (DESIGN.md §6), checked in the backend against the one table in
// domain/staff/permissions.ts: every RPC method × every role, signed out, locked, and before a
// first password is changed. Access is decided before the input is read, so an empty input is
// enough to see the gate's answer: 'forbidden' for a role the table leaves out, anything else
// (usually invalid_input) for one it lets through. The second table, which lifecycle step each
// role may take (COMMAND_ACCESS), is checked the same way with a well-formed command of every type.
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../../domain/matters/commands';
import { METHODS, type Method } from '../../domain/rpc/contract';
import { COMMAND_ACCESS, mayCall, METHOD_ACCESS } from '../../domain/staff/permissions';
import { roleSchema, type Role } from '../../domain/staff/roles';
import { testBackend, validVisit } from '../support/backend';
import { command } from '../support/matterCommands';
import { FIRST_PASSWORD, PASSWORD, signIn, STAFF } from '../support/staff';

const GATE_CODES = ['forbidden', 'not_signed_in', 'session_locked', 'password_change_required'];
// These change the session itself; they are public, and checked on their own below.
const SESSION_CHANGING: readonly Method[] = ['session.logout', 'session.lock', 'session.setup', 'session.login', 'session.unlock'];

let idle = 0;
const b = testBackend({ role: null, idleClock: () => idle });
afterAll(() => b.close());

describe.each(roleSchema.options)('as %s', (role: Role) => {
  it('every method is allowed or refused exactly as the table says', async () => {
    await signIn(b.dispatch, role);
    for (const method of METHODS.filter((m) => !SESSION_CHANGING.includes(m))) {
      const r = await b.dispatch(method, {});
      const allowed = mayCall(METHOD_ACCESS[method], role);
      const code = r.ok ? 'ok' : r.code;
      if (allowed) expect(GATE_CODES, `${role} may call ${method}`).not.toContain(code);
      else expect(code, `${role} may not call ${method}`).toBe('forbidden');
    }
  });
});

describe.each(roleSchema.options)('matters.command as %s', (role: Role) => {
  it('every step is refused as forbidden exactly when COMMAND_ACCESS leaves the role out', async () => {
    await signIn(b.dispatch, 'supervisor');
    const reg = await b.dispatch('intake.register', validVisit);
    if (!reg.ok) throw new Error(`intake.register: ${reg.code}`);
    const { matterId } = reg.value as { matterId: string };
    await signIn(b.dispatch, role);
    for (const type of COMMAND_TYPES) {
      // The request is the stored command without its actor, which only the backend sets.
      const { actor: _actor, ...request } = command(type, new Date().toISOString());
      const r = await b.dispatch('matters.command', { matterId, command: request });
      const code = r.ok ? 'ok' : r.code;
      // A role allowed the step may still be refused it for the matter's state, never for the form of the command.
      if (COMMAND_ACCESS[type].includes(role)) expect(['forbidden', 'invalid_input'], `${role} may ${type}: ${r.ok ? '' : r.message}`).not.toContain(code);
      else expect(code, `${role} may not ${type}`).toBe('forbidden');
    }
  });
});

describe('without a usable session', () => {
  const guarded = METHODS.filter((m) => METHOD_ACCESS[m] !== 'public');

  it('signed out, every method but the public ones answers not_signed_in', async () => {
    await b.dispatch('session.logout', {});
    for (const m of guarded) expect((await b.dispatch(m, {})) as { code?: string }, m).toMatchObject({ ok: false, code: 'not_signed_in' });
  });

  it('locked after the idle minutes, every method but the public ones answers session_locked; the password unlocks', async () => {
    await signIn(b.dispatch, 'clerk');
    idle += 11 * 60_000;
    for (const m of guarded) expect(await b.dispatch(m, {}), m).toMatchObject({ ok: false, code: 'session_locked' });
    expect(await b.dispatch('session.get', {})).toMatchObject({ ok: true, value: { locked: true, user: { userId: STAFF.clerk.userNo } } });
    expect(await b.dispatch('session.unlock', { password: 'wrong-1234' })).toMatchObject({ ok: false, code: 'login_failed' });
    expect(await b.dispatch('session.unlock', { password: PASSWORD })).toMatchObject({ ok: true, value: { locked: false } });
    expect(await b.dispatch('intake.listToday', {})).toMatchObject({ ok: true });
  });

  it('a polling window does not keep an idle session awake, a person does', async () => {
    await signIn(b.dispatch, 'clerk');
    idle += 9 * 60_000;
    await b.dispatch('sync.status', {});
    await b.dispatch('session.get', {});
    idle += 2 * 60_000;
    expect(await b.dispatch('intake.listToday', {})).toMatchObject({ ok: false, code: 'session_locked' });
    await b.dispatch('session.unlock', { password: PASSWORD });
    idle += 9 * 60_000;
    await b.dispatch('intake.listToday', {});
    idle += 2 * 60_000;
    expect(await b.dispatch('intake.listToday', {})).toMatchObject({ ok: true });
  });

  it('an account made by the administrator must change its first password before anything else', async () => {
    await signIn(b.dispatch, 'admin');
    await b.dispatch('accounts.create', { userNo: 'C077', name: '新登记员', role: 'clerk', password: FIRST_PASSWORD });
    expect(await b.dispatch('session.login', { userNo: 'C077', password: FIRST_PASSWORD })).toMatchObject({ ok: true, value: { user: { mustChangePassword: true } } });
    for (const m of guarded.filter((x) => x !== 'session.changePassword')) expect(await b.dispatch(m, {}), m).toMatchObject({ ok: false, code: 'password_change_required' });
    expect(await b.dispatch('session.changePassword', { current: FIRST_PASSWORD, next: 'Xinmima2026' })).toMatchObject({ ok: true, value: { user: { mustChangePassword: false } } });
    expect(await b.dispatch('intake.listToday', {})).toMatchObject({ ok: true });
  });
});

describe('accounts', () => {
  it('set-up happens once; five wrong passwords make the account wait; a disabled account cannot sign in', async () => {
    const fresh = testBackend({ role: null });
    try {
      expect(await fresh.dispatch('session.get', {})).toMatchObject({ ok: true, value: { setupNeeded: true, user: null } });
      expect(await fresh.dispatch('session.setup', { userNo: 'A1', name: '管理员', password: 'short' })).toMatchObject({ ok: false, field: 'password' });
      expect(await fresh.dispatch('session.setup', { userNo: 'A1', name: '管理员', password: PASSWORD })).toMatchObject({ ok: true, value: { user: { role: 'admin' } } });
      expect(await fresh.dispatch('session.setup', { userNo: 'A2', name: '第二个', password: PASSWORD })).toMatchObject({ ok: false, code: 'already_set_up' });
      await fresh.dispatch('accounts.create', { userNo: 'C1', name: '登记员', role: 'clerk', password: FIRST_PASSWORD });
      for (let i = 0; i < 4; i++) expect(await fresh.dispatch('session.login', { userNo: 'C1', password: 'Wrong12345' })).toMatchObject({ ok: false, code: 'login_failed' });
      expect(await fresh.dispatch('session.login', { userNo: 'C1', password: 'Wrong12345' })).toMatchObject({ ok: false, code: 'account_locked' });
      expect(await fresh.dispatch('session.login', { userNo: 'C1', password: FIRST_PASSWORD })).toMatchObject({ ok: false, code: 'account_locked' });
      // An unknown 工号 and a wrong password get the same answer.
      expect(await fresh.dispatch('session.login', { userNo: 'NOBODY', password: 'Wrong12345' })).toMatchObject({ ok: false, code: 'login_failed', message: '工号或密码不正确' });

      await fresh.dispatch('session.login', { userNo: 'A1', password: PASSWORD });
      const list = (await fresh.dispatch('accounts.list', {})) as { ok: true; value: { userId: string; userNo: string }[] };
      const c1 = list.value.find((a) => a.userNo === 'C1')!;
      expect(await fresh.dispatch('accounts.resetPassword', { userId: c1.userId, password: 'Reset12345' })).toMatchObject({ ok: true, value: { mustChangePassword: true } });
      expect(await fresh.dispatch('accounts.setDisabled', { userId: c1.userId, disabled: true })).toMatchObject({ ok: true, value: { disabled: true } });
      const self = list.value.find((a) => a.userNo === 'A1')!;
      expect(await fresh.dispatch('accounts.setDisabled', { userId: self.userId, disabled: true })).toMatchObject({ ok: false, code: 'cannot_disable_self' });
      expect(await fresh.dispatch('session.login', { userNo: 'C1', password: 'Reset12345' })).toMatchObject({ ok: false, code: 'account_disabled' });
      // No hash ever leaves the backend.
      expect(JSON.stringify(list)).not.toMatch(/scrypt/);
    } finally {
      await fresh.close();
    }
  });
});
