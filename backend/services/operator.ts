// The operator at the window: the signed-in user every step is recorded under, and whose role
// decides what a protected reporter's file shows. Who it is comes from the backend's session
// (accounts.ts), never from what the renderer sends.
import { canSeeReporter, type Operator } from '../../domain/staff/roles';
import { err, ok, type Result } from '../../domain/result';
import type { ServiceContext } from './context';

export function requireOperator(ctx: Pick<ServiceContext, 'actor'>): Result<Operator> {
  const op = ctx.actor();
  return op ? ok(op) : err('not_signed_in', '请先登录');
}

/** Whether a protected reporter (检举控告, 条例 art. 30) is shown to the operator at the window. */
export function reporterVisible(ctx: Pick<ServiceContext, 'actor'>): boolean {
  const op = ctx.actor();
  return op !== null && canSeeReporter(op.role);
}
