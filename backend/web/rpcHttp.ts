// The browser transport (DESIGN.md §2, development and e2e only): the service router over
// loopback HTTP, behind a random per-run token so no other local page can call it.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatch } from '../services/router';

// Attachments travel base64-encoded inside the call: 20 MiB of bytes is about 27 MiB of text.
const MAX_BODY = 32 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A connect-style middleware: handles POST /rpc/<method>, passes everything else on. */
export function createRpcMiddleware(dispatch: Dispatch, token: string) {
  return async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
    const m = /^\/rpc\/([\w.]+)$/.exec(req.url ?? '');
    if (!m) return next();
    if (req.method !== 'POST') return send(res, 405, { ok: false, code: 'method_not_allowed', message: '只接受 POST 请求' });
    if (!tokenMatches(req.headers.authorization, token)) {
      return send(res, 401, { ok: false, code: 'unauthorized', message: '未授权的调用' });
    }
    const text = await readBody(req);
    if (text === null) return send(res, 413, { ok: false, code: 'body_too_large', message: '请求内容过大' });
    let input: unknown;
    try {
      input = text === '' ? {} : JSON.parse(text);
    } catch {
      return send(res, 400, { ok: false, code: 'invalid_json', message: '请求内容不是有效的 JSON' });
    }
    send(res, 200, await dispatch(m[1]!, input));
  };
}
