// Staff accounts for tests: one per role, made through the same RPC the window uses (first-run
// set-up, the administrator's accounts page, the first sign-in's password change), so tests sign
// in as a real user would. Works over any dispatch: in-process, the backend process, a page.
import type { Err, Ok } from '../../domain/result';
import type { Role } from '../../domain/staff/roles';

export type Dispatch = (method: string, input: unknown) => Promise<Ok<unknown> | Err>;

export const STAFF: Readonly<Record<Role, { userNo: string; name: string }>> = {
  admin: { userNo: 'A001', name: '周管理' },
  clerk: { userNo: 'C001', name: '王登记' },
  handler: { userNo: 'H001', name: '李承办' },
  supervisor: { userNo: 'S001', name: '赵科长' },
};
/** What the administrator gives each account, and what its owner changes it to. */
export const FIRST_PASSWORD = 'Chushi2026';
export const PASSWORD = 'Mima2026xf';

async function must(d: Dispatch, method: string, input: unknown): Promise<unknown> {
  const r = await d(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value;
}

/** Signs in as `role`, setting up the administrator and the role's account first if needed. */
export async function signIn(d: Dispatch, role: Role): Promise<void> {
  const session = (await must(d, 'session.get', {})) as { setupNeeded: boolean };
  if (session.setupNeeded) await must(d, 'session.setup', { ...STAFF.admin, password: PASSWORD });
  if (role !== 'admin') {
    await must(d, 'session.login', { userNo: STAFF.admin.userNo, password: PASSWORD });
    const accounts = (await must(d, 'accounts.list', {})) as { userNo: string }[];
    if (!accounts.some((a) => a.userNo === STAFF[role].userNo)) {
      await must(d, 'accounts.create', { ...STAFF[role], role, password: FIRST_PASSWORD });
    }
  }
  const first = await d('session.login', { userNo: STAFF[role].userNo, password: PASSWORD });
  if (first.ok) return;
  await must(d, 'session.login', { userNo: STAFF[role].userNo, password: FIRST_PASSWORD });
  await must(d, 'session.changePassword', { current: FIRST_PASSWORD, next: PASSWORD });
}
