// Sync push throughput and latency at the city server (DESIGN.md §7), over loopback HTTP:
//   sync.push.pglite.rate / sync.push.postgres.rate — one device pushing its outbox in batches of
//     500, events per second;
//   sync.concurrent200.p99 — 200 devices pushing at once, latency of each push request.
// Each beside a baseline measured in the same run: the same batches POSTed to a bare node:http
// server that inserts the JSON events into one table on the same kind of database, so the ratio
// shows what the protocol (auth, locking, dedup, validation, projections) costs over raw storage.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { SyncEvent } from '../domain/sync/events';
import { buildApp } from '../server/app';
import { openCityDb } from '../server/db';
import { matterPayload } from '../tests/support/cityEvents';
import { msSince, quantile, report } from './report';

const ADMIN_TOKEN = 'bench-admin-token';
const RATE_BATCH = 500;
const CONCURRENT_BATCH = 50;

interface Target {
  url: string;
  /** A device that may push; the bare server takes any name. */
  newDevice(countyCode: string): Promise<{ deviceId: string; token: string; deviceCode: string }>;
  close(): Promise<void>;
}

type Kind = { label: 'pglite' } | { label: 'postgres'; url: string };

const listening = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

function matterEvent(seq: number, countyCode: string, deviceCode: string): SyncEvent {
  const payload = matterPayload({ placeRegion: countyCode, summary: '反映小区供暖不达标，多次向物业反映未果，请求协调解决' });
  payload.matterNo = `${countyCode}-${deviceCode}-2026-${String(seq).padStart(6, '0')}`;
  return { seq, id: randomUUID(), type: 'matter.registered', entityId: payload.matterId, occurredAt: payload.receivedAt, payload };
}

/** The device's outbox as ready-to-send request bodies, built before any clock starts. */
function bodies(deviceId: string, countyCode: string, deviceCode: string, count: number, batch: number): string[] {
  const out: string[] = [];
  for (let from = 1; from <= count; from += batch) {
    const events = Array.from({ length: Math.min(batch, count - from + 1) }, (_, i) => matterEvent(from + i, countyCode, deviceCode));
    out.push(JSON.stringify({ deviceId, batchId: randomUUID(), events }));
  }
  return out;
}

