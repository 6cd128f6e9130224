// HTTP calls to the city server (protocol v1). Every outcome is a value: the caller decides
// whether to retry, stop or tell the user.
import { gzipSync } from 'node:zlib';
import {
  apiErrorSchema,
  enrollResponseSchema,
  pushResponseSchema,
  type EnrollResponse,
  type PushBody,
  type PushResponse,
} from '../../domain/sync/events';
import { lookupResponseSchema, type LookupRequest, type LookupResponse } from '../../domain/sync/lookup';
import { pullResponseSchema, type PullResponse } from '../../domain/sync/pull';
import { parseRetryAfter } from './backoff';
import type { SyncErrorCode } from './messages';

export type Fetch = typeof fetch;
export type Failure = { ok: false; code: SyncErrorCode; detail: string; retryAfterMs: number | null; expectedSeq?: number };
export type Outcome<T> = { ok: true; value: T; serverDate: number | null } | Failure;

const GZIP_FROM_BYTES = 8 * 1024;

async function call(fetchFn: Fetch, url: string, init: RequestInit, timeoutMs: number): Promise<Outcome<{ status: number; body: unknown; headers: Headers }>> {
  // A plain timer, held until the whole answer is read: AbortSignal.timeout()/any() can be
  // garbage-collected while fetch waits on a server that never answers, and then a hung request
  // holds the single sync run for ever. The timer also covers a body that stalls halfway.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Response;
  let text: string;
  try {
    res = await fetchFn(url, { ...init, signal: controller.signal });
    text = await res.text();
  } catch (e) {
    return { ok: false, code: controller.signal.aborted ? 'timeout' : 'server_unreachable', detail: String(e), retryAfterMs: null };
  } finally {
    clearTimeout(timer);
  }
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const dateHeader = res.headers.get('date');
  const serverDate = dateHeader ? Date.parse(dateHeader) : null;
  return { ok: true, value: { status: res.status, body, headers: res.headers }, serverDate: Number.isNaN(serverDate) ? null : serverDate };
}

function failureFor(status: number, body: unknown, headers: Headers): Failure {
  const api = apiErrorSchema.safeParse(body);
  const detail = api.success ? `${api.data.code}: ${api.data.message}` : `HTTP ${status}`;
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), Date.now());
  if (status === 401 || status === 403) return { ok: false, code: 'device_unauthorized', detail, retryAfterMs };
  if (status === 429) return { ok: false, code: 'rate_limited', detail, retryAfterMs };
  if (status >= 500) return { ok: false, code: 'server_error', detail, retryAfterMs };
  if (status === 409 && api.success && api.data.code === 'seq_gap' && api.data.expectedSeq !== undefined) {
    return { ok: false, code: 'seq_gap', detail, retryAfterMs, expectedSeq: api.data.expectedSeq };
  }
  if (status === 409 && api.success && api.data.code === 'seq_conflict') return { ok: false, code: 'seq_conflict', detail, retryAfterMs };
  return { ok: false, code: 'bad_request', detail, retryAfterMs };
}

