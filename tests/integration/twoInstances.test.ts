// Past one machine (issue 15 item 8): two city server processes on one PostgreSQL behind a
// round-robin balancer, so each device's consecutive pushes land on both, and some answers are
// lost so batches come again to the other instance. Every device's events are at the city
// exactly once and in order, each matter in the state its window left it, and the figures are
// those one instance computes from the same events.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { type CityDbHandle, openCityDb } from '../../server/store/db';
import { matters } from '../../server/store/schema';
import { bundleServer } from '../../scripts/bundles.mjs';
import { OUTBOX_RECORDS, testBackend } from '../support/backend';
import { ADMIN_TOKEN, admin, bearer } from '../support/cityFixtures';
import { scratchDatabase } from '../../scripts/scratchPostgres';
import { type CityProcess, freePort, startCityProcess } from '../support/crash/cityProcess';
import { checkCity } from '../support/crash/ledger';
import { beijingNow, personNumber, seededRandom } from '../support/crash/workload';
import { drained, localOutbox, waitFor } from '../support/faultProxy';
import { type RoundRobin, startRoundRobin } from '../support/roundRobin';

const databaseUrl = process.env.TEST_DATABASE_URL;
const ROOT = path.resolve(import.meta.dirname, '../..');
const DEVICES = 4;
const VISITS = 40;

type Backend = ReturnType<typeof testBackend>;