async function post(url: string, token: string, body: string): Promise<void> {
  const res = await fetch(`${url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`push: HTTP ${res.status} ${text.slice(0, 300)}`);
  if (text.includes('"rejected":[{')) throw new Error(`push: events rejected ${text.slice(0, 300)}`);
}

/** A fresh PostgreSQL database beside the one in `url`, dropped at close. */
async function scratchDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_${randomUUID().replaceAll('-', '')}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  // FORCE cannot end an autovacuum worker (it runs as a superuser) and then fails with 42501;
  // the worker is gone a moment later.
  const drop = async (attempt = 1): Promise<void> => {
    try {
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch (e) {
      if ((e as { code?: string }).code !== '42501' || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 500));
      await drop(attempt + 1);
    }
  };
  return { url: scratch.toString(), drop: () => drop() };
}

async function cityTarget(kind: Kind): Promise<Target> {
  const scratch = kind.label === 'postgres' ? await scratchDatabase(kind.url) : null;
  const handle = await openCityDb({ databaseUrl: scratch?.url });
  const app = await buildApp({ db: handle.db, adminToken: ADMIN_TOKEN, rateLimitPerMinute: 10_000_000, enrollRateLimitPerMinute: 10_000_000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  return {
    url: listening(app.server),
    async newDevice(countyCode) {
      const created = await app.inject({ method: 'POST', url: '/api/v1/admin/devices', headers: admin, payload: { countyCode, name: 'bench' } });
      const enrolled = await app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code: created.json().enrollmentCode, name: 'bench' } });
      if (enrolled.statusCode !== 201) throw new Error(`enrol: ${enrolled.statusCode} ${enrolled.body}`);
      return enrolled.json();
    },
    async close() {
      await app.close();
      await handle.close();
      await scratch?.drop();
    },
  };
}

/** The baseline: parse the JSON batch and insert its events into one table in one statement. */
async function bareTarget(kind: Kind): Promise<Target> {
  const createSql = `CREATE TABLE bare_events (device_id text NOT NULL, seq integer NOT NULL, event_id uuid NOT NULL, type text NOT NULL,
    entity_id uuid NOT NULL, occurred_at text NOT NULL, payload jsonb NOT NULL, PRIMARY KEY (device_id, seq))`;
  const insertSql = `INSERT INTO bare_events SELECT $1, e.seq, e.id, e.type, e."entityId", e."occurredAt", e.payload
    FROM jsonb_to_recordset($2::jsonb) AS e(seq integer, id uuid, type text, "entityId" uuid, "occurredAt" text, payload jsonb)`;
  let query: (sql: string, params?: unknown[]) => Promise<unknown>;
  let closeDb: () => Promise<void>;
  const scratch = kind.label === 'postgres' ? await scratchDatabase(kind.url) : null;
  if (scratch) {
    const pool = new pg.Pool({ connectionString: scratch.url });
    query = (sql, params) => pool.query(sql, params);
    closeDb = async () => {
      await pool.end();
      await scratch.drop();
    };
  } else {
    const lite = new PGlite();
    query = (sql, params) => lite.query(sql, params);
    closeDb = () => lite.close();
  }
  await query(createSql);

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { deviceId: string; events: SyncEvent[] };
          await query(insertSql, [body.deviceId, JSON.stringify(body.events)]);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ackedSeq: body.events.at(-1)?.seq ?? 0, rejected: [] }));
        } catch (e) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'bare_failed', message: String(e) }));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: listening(server),
    newDevice: async (countyCode) => ({ deviceId: randomUUID(), token: 'bare', deviceCode: `B${countyCode}` }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeDb();
    },
  };
}

async function withTarget<T>(make: Promise<Target>, fn: (t: Target) => Promise<T>): Promise<T> {
  const t = await make;
  try {
    return await fn(t);
  } finally {
    await t.close();
  }
}

/** One device pushing `count` events in batches of 500, one request after another: events per second. */
async function pushRate(t: Target, count: number): Promise<number> {
  const d = await t.newDevice('410102');
  const batches = bodies(d.deviceId, '410102', d.deviceCode, count, RATE_BATCH);
  const t0 = process.hrtime.bigint();
  for (const b of batches) await post(t.url, d.token, b);
  return count / (msSince(t0) / 1000);
}

/** Every device pushing its own batches at once; the latency of each request in ms. */
async function concurrentLatencies(t: Target, devices: number, perDevice: number): Promise<number[]> {
  const counties = ['410102', '410103', '410104', '410105'];
  const ds = [];
  for (let i = 0; i < devices; i++) {
    const county = counties[i % counties.length]!;
    const d = await t.newDevice(county);
    ds.push({ ...d, batches: bodies(d.deviceId, county, d.deviceCode, perDevice, CONCURRENT_BATCH) });
  }
  const samples: number[] = [];
  await Promise.all(
    ds.map(async (d) => {
      for (const b of d.batches) {
        const t0 = process.hrtime.bigint();
        await post(t.url, d.token, b);
        samples.push(msSince(t0));
      }
    }),
  );
  return samples;
}

export async function run({ quick }: { quick: boolean }): Promise<void> {
  const events = quick ? 5_000 : 100_000;
  const devices = quick ? 20 : 200;
  const perDevice = quick ? 50 : 500;
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const kinds: Kind[] = [{ label: 'pglite' }];
  if (pgUrl) kinds.push({ label: 'postgres', url: pgUrl });
  else console.error('sync.push.postgres.rate skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL database to measure it');

  for (const kind of kinds) {
    const baseline = await withTarget(bareTarget(kind), (t) => pushRate(t, events));
    const value = await withTarget(cityTarget(kind), (t) => pushRate(t, events));
    report({ figure: `sync.push.${kind.label}.rate`, value, unit: 'ev/s', baseline, n: events, at: `${events} events, batches of ${RATE_BATCH}, 1 device` });
  }

  // The city in production runs on PostgreSQL; PGlite stands in where none is configured.
  const kind = kinds.at(-1)!;
  const baseline = await withTarget(bareTarget(kind), (t) => concurrentLatencies(t, devices, perDevice));
  const samples = await withTarget(cityTarget(kind), (t) => concurrentLatencies(t, devices, perDevice));
  report({
    figure: 'sync.concurrent200.p99',
    value: quantile(samples, 0.99),
    unit: 'ms',
    baseline: quantile(baseline, 0.99),
    n: samples.length,
    at: `${devices} devices × ${perDevice} events, batches of ${CONCURRENT_BATCH}, ${kind.label}`,
  });
}
