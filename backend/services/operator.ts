// The operator at the window: who every lifecycle step is recorded under, and whose role decides
// what a protected reporter's file shows. Chosen in the app; staff accounts with passwords are
// the security model's next step (DESIGN.md §6).
import { canSeeReporter, operatorSchema, type Operator } from '../../domain/staff/roles';
import { err, ok, type Result } from '../../domain/result';
import { getSetting, putSetting } from '../../db/settings';
import type { ServiceContext } from './context';

const KEY = 'operator';

export function currentOperator(ctx: Pick<ServiceContext, 'db'>): Operator | null {
  const parsed = operatorSchema.safeParse(getSetting(ctx.db, KEY));
  return parsed.success ? parsed.data : null;
}

export function requireOperator(ctx: ServiceContext): Result<Operator> {
  const op = currentOperator(ctx);
  return op ? ok(op) : err('no_operator', '请先在右上角“当前操作人”中填写工号、姓名和岗位');
}

export function setOperator(ctx: ServiceContext, op: Operator): Result<Operator> {
  putSetting(ctx.db, KEY, op);
  return ok(op);
}

/** Whether a protected reporter (检举控告, 条例 art. 30) is shown to the operator at the window. */
export function reporterVisible(ctx: Pick<ServiceContext, 'db'>): boolean {
  const op = currentOperator(ctx);
  return op !== null && canSeeReporter(op.role);
}