export function createCityClient(fetchFn: Fetch, timeoutMs = 30_000) {
  return {
    async health(baseUrl: string): Promise<Outcome<true>> {
      const r = await call(fetchFn, `${baseUrl}/api/v1/health`, { method: 'GET' }, Math.min(timeoutMs, 5000));
      if (!r.ok) return r;
      if (r.value.status !== 200) return failureFor(r.value.status, r.value.body, r.value.headers);
      return { ok: true, value: true, serverDate: r.serverDate };
    },

    async enroll(baseUrl: string, code: string, name: string): Promise<Outcome<EnrollResponse>> {
      const r = await call(
        fetchFn,
        `${baseUrl}/api/v1/devices/enroll`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) },
        timeoutMs,
      );
      if (!r.ok) return r;
      if (r.value.status !== 201) {
        const f = failureFor(r.value.status, r.value.body, r.value.headers);
        return r.value.status >= 400 && r.value.status < 500 && r.value.status !== 429 ? { ...f, code: 'enroll_code_invalid' } : f;
      }
      const parsed = enrollResponseSchema.safeParse(r.value.body);
      if (!parsed.success) return { ok: false, code: 'bad_response', detail: parsed.error.message, retryAfterMs: null };
      return { ok: true, value: parsed.data, serverDate: r.serverDate };
    },

    async push(baseUrl: string, token: string, body: PushBody): Promise<Outcome<PushResponse>> {
      const json = Buffer.from(JSON.stringify(body));
      const gzip = json.length >= GZIP_FROM_BYTES;
      const r = await call(
        fetchFn,
        `${baseUrl}/api/v1/sync/push`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            ...(gzip ? { 'content-encoding': 'gzip' } : {}),
          },
          body: gzip ? gzipSync(json) : json,
        },
        timeoutMs,
      );
      if (!r.ok) return r;
      if (r.value.status !== 200) return failureFor(r.value.status, r.value.body, r.value.headers);
      const parsed = pushResponseSchema.safeParse(r.value.body);
      if (!parsed.success) return { ok: false, code: 'bad_response', detail: parsed.error.message, retryAfterMs: null };
      return { ok: true, value: parsed.data, serverDate: r.serverDate };
    },

    async pull(baseUrl: string, token: string, since: string | null): Promise<Outcome<PullResponse>> {
      const url = `${baseUrl}/api/v1/sync/pull${since ? `?since=${encodeURIComponent(since)}` : ''}`;
      const r = await call(fetchFn, url, { method: 'GET', headers: { authorization: `Bearer ${token}` } }, timeoutMs);
      if (!r.ok) return r;
      if (r.value.status !== 200) return failureFor(r.value.status, r.value.body, r.value.headers);
      const parsed = pullResponseSchema.safeParse(r.value.body);
      if (!parsed.success) return { ok: false, code: 'bad_response', detail: parsed.error.message, retryAfterMs: null };
      return { ok: true, value: parsed.data, serverDate: r.serverDate };
    },

    /** The city's record of a person across all counties; short timeout: a clerk is waiting. */
    async lookup(baseUrl: string, token: string, q: LookupRequest): Promise<Outcome<LookupResponse>> {
      const r = await call(
        fetchFn,
        `${baseUrl}/api/v1/sync/lookup`,
        { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(q) },
        Math.min(timeoutMs, 3000),
      );
      if (!r.ok) return r;
      if (r.value.status !== 200) return failureFor(r.value.status, r.value.body, r.value.headers);
      const parsed = lookupResponseSchema.safeParse(r.value.body);
      if (!parsed.success) return { ok: false, code: 'bad_response', detail: parsed.error.message, retryAfterMs: null };
      return { ok: true, value: parsed.data, serverDate: r.serverDate };
    },

    /** Bytes of an attachment the city already holds (0 when none), to resume an upload. */
    async attachmentOffset(baseUrl: string, token: string, sha256: string): Promise<Outcome<{ offset: number; complete: boolean }>> {
      const r = await call(fetchFn, `${baseUrl}/api/v1/sync/attachments/${sha256}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } }, timeoutMs);
      if (!r.ok) return r;
      if (r.value.status === 404) return { ok: true, value: { offset: 0, complete: false }, serverDate: r.serverDate };
      if (r.value.status !== 200) return failureFor(r.value.status, r.value.body, r.value.headers);
      const offset = Number(r.value.headers.get('upload-offset') ?? 0);
      return { ok: true, value: { offset, complete: r.value.headers.get('upload-complete') === '1' }, serverDate: r.serverDate };
    },

    async uploadAttachmentChunk(baseUrl: string, token: string, sha256: string, chunk: Buffer, start: number, total: number): Promise<Outcome<{ complete: boolean }>> {
      const r = await call(
        fetchFn,
        `${baseUrl}/api/v1/sync/attachments/${sha256}`,
        {
          method: 'PUT',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/octet-stream',
            'content-range': `bytes ${start}-${start + chunk.length - 1}/${total}`,
          },
          // A plain view of the bytes: the DOM typings (seen by the e2e type-check) refuse a Buffer.
          body: Uint8Array.from(chunk),
        },
        timeoutMs,
      );
      if (!r.ok) return r;
      if (r.value.status === 422) return { ok: false, code: 'attachment_corrupt', detail: `sha256 ${sha256}`, retryAfterMs: null };
      if (r.value.status !== 200 && r.value.status !== 201) return failureFor(r.value.status, r.value.body, r.value.headers);
      const complete = (r.value.body as { complete?: unknown } | null)?.complete === true;
      return { ok: true, value: { complete }, serverDate: r.serverDate };
    },
  };
}
export type CityClient = ReturnType<typeof createCityClient>;
