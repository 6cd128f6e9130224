// The backend as a dev:web page reaches it: the same loopback RPC with the page's token, typed
// by the contract. For end-to-end tests that set up what they need without clicking through it.
import type { Page } from '@playwright/test';
import type { Err, Ok } from '../../../domain/result';
import type { Method, MethodInput, MethodOutput } from '../../../domain/rpc/contract';
import type { Dispatch } from '../staff';

export async function rpc<M extends Method>(page: Page, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await pageDispatch(page)(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as MethodOutput<M>;
}

/** The same transport as a plain dispatch (errors as values), for helpers shared with other tests. */
export function pageDispatch(page: Page): Dispatch {
  return (method, input) =>
    page.evaluate(
      async ({ method, input }) => {
        const token = document.querySelector<HTMLMetaElement>('meta[name="rpc-token"]')!.content;
        const res = await fetch(`/rpc/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        return (await res.json()) as Ok<unknown> | Err;
      },
      { method, input },
    );
}
