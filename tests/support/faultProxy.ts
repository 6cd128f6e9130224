// The sync test rig: a real city server (buildApp on 127.0.0.1, PGlite) behind a small HTTP proxy
// that can misbehave per request — fail with a status, hang, drop the connection mid-request,
// commit and then lose the answer, restart the server, answer slowly, let the city commit and
// then answer something else (a lying or broken city) — plus helpers that fill a
// device's outbox and compare it with what the city holds. The device only ever talks to the
// proxy, so every fault is seen exactly as a county window would see it on a bad line.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { eventsAfter } from '../../db/outbox';
import { getSyncState } from '../../db/syncState';
import { AUDIT_EVENT } from '../../domain/staff/audit';
import { buildApp } from '../../server/app';
import { type CityDb, type CityDbHandle, openCityDb } from '../../server/store/db';
import { events } from '../../server/store/schema';
import { ADMIN_TOKEN, admin } from './cityFixtures';
import { residentId, testBackend, validVisit } from './backend';

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'dropRequest' }
  | { kind: 'loseResponse' }
  | { kind: 'restart' }
  | { kind: 'delay'; ms: number }
  | { kind: 'rewrite'; answer: (real: Answer) => Answer };

/** An answer as the rewrite fault sees and makes it: header names lower-case, the body as text. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Seen {
  path: string;
  /** 1-based count of requests to this path so far. */
  n: number;
  fault: Fault['kind'] | null;
  at: number;
}

export type Rule = (r: { method: string; path: string; n: number }) => Fault | undefined;

export interface FaultCity {
  /** The proxy: what devices are told to use. */
  url: string;
  db(): CityDb;
  app(): FastifyInstance;
  seen: Seen[];
  setRule(rule: Rule | null): void;
  restart(): Promise<void>;
  close(): Promise<void>;
}

const listenUrl = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/**
 * A city server behind a fault proxy. With `dataDir` the database lives on disk, so a restart
 * (close the app and the database, open both again) keeps everything committed.
 */
export async function startFaultCity(o: { dataDir?: string; rateLimitPerMinute?: number } = {}): Promise<FaultCity> {
  let handle: CityDbHandle;
  let app: FastifyInstance;
  let upstream: URL | null = null;
  let rule: Rule | null = null;
  let restarting: Promise<void> | null = null;
  const counts = new Map<string, number>();
  const seen: Seen[] = [];
  const held = new Set<http.ServerResponse>();

  async function up(): Promise<void> {
    handle = await openCityDb({ dataDir: o.dataDir });
    // Enrolment's own limit is off too: a test file may enrol dozens of devices with one city.
    app = await buildApp({ db: handle.db, adminToken: ADMIN_TOKEN, rateLimitPerMinute: o.rateLimitPerMinute ?? 100_000, enrollRateLimitPerMinute: 100_000 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    upstream = new URL(listenUrl(app.server));
  }

  async function down(): Promise<void> {
    upstream = null;
    await app.close();
    await handle.close();
  }

  function restart(): Promise<void> {
    restarting ??= (async () => {
      await down();
      await up();
    })().finally(() => (restarting = null));
    return restarting;
  }

  /** Sends the request on to the city; resolves with the whole answer, or null if the city was gone. */
  function forward(req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer } | null> {
    const target = upstream;
    if (!target) return Promise.resolve(null);
    return new Promise((resolve) => {
      const out = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', () => resolve(null));
        },
      );
      out.on('error', () => resolve(null));
      out.end(body);
    });
  }

  function readBody(req: http.IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  const proxy = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const fault = rule?.({ method: req.method ?? 'GET', path, n });
    seen.push({ path, n, fault: fault?.kind ?? null, at: Date.now() });

    // A connection that dies before the request has been read whole: the city never saw it.
    if (fault?.kind === 'dropRequest') {
      req.once('data', () => req.socket.destroy());
      req.once('end', () => req.socket.destroy());
      return;
    }
    void (async () => {
      const body = await readBody(req).catch(() => null);
      if (body === null) return;
      if (fault?.kind === 'status') {
        res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
        res.end(JSON.stringify({ code: 'injected', message: `injected HTTP ${fault.status}` }));
        return;
      }
      if (fault?.kind === 'hang') {
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      }
      if (restarting) await restarting.catch(() => {});
      const restartNow = fault?.kind === 'restart' ? restart() : null;
      const answer = await forward(req, body);
      await restartNow;
      // Committed (or not) at the city, but the device never hears back.
      if (answer === null || fault?.kind === 'loseResponse') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
      const headers = { ...answer.headers };
      delete headers['transfer-encoding'];
      delete headers.connection;
      delete headers['keep-alive'];
      if (fault?.kind === 'rewrite') {
        const real = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)]));
        delete real['content-length'];
        const lie = fault.answer({ status: answer.status, headers: real, body: answer.body.toString('utf8') });
        res.writeHead(lie.status, lie.headers);
        res.end(lie.body);
        return;
      }
      res.writeHead(answer.status, headers);
      res.end(answer.body);
    })();
  });

  await up();
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));

  return {
    url: listenUrl(proxy),
    db: () => handle.db,
    app: () => app,
    seen,
    setRule(r) {
      rule = r;
    },
    restart,
    async close() {
      for (const res of held) res.destroy();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      if (restarting) await restarting.catch(() => {});
      if (upstream) await down();
    },
  };
}

