// HTTP calls to the city server (protocol v1). Every outcome is a value: the caller decides
// whether to retry, stop or tell the user. Every answer is checked against its schema in
// domain/sync/ before anything reads it; whether it fits what was sent is the caller's check.
// Pushes and pulls say the app's version in a header (the bodies are protocol v1, fixed), which
// the city's console shows beside the device.
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { uploadOffsetHeadersSchema, uploadStateSchema, type UploadOffset, type UploadState } from '../../domain/sync/attachmentUpload';
import {
  apiErrorSchema,
  enrollResponseSchema,
  pushResponseSchema,
  type EnrollResponse,
  type PushBody,
  type PushResponse,
} from '../../domain/sync/events';
import { healthResponseSchema } from '../../domain/sync/health';
import { lookupResponseSchema, type LookupRequest, type LookupResponse } from '../../domain/sync/lookup';
import { DEVICE_REPORT_HEADERS, pullResponseSchema, type PullResponse } from '../../domain/sync/pull';
import { parseRetryAfter } from './backoff';
import type { SyncErrorCode } from './messages';

export type Fetch = typeof fetch;
export type Failure = { ok: false; code: SyncErrorCode; detail: string; retryAfterMs: number | null; expectedSeq?: number };
export type Outcome<T> = { ok: true; value: T; serverDate: number | null } | Failure;
type Answer = { status: number; body: unknown; headers: Headers };

const GZIP_FROM_BYTES = 8 * 1024;

// The codes Node's TLS gives a certificate it cannot verify (self-signed, unknown issuer,
// expired, wrong host name…): the city is not who it says, or someone sits in between.
const UNTRUSTED_CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/** The code of the innermost cause: fetch wraps the socket's error as "fetch failed". */
function causeCode(e: unknown): string {
  for (let c = e; c instanceof Error; c = c.cause) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return '';
}

export function badResponse(detail: string): Failure {
  return { ok: false, code: 'bad_response', detail, retryAfterMs: null };
}

async function call(fetchFn: Fetch, url: string, init: RequestInit, timeoutMs: number): Promise<Outcome<Answer>> {
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
    const code = controller.signal.aborted ? 'timeout' : UNTRUSTED_CERTIFICATE.test(causeCode(e)) ? 'tls_untrusted' : 'server_unreachable';
    return { ok: false, code, detail: `${String(e)} ${causeCode(e)}`.trim(), retryAfterMs: null };
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

function failureFor({ status, body, headers }: Answer): Failure {
  const api = apiErrorSchema.safeParse(body);
  const detail = api.success ? `${api.data.code}: ${api.data.message}` : `HTTP ${status}`;
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), Date.now());
  if (status === 401 || status === 403) return { ok: false, code: 'device_unauthorized', detail, retryAfterMs };
  if (status === 429) return { ok: false, code: 'rate_limited', detail, retryAfterMs };
  if (status >= 500) return { ok: false, code: 'server_error', detail, retryAfterMs };
  if (status === 409 && api.success && api.data.code === 'seq_gap') {
    // Where to resend from must be a seq at all; whether this device ever sent it is push's check.
    const expectedSeq = api.data.expectedSeq;
    if (expectedSeq === undefined || expectedSeq < 1) return badResponse(`seq_gap with expectedSeq ${String(expectedSeq)}`);
    return { ok: false, code: 'seq_gap', detail, retryAfterMs, expectedSeq };
  }
  if (status === 409 && api.success && api.data.code === 'seq_conflict') return { ok: false, code: 'seq_conflict', detail, retryAfterMs };
  return { ok: false, code: 'bad_request', detail, retryAfterMs };
}

/** The answer's body, read with its schema when the status is one of `expected`. */
function bodyOf<S extends z.ZodType>(r: Outcome<Answer>, expected: number[], schema: S): Outcome<z.output<S>> {
  if (!r.ok) return r;
  if (!expected.includes(r.value.status)) return failureFor(r.value);
  const parsed = schema.safeParse(r.value.body);
  if (!parsed.success) return badResponse(`HTTP ${r.value.status}: ${parsed.error.message}`);
  return { ok: true, value: parsed.data, serverDate: r.serverDate };
}

