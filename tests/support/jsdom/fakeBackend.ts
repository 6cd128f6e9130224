// The backend as component tests see it: a bridge in place of Electron's preload (`window.api`)
// that records every call and answers from what the test put in. A method the test did not
// answer fails with its own code, so no test passes on an answer it never gave.
import type { Bridge, RpcResult } from '../../../domain/rpc/bridge';
import type { Method, MethodInput } from '../../../domain/rpc/contract';

type Answer<M extends Method> = (input: MethodInput<M>) => RpcResult<M>;

const answers = new Map<Method, Answer<Method>>();
const calls: { method: Method; input: unknown }[] = [];

export const fakeBackend = {
  bridge: {
    invoke: <M extends Method>(method: M, input: MethodInput<M>) => {
      calls.push({ method, input });
      const answer = answers.get(method) as Answer<M> | undefined;
      return Promise.resolve(answer ? answer(input) : { ok: false as const, code: 'not_answered', message: `测试未提供 ${method} 的回答` });
    },
  } satisfies Bridge,

  /** Answers `method` from now on. */
  answer<M extends Method>(method: M, answer: Answer<M>): void {
    answers.set(method, answer as unknown as Answer<Method>);
  },

  /** The inputs of every call of `method`, oldest first. */
  inputsOf<M extends Method>(method: M): MethodInput<M>[] {
    return calls.filter((c) => c.method === method).map((c) => c.input as MethodInput<M>);
  },

  reset(): void {
    answers.clear();
    calls.length = 0;
  },
};