/** A fresh one-time enrolment code from the city's administration API. */
export async function enrollmentCode(city: FaultCity, countyCode = '410102'): Promise<{ deviceId: string; code: string }> {
  const r = await city.app().inject({ method: 'POST', url: '/api/v1/admin/devices', headers: admin, payload: { countyCode, name: '测试窗口' } });
  if (r.statusCode !== 201) throw new Error(`create device: ${r.statusCode} ${r.body}`);
  const { deviceId, enrollmentCode: code } = r.json();
  return { deviceId, code };
}

export type TestBackend = ReturnType<typeof testBackend>;

/** Registers `count` distinct visits (one matter each) on the device, offline. */
export async function registerVisits(backend: TestBackend, count: number, from = 1): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const r = await backend.dispatch('intake.register', {
      ...validVisit,
      visitor: { ...validVisit.visitor, credential: { type: 'resident', number: residentId('410102', '19800101', i) } },
    });
    if (!r.ok) throw new Error(`register ${i}: ${JSON.stringify(r)}`);
  }
}

/** Enrols the device with the city behind the proxy; throws unless it worked. */
export async function enroll(backend: TestBackend, city: FaultCity): Promise<string> {
  const { deviceId, code } = await enrollmentCode(city);
  const r = await backend.callAs('admin', 'sync.enroll', { serverUrl: city.url, code, name: '一号窗口' });
  if (!r.ok) throw new Error(`enrol: ${JSON.stringify(r)}`);
  return deviceId;
}

/** What the city recorded for one device, in seq order. */
export async function cityEvents(city: FaultCity, deviceId: string) {
  return city
    .db()
    .select({ seq: events.seq, eventId: events.eventId, payload: events.payload })
    .from(events)
    .where(eq(events.deviceId, deviceId))
    .orderBy(asc(events.seq));
}

export async function cityMatters(city: FaultCity) {
  const r = await city.app().inject({ method: 'GET', url: '/api/v1/admin/matters?limit=1000', headers: admin });
  if (r.statusCode !== 200) throw new Error(`matters: ${r.statusCode} ${r.body}`);
  return (r.json() as { matters: { matterId: string; matterNo: string; receivedAt: string; clockOffsetMs: number | null }[] }).matters;
}

/** The device's whole outbox, in seq order. */
export function localOutbox(backend: TestBackend) {
  return eventsAfter(backend.db, 0, 1_000_000);
}

/** The outbox's records, without the audit trail's lines that travel among them. */
export function localRecords(backend: TestBackend) {
  return localOutbox(backend).filter((e) => e.type !== AUDIT_EVENT);
}

/**
 * The outbox is drained: nothing in it waits, records or audit lines, and no run is under way.
 * Audit lines written since the last run are not in the outbox yet (they go with the next run).
 */
export function drained(backend: TestBackend): boolean {
  const s = backend.sync.status();
  return !s.syncing && eventsAfter(backend.db, getSyncState(backend.db).lastAckedSeq, 1).length === 0;
}

/**
 * A fetch that gives up after `ms`, as the client would with a shorter timeout. A plain timer,
 * not AbortSignal.timeout(): that one can be garbage-collected while the request hangs.
 */
export function fetchWithTimeout(ms: number): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ms);
    init?.signal?.addEventListener('abort', () => controller.abort(), { once: true });
    try {
      const res = await fetch(input, { ...init, signal: controller.signal });
      // Read here, under the timer, so a body that never ends times out too.
      return new Response(await res.arrayBuffer(), { status: res.status, statusText: res.statusText, headers: res.headers });
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Full-jitter backoff with this random is zero, so retries come at once (or at Retry-After). */
export const noJitter = () => 0;

/** Polls until `check` holds, or fails after `ms`. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