/** `appVersion` is this build's, told by the host (Electron's app version, or package.json from the source tree). */
export function createCityClient(fetchFn: Fetch, appVersion: string, timeoutMs = 30_000) {
  const VERSION_HEADER = { [DEVICE_REPORT_HEADERS.appVersion]: appVersion };
  return {
    async health(baseUrl: string): Promise<Outcome<{ ok: true }>> {
      const r = await call(fetchFn, `${baseUrl}/api/v1/health`, { method: 'GET' }, Math.min(timeoutMs, 5000));
      return bodyOf(r, [200], healthResponseSchema);
    },

    async enroll(baseUrl: string, code: string, name: string): Promise<Outcome<EnrollResponse>> {
      const r = await call(
        fetchFn,
        `${baseUrl}/api/v1/devices/enroll`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) },
        timeoutMs,
      );
      // The city refuses a code with a 4xx and its error body; a 4xx without one is some other server.
      if (r.ok && r.value.status >= 400 && r.value.status < 500 && r.value.status !== 429) {
        const refused = failureFor(r.value);
        return apiErrorSchema.safeParse(r.value.body).success ? { ...refused, code: 'enroll_code_invalid' } : badResponse(refused.detail);
      }
      return bodyOf(r, [201], enrollResponseSchema);
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
            ...VERSION_HEADER,
            ...(gzip ? { 'content-encoding': 'gzip' } : {}),
          },
          body: gzip ? gzipSync(json) : json,
        },
        timeoutMs,
      );
      return bodyOf(r, [200], pushResponseSchema);
    },

    /** `backlog`: events waiting here, which the city's console shows beside the device. */
    async pull(baseUrl: string, token: string, since: string | null, backlog?: number): Promise<Outcome<PullResponse>> {
      const url = `${baseUrl}/api/v1/sync/pull${since ? `?since=${encodeURIComponent(since)}` : ''}`;
      const headers = { authorization: `Bearer ${token}`, ...VERSION_HEADER, ...(backlog === undefined ? {} : { [DEVICE_REPORT_HEADERS.backlog]: String(backlog) }) };
      const r = await call(fetchFn, url, { method: 'GET', headers }, timeoutMs);
      return bodyOf(r, [200], pullResponseSchema);
    },

    /** The city's record of a person across all counties; short timeout: a clerk is waiting. */
    async lookup(baseUrl: string, token: string, q: LookupRequest): Promise<Outcome<LookupResponse>> {
      const r = await call(
        fetchFn,
        `${baseUrl}/api/v1/sync/lookup`,
        { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(q) },
        Math.min(timeoutMs, 3000),
      );
      return bodyOf(r, [200], lookupResponseSchema);
    },

    /** Bytes of an attachment the city already holds (0 when none), to resume an upload. */
    async attachmentOffset(baseUrl: string, token: string, sha256: string): Promise<Outcome<UploadOffset>> {
      const r = await call(fetchFn, `${baseUrl}/api/v1/sync/attachments/${sha256}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } }, timeoutMs);
      if (!r.ok) return r;
      if (r.value.status === 404) return { ok: true, value: { offset: 0, complete: false }, serverDate: r.serverDate };
      if (r.value.status !== 200) return failureFor(r.value);
      const parsed = uploadOffsetHeadersSchema.safeParse(Object.fromEntries(r.value.headers));
      if (!parsed.success) return badResponse(`HEAD attachment: ${parsed.error.message}`);
      return { ok: true, value: parsed.data, serverDate: r.serverDate };
    },

    async uploadAttachmentChunk(baseUrl: string, token: string, sha256: string, chunk: Buffer, start: number, total: number): Promise<Outcome<UploadState>> {
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
      if (r.ok && r.value.status === 422) return { ok: false, code: 'attachment_corrupt', detail: `sha256 ${sha256}`, retryAfterMs: null };
      return bodyOf(r, [200, 201], uploadStateSchema);
    },
  };
}
export type CityClient = ReturnType<typeof createCityClient>;
