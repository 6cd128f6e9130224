// The backend as a dev:web page reaches it: the same loopback RPC with the page's token, typed
// by the contract. For end-to-end tests that set up what they need without clicking through it.
import type { Page } from '@playwright/test';
import type { Method, MethodInput, MethodOutput } from '../../domain/rpc/contract';

export async function rpc<M extends Method>(page: Page, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await page.evaluate(
    async ({ method, input }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="rpc-token"]')!.content;
      const res = await fetch(`/rpc/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; code?: string; message?: string };
    },
    { method, input },
  );
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value as MethodOutput<M>;
}
