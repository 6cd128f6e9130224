// Sync push throughput and latency at the city server (DESIGN.md §7), over loopback HTTP:
//   sync.push.pglite.rate / sync.push.postgres.rate — one device pushing its outbox in batches of
//     500, events per second;
//   sync.concurrent200.p99 — 200 devices pushing at once, latency of each push request.
// Each beside a baseline measured in the same run: the same batches POSTed to a bare node:http
// server that inserts the JSON events into one table on the same kind of database, so the ratio
// shows what the protocol (auth, locking, dedup, validation, projections) costs over raw storage.
// Both servers run in a process of their own (bench/syncServer.ts), as the city server does in
// production: the simulated devices here must not share the server's event loop. Each is warmed
// up before its clock starts (warmUp), as a city server that has been running for days is: its
// code compiled, its connection pool open, its statements prepared.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { EnrollResponse, SyncEvent } from '../domain/sync/events';
import { matterPayload } from '../tests/support/cityEvents';
import { scratchDatabase } from '../scripts/scratchPostgres';
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

/** A server of the given kind in a process of its own (bench/syncServer.ts), on a fresh database. */
async function serverTarget(server: 'city' | 'bare', kind: Kind): Promise<Omit<Target, 'newDevice'>> {
  const scratch = kind.label === 'postgres' ? await scratchDatabase(kind.url, 'bench') : null;
  const args = ['--import', 'tsx', fileURLToPath(new URL('./syncServer.ts', import.meta.url)), server, ...(scratch ? [scratch.url] : [])];
  const child = spawn(process.execPath, args, { env: { ...process.env, CITY_ADMIN_TOKEN: ADMIN_TOKEN }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const { url } = JSON.parse(line) as { url: string };
  return {
    url,
    async close() {
      child.kill('SIGTERM');
      await exited;
      await scratch?.drop();
    },
  };
}

async function cityTarget(kind: Kind): Promise<Target> {
  const server = await serverTarget('city', kind);
  const admin = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };
  const call = async <T>(path: string, headers: Record<string, string>, body: object): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    ...server,
    async newDevice(countyCode) {
      const created = await call<{ enrollmentCode: string }>('/api/v1/admin/devices', admin, { countyCode, name: 'bench' });
      return call<EnrollResponse>('/api/v1/devices/enroll', { 'content-type': 'application/json' }, { code: created.enrollmentCode, name: 'bench' });
    },
  };
}

async function bareTarget(kind: Kind): Promise<Target> {
  const server = await serverTarget('bare', kind);
  return { ...server, newDevice: async (countyCode) => ({ deviceId: randomUUID(), token: 'bare', deviceCode: `B${countyCode}` }) };
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

/** Pushes from other devices than the measured ones, alone and a few at once, timed by no one. */
async function warmUp(t: Target): Promise<void> {
  await pushRate(t, 2_000);
  await concurrentLatencies(t, 20, 100);
}

/** The target, warmed up, measured by `fn`. */
async function measured<T>(make: Promise<Target>, fn: (t: Target) => Promise<T>): Promise<T> {
  return withTarget(make, async (t) => {
    await warmUp(t);
    return fn(t);
  });
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
    const baseline = await measured(bareTarget(kind), (t) => pushRate(t, events));
    const value = await measured(cityTarget(kind), (t) => pushRate(t, events));
    report({ figure: `sync.push.${kind.label}.rate`, value, unit: 'ev/s', baseline, n: events, at: `${events} events, batches of ${RATE_BATCH}, 1 device` });
  }

  // The city in production runs on PostgreSQL; PGlite stands in where none is configured.
  const kind = kinds.at(-1)!;
  const baseline = await measured(bareTarget(kind), (t) => concurrentLatencies(t, devices, perDevice));
  const samples = await measured(cityTarget(kind), (t) => concurrentLatencies(t, devices, perDevice));
  report({
    figure: 'sync.concurrent200.p99',
    value: quantile(samples, 0.99),
    unit: 'ms',
    baseline: quantile(baseline, 0.99),
    n: samples.length,
    at: `${devices} devices × ${perDevice} events, batches of ${CONCURRENT_BATCH}, ${kind.label}`,
  });
}
