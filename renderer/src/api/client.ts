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

export const api: Bridge = window.api ?? httpBridge;