describe.skipIf(!databaseUrl)(
  databaseUrl ? 'two city server instances on one PostgreSQL' : 'two city instances — skipped: TEST_DATABASE_URL is not set, and two instances share one PostgreSQL (PGlite belongs to one process)',
  () => {
    const drops: (() => Promise<void>)[] = [];
    const instances: CityProcess[] = [];
    let balancer: RoundRobin;
    let shared: CityDbHandle;
    let bundle: string;
    const backends: Backend[] = [];

    beforeAll(async () => {
      const scratch = await scratchDatabase(databaseUrl!, 'city_test');
      drops.push(scratch.drop);
      fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
      bundle = fs.mkdtempSync(path.join(ROOT, 'build', 'two-'));
      await bundleServer(bundle);
      // Both start at once: their migrations meet on the one database.
      const ports = [await freePort(), await freePort()];
      instances.push(...(await Promise.all(ports.map((port) => startCityProcess({ entry: path.join(bundle, 'main.mjs'), port, adminToken: ADMIN_TOKEN, databaseUrl: scratch.url })))));
      balancer = await startRoundRobin(
        instances.map((i) => i.url),
        seededRandom(8),
      );
      shared = await openCityDb({ databaseUrl: scratch.url });
    }, 300_000);

    afterAll(async () => {
      await Promise.all(backends.map((b) => b.close()));
      await balancer?.close();
      await Promise.all(instances.map((i) => i.stop()));
      await shared?.close();
      for (const drop of drops) await drop();
      if (bundle) fs.rmSync(bundle, { recursive: true, force: true });
    });

    /** Enrols a new window through the balancer (one at a time, so device codes follow this order). */
    async function enrolledWindow(): Promise<Backend> {
      const created = await fetch(`${balancer.url}/api/v1/admin/devices`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ countyCode: '410102', name: '窗口' }),
      });
      const backend = testBackend({ sync: { batchSize: 7 } });
      backends.push(backend);
      const r = await backend.callAs('admin', 'sync.enroll', { serverUrl: balancer.url, code: ((await created.json()) as { enrollmentCode: string }).enrollmentCode, name: '窗口' });
      if (!r.ok) throw new Error(`enrol: ${r.code} ${r.message}`);
      return backend;
    }

    /** A window's day: registrations, steps on some of them, and 立即同步 now and then. */
    async function workDay(b: Backend, first: number): Promise<void> {
      for (let n = first; n < first + VISITS; n++) {
        const r = await b.dispatch('intake.register', {
          visitor: { credential: { type: 'resident', number: personNumber(n) }, name: `来访人${n}`, mobile: '13800138000', current: { region: '410102', detail: '建设路1号' } },
          headcount: 1 + (n % 4),
          categoryCode: '0101',
          placeRegion: '410102',
          summary: `第${n}位来访人反映的问题`,
        });
        if (!r.ok) throw new Error(`register: ${r.code} ${r.message}`);
        const { matterId } = r.value as { matterId: string };
        if (n % 3 !== 0) await b.dispatch('matters.command', { matterId, command: { type: 'classify', class: 'complaint', route: 'petition-procedure', body: '县住建局', at: beijingNow() } });
        if (n % 3 === 1) await b.dispatch('matters.command', { matterId, command: { type: 'accept', at: beijingNow() } });
        if (n % 4 === 0) await b.sync.syncNow();
      }
    }

    it('holds every event of every device once and in order, and the figures one instance computes', { timeout: 900_000 }, async () => {
      for (let i = 0; i < DEVICES; i++) await enrolledWindow();
      balancer.loseShare(0.1);
      await Promise.all(backends.map((b, i) => workDay(b, 1 + i * VISITS)));
      balancer.loseShare(0);
      for (const b of backends) {
        await waitFor(
          async () => {
            await b.sync.syncNow();
            return drained(b);
          },
          120_000,
          'the outbox to drain',
        );
      }
      // Both instances took pushes, and some answers were lost on the way back.
      const pushes = balancer.served.filter((s) => s.path === '/api/v1/sync/push');
      expect(new Set(pushes.map((p) => p.instance))).toEqual(new Set([0, 1]));
      expect(pushes.some((p) => p.lost)).toBe(true);

      for (const b of backends) {
        const local = {
          outbox: localOutbox(b).map((e) => ({ seq: e.seq, id: e.id })),
          matters: b.db.$client.prepare('SELECT id, matter_no AS no FROM matter').all() as { id: string; no: string }[],
          deviceId: (b.db.$client.prepare('SELECT device_id AS d FROM device WHERE id = 1').get() as { d: string }).d,
          acked: 0,
        };
        const registered = new Map(local.matters.map((m) => [m.id, m.no]));
        expect(await checkCity(shared.db, local, { registered, steps: new Map() })).toMatchObject({
          eventsMissing: 0,
          eventsExtra: 0,
          quarantined: 0,
          lost: 0,
          doubled: 0,
          cityMatters: VISITS,
        });
        // Steps applied in their order leave each matter where the window left it.
        const atCity = await shared.db.select({ id: matters.matterId, status: matters.status }).from(matters).where(eq(matters.deviceId, local.deviceId));
        const here = b.db.$client.prepare('SELECT id, status FROM matter').all() as { id: string; status: string }[];
        expect(new Map(atCity.map((m) => [m.id, m.status]))).toEqual(new Map(here.map((m) => [m.id, m.status])));
      }

      // One instance, given the same devices' outboxes, computes the same figures.
      const single = await scratchDatabase(databaseUrl!, 'city_test');
      drops.push(single.drop);
      const one = await openCityDb({ databaseUrl: single.url });
      const app = await buildApp({ db: one.db, adminToken: ADMIN_TOKEN, rateLimitPerMinute: 100_000, enrollRateLimitPerMinute: 100_000 });
      try {
        for (const b of backends) {
          const created = await app.inject({ method: 'POST', url: '/api/v1/admin/devices', headers: admin, payload: { countyCode: '410102', name: '窗口' } });
          const enrolled = await app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code: created.json().enrollmentCode, name: '窗口' } });
          const { deviceId, token } = enrolled.json() as { deviceId: string; token: string };
          const events = localOutbox(b);
          for (let i = 0; i < events.length; i += 500) {
            const r = await app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: bearer(token), payload: { deviceId, batchId: crypto.randomUUID(), events: events.slice(i, i + 500) } });
            expect(r.statusCode, r.body).toBe(200);
          }
        }
        const today = beijingNow().slice(0, 10);
        const query = `/api/v1/admin/figures?from=${today.slice(0, 4)}-01-01&to=${today}`;
        const expected = (await app.inject({ method: 'GET', url: query, headers: admin })).json();
        expect(expected.total.visits).toBe(DEVICES * VISITS);
        for (const instance of instances) {
          const got = await fetch(`${instance.url}${query}`, { headers: admin });
          expect(await got.json()).toEqual(expected);
        }
        // The window's own records (not its audit lines) were all among what crossed.
        expect(backends.every((b) => (b.db.$client.prepare(`SELECT count(*) AS n FROM ${OUTBOX_RECORDS}`).get() as { n: number }).n > VISITS)).toBe(true);
      } finally {
        await app.close();
        await one.close();
      }
    });
  },
);
