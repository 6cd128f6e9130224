// The renderer's typed backend client: Electron's preload bridge when present, otherwise the
// loopback HTTP transport of dev:web (token from the page's meta tag, same origin).
import type { Bridge, RpcResult } from '../../../domain/rpc/bridge';
import type { Method, MethodInput } from '../../../domain/rpc/contract';
import './bridge';

const httpBridge: Bridge = {
  async invoke<M extends Method>(method: M, input: MethodInput<M>): Promise<RpcResult<M>> {
    const token = document.querySelector<HTMLMetaElement>('meta[name="rpc-token"]')?.content ?? '';
    try {
      const res = await fetch(`/rpc/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as RpcResult<M>;
    } catch {
      return { ok: false, code: 'backend_unreachable', message: '无法连接本机后台服务，请重新启动程序' };
    }
  },
};

const transport: Bridge = window.api ?? httpBridge;

/** Answers that mean the session changed under the page (locked for idleness, signed out, a restart). */
const SESSION_CODES = new Set(['not_signed_in', 'session_locked', 'password_change_required']);
const sessionListeners = new Set<() => void>();

/** Called whenever a call finds the session gone or locked, so the shell can show the lock or sign-in. */
export function onSessionChanged(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export const api: Bridge = {
  async invoke(method, input) {
    const r = await transport.invoke(method, input);
    if (!r.ok && SESSION_CODES.has(r.code)) for (const l of sessionListeners) l();
    return r;
  },
};
