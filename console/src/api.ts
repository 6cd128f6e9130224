// The console's one way to the city server: JSON over fetch with the session cookie (sent by the
// browser, unreadable here) and the session's CSRF token on every change. A 401 means the
// session ended: the console goes back to sign-in.
import { CSRF_HEADER } from '../../domain/console/session';
import { useSession } from './session';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The server's messages are "中文 / English": the console shows the Chinese. */
export const chinese = (message: string) => message.split(' / ')[0] ?? message;

export async function api<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const csrf = useSession.getState().state?.csrfToken;
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(csrf ? { [CSRF_HEADER]: csrf } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => ({ code: 'bad_answer', message: '服务器的回答无法读取' }))) as { code?: string; message?: string };
  if (!res.ok) {
    if (res.status === 401 && !path.endsWith('/login') && !path.endsWith('/setup')) useSession.getState().signedOut();
    throw new ApiError(res.status, json.code ?? 'error', chinese(json.message ?? '请求失败'));
  }
  return json as T;
}

/** An error's message for the user. */
export const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : '无法连接市级服务，请检查网络');
