// The servers the sync bench pushes to, each run in a process of its own as the city server runs
// in production, so that the simulated devices (the bench process) and the server do not share
// one event loop: `node --import tsx bench/syncServer.ts city|bare [postgres-url]`.
//   city — the real city server (buildApp), logging off, rate limits out of the way (in production
//          every device pushes from its own address);
//   bare — the baseline: parse the JSON batch and insert its events into one table in one
//          statement, on the same kind of database.
// The administrator's token comes in CITY_ADMIN_TOKEN, as for `npm run server`. Prints one JSON
// line {"url": ...} once listening; closes cleanly on SIGTERM.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { SyncEvent } from '../domain/sync/events';
import { buildApp } from '../server/app';
import { openCityDb } from '../server/store/db';

type Started = { url: string; close: () => Promise<void> };

async function city(databaseUrl: string | undefined): Promise<Started> {
  const handle = await openCityDb({ databaseUrl });
  const app = await buildApp({ db: handle.db, adminToken: process.env.CITY_ADMIN_TOKEN ?? '', rateLimitPerMinute: 10_000_000, enrollRateLimitPerMinute: 10_000_000 });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

async function bare(databaseUrl: string | undefined): Promise<Started> {
  const createSql = `CREATE TABLE bare_events (device_id text NOT NULL, seq integer NOT NULL, event_id uuid NOT NULL, type text NOT NULL,
    entity_id uuid NOT NULL, occurred_at text NOT NULL, payload jsonb NOT NULL, PRIMARY KEY (device_id, seq))`;
  const insertSql = `INSERT INTO bare_events SELECT $1, e.seq, e.id, e.type, e."entityId", e."occurredAt", e.payload
    FROM jsonb_to_recordset($2::jsonb) AS e(seq integer, id uuid, type text, "entityId" uuid, "occurredAt" text, payload jsonb)`;
  let query: (sql: string, params?: unknown[]) => Promise<unknown>;
  let closeDb: () => Promise<void>;
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl });
    query = (sql, params) => pool.query(sql, params);
    closeDb = () => pool.end();
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
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeDb();
    },
  };
}

const [kind, databaseUrl] = process.argv.slice(2);
if (kind !== 'city' && kind !== 'bare') throw new Error(`syncServer: unknown kind ${kind}`);
const started = await (kind === 'city' ? city : bare)(databaseUrl);
process.on('SIGTERM', () => void started.close().then(() => process.exit(0)));
console.log(JSON.stringify({ url: started.url }));
