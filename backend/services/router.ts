// The service router: every RPC, whatever its transport, enters here. Input is validated
// against the contract before any handler runs; a handler's bug becomes a typed error, never
// a raw exception crossing the boundary.
import { err, errFromZod, type Err, type Ok, type Result } from '../../domain/result';
import type { Contract, Method, MethodOutput, MethodParsedInput } from '../../domain/rpc/contract';

export type Handlers = {
  [M in Method]: (input: MethodParsedInput<M>) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>;
};

export type Dispatch = (method: string, input: unknown) => Promise<Ok<unknown> | Err>;

/** Who may call (checked before the input is even read) and what is recorded after. */
export interface Gate {
  check(method: Method): Err | null;
  record(method: Method, input: unknown, result: Ok<unknown> | Err): void;
}

export function createRouter(contract: Contract, handlers: Handlers, gate: Gate, log: (e: unknown) => void): Dispatch {
  async function run(m: Method, input: unknown): Promise<Ok<unknown> | Err> {
    const refused = gate.check(m);
    if (refused) return refused;
    let parsed;
    try {
      parsed = contract[m].input.safeParse(input);
    } catch {
      // Input deep or strange enough to break validation itself (a stack overflow) is refused.
      return err('invalid_input', '请求内容无法识别');
    }
    if (!parsed.success) return errFromZod(parsed.error);
    try {
      const handler = handlers[m] as (i: unknown) => Result<unknown> | Promise<Result<unknown>>;
      return await handler(parsed.data);
    } catch (e) {
      log(e);
      return err('internal', '程序内部错误，本次操作未完成，请重试或联系管理员');
    }
  }
  return async (method, input) => {
    if (!Object.hasOwn(contract, method)) return err('unknown_method', `未知的操作：${method}`);
    const m = method as Method;
    const result = await run(m, input);
    try {
      gate.record(m, input, result);
    } catch (e) {
      // The call itself is done (and committed); a failed audit line is logged, not hidden.
      log(e);
    }
    return result;
  };
}
