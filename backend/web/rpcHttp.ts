// The browser transport (DESIGN.md §2, development and e2e only): the service router over
// loopback HTTP, behind a random per-run token so no other local page can call it.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatch } from '../services/router';

// Attachments travel base64-encoded inside the call: 20 MiB of bytes is about 27 MiB of text.
const MAX_BODY = 32 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
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

/**
 * Deeper than any input of the contract: refused before it reaches validation or the port to
 * the backend process, which would otherwise spend its stack on it.
 */
const MAX_DEPTH = 64;

function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if ((c === '{' || c === '[') && ++depth > MAX_DEPTH) return true;
    else if (c === '}' || c === ']') depth--;
  }
  return false;
}

/**
 * A connect-style middleware: handles POST /rpc/<method>, passes everything else on. Only the
 * page this server serves may call: the exact origin (a page of another site or port is
 * refused even with a token it cannot have; a call without Origin too) and the per-run token.
 */
export function createRpcMiddleware(dispatch: Dispatch, token: string, origin: string) {
  const host = new URL(origin).host;
  return async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
    const m = /^\/rpc\/([\w.]+)$/.exec(req.url ?? '');
    if (!m) return next();
    if (req.method !== 'POST') return send(res, 405, { ok: false, code: 'method_not_allowed', message: '只接受 POST 请求' });
    // A renamed host (DNS rebinding) or another origin never reaches the backend. Origin is
    // required, not only checked when present: a browser always sends it on a POST fetch, so a
    // call without it comes from no page of ours (a script or tool holding a leaked token).
    if (req.headers.host !== host || req.headers.origin !== origin) {
      return send(res, 403, { ok: false, code: 'forbidden_origin', message: '拒绝来自其他来源的调用' });
    }
    if (!tokenMatches(req.headers.authorization, token)) {
      return send(res, 401, { ok: false, code: 'unauthorized', message: '未授权的调用' });
    }
    const text = await readBody(req);
    if (text === null) return send(res, 413, { ok: false, code: 'body_too_large', message: '请求内容过大' });
    if (tooDeep(text)) return send(res, 400, { ok: false, code: 'too_deep', message: '请求内容嵌套过深' });
    let input: unknown;
    try {
      input = text === '' ? {} : JSON.parse(text);
    } catch {
      return send(res, 400, { ok: false, code: 'invalid_json', message: '请求内容不是有效的 JSON' });
    }
    send(res, 200, await dispatch(m[1]!, input));
  };
}
