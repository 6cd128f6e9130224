// The crash harness (issue 15 item 1): the desk's backend process registers visitors, takes
// lifecycle steps and syncs against a real city server process, and is killed with SIGKILL at
// seeded random moments, then started again; the city server is killed the same way while a
// push is arriving, and started again on the same database. After every kill the store must
// pass PRAGMA integrity_check and hold every registration and step whose call returned; at the
// end the outbox must drain and the city must hold each of the device's events exactly once and
// in order, and each matter once.
//
//   npx tsx scripts/crash-harness.ts [--kills 200] [--seed 1] [--city pglite|postgres|both]
//
// PostgreSQL needs TEST_DATABASE_URL (a scratch database is made and dropped). Prints one JSON
// line per city store: kills, registrations, lost, doubled, integrity failures and the rest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newStoreKey } from '../backend/host/storeKey';
import { DB_FILE } from '../backend/services/backend';
import { openCityDb } from '../server/store/db';
import { signIn } from '../tests/support/staff';
import { type CityProcess, freePort, startCityProcess } from '../tests/support/crash/cityProcess';
import { type DeskProcess, startDeskProcess } from '../tests/support/crash/deskProcess';
import { checkCity, checkStore, newLedger, readStore } from '../tests/support/crash/ledger';
import { createWorkload, seededRandom } from '../tests/support/crash/workload';
import { bundleBackend, bundleServer } from './bundles.mjs';
import { scratchDatabase } from './scratchPostgres';

const ROOT = path.resolve(import.meta.dirname, '..');
const ADMIN_TOKEN = 'crash-harness-admin';

export interface HarnessOptions {
  kills: number;
  seed: number;
  city: 'pglite' | 'postgres';
  /** PostgreSQL server to make a scratch database on (city: 'postgres'). */
  databaseUrl?: string;
  /** Share of the desk's lives in which the city is killed at a push too. */
  cityKillShare?: number;
  /** The desk is killed this long (ms, uniform) after it is signed in… */
  killWithinMs?: number;
  /** …or, this share of the time, while it is still starting. */
  killAtStartShare?: number;
  log?: (line: string) => void;
}

export interface HarnessResult {
  city: string;
  seed: number;
  kills: number;
  /** Kills while the city was receiving a push from the desk. */
  killsMidPush: number;
  cityKills: number;
  registrations: number;
  attempts: number;
  steps: number;
  lost: number;
  doubled: number;
  integrityFailures: number;
  /** After a kill: confirmed registrations or steps not in the store, or registered without an outbox event. */
  missingAfterKill: number;
  outboxDrained: boolean;
  events: number;
  eventsMissing: number;
  eventsExtra: number;
  quarantined: number;
  unexpected: string[];
  seconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runCrashHarness(o: HarnessOptions): Promise<HarnessResult> {
  const started = Date.now();
  const log = o.log ?? (() => {});
  // Two streams: when kills fall is reproducible whatever the work between them came to.
  const plan = seededRandom(o.seed);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-crash-'));
  // Inside the project, where the bundles find their packages.
  fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
  const bundles = fs.mkdtempSync(path.join(ROOT, 'build', 'crash-'));
  await bundleBackend(path.join(bundles, 'backend'));
  await bundleServer(path.join(bundles, 'server'));
  const scratch = o.city === 'postgres' ? await scratchDatabase(o.databaseUrl!, 'xf_crash') : null;
  const cityDir = path.join(work, 'city');
  const deskDir = path.join(work, 'desk');
  const store = path.join(deskDir, DB_FILE);
  const key = newStoreKey();
  const port = await freePort();
  const startCity = () =>
    startCityProcess({ entry: path.join(bundles, 'server/main.mjs'), port, adminToken: ADMIN_TOKEN, ...(scratch ? { databaseUrl: scratch.url } : { dataDir: cityDir }) });
  const startDesk = (): DeskProcess =>
    startDeskProcess({
      bundleDir: path.join(bundles, 'backend'),
      dataDir: deskDir,
      key,
      scryptCost: 2 ** 10,
      // Short delays, so that pushes are frequent and many kills land in the middle of one.
      sync: { allowInsecure: true, debounceMs: 50, timerMs: 1000, healthEveryMs: 1000, batchSize: 25, timeoutMs: 10_000 },
    });

  const ledger = newLedger();
  const workload = createWorkload(ledger, seededRandom(o.seed ^ 0x5bd1e995));
  const result = { kills: 0, killsMidPush: 0, cityKills: 0, integrityFailures: 0, missingAfterKill: 0 };
  let city: CityProcess = await startCity();
  // Set from the push listener, so the type checker cannot follow it: read through restarting().
  let cityRestart: Promise<void> | null = null;
  const restarting = (): Promise<void> | null => cityRestart;
  const killCityAtNextPush = (delayMs: number) =>
    city.onPush(() => {
      city.onPush(null);
      cityRestart ??= (async () => {
        await sleep(delayMs);
        await city.kill();
        result.cityKills++;
        city = await startCity();
      })().finally(() => (cityRestart = null));
    });

  try {
    // The first life enrols the device with the city; nothing is killed before that.
    let desk = startDesk();
    await signIn(desk.call, 'admin');
    const created = await fetch(`${city.url}/api/v1/admin/devices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ countyCode: '410102', name: '崩溃测试窗口' }),
    });
    const { enrollmentCode } = (await created.json()) as { enrollmentCode: string };
    const enrolled = await desk.call('sync.enroll', { serverUrl: city.url, code: enrollmentCode, name: '一号窗口' });
    if (!enrolled.ok) throw new Error(`enrol: ${enrolled.code} ${enrolled.message}`);
    await desk.stop();

    while (result.kills < o.kills) {
      desk = startDesk();
      const atStart = plan() < (o.killAtStartShare ?? 0.1);
      const killIn = plan() * (atStart ? 1500 : (o.killWithinMs ?? 2500));
      if (plan() < (o.cityKillShare ?? 0.25)) killCityAtNextPush(plan() * 50);
      if (atStart) {
        await sleep(killIn);
        await desk.kill();
      } else {
        await signIn(desk.call, 'supervisor');
        const working = workload.run(desk.call);
        await sleep(killIn);
        if (city.pushesInFlight() > 0) result.killsMidPush++;
        await desk.kill();
        await working;
      }
      result.kills++;
      const check = checkStore(store, key, ledger);
      if (check.integrity !== 'ok') result.integrityFailures++;
      const missing = check.missing.length + check.stepsMissing.length + check.unsent.length;
      result.missingAfterKill += missing;
      log(`kill ${result.kills}${atStart ? ' (starting)' : ''} after ${Math.round(killIn)} ms: ${ledger.registered.size} registered, integrity ${check.integrity}${missing ? `, MISSING ${missing}` : ''}; city kills ${result.cityKills}`);
    }

    city.onPush(null);
    for (let r = restarting(); r; r = restarting()) await r;
    // The last life: nothing is killed; the outbox must drain.
    desk = startDesk();
    await signIn(desk.call, 'supervisor');
    let drained = false;
    for (const until = Date.now() + 300_000; !drained && Date.now() < until; ) {
      const r = await desk.call('sync.now', {});
      const s = readStore(store, key);
      drained = r.ok && (r.value as { waiting: number }).waiting === 0 && s.acked === (s.outbox.at(-1)?.seq ?? 0);
      if (!drained) await sleep(500);
    }
    await desk.stop();
    const final = checkStore(store, key, ledger);
    if (final.integrity !== 'ok') result.integrityFailures++;
    const local = readStore(store, key);
    await city.stop();
    const cityDb = await openCityDb(scratch ? { databaseUrl: scratch.url } : { dataDir: cityDir });
    const atCity = await checkCity(cityDb.db, local, ledger).finally(() => cityDb.close());
    return {
      city: o.city,
      seed: o.seed,
      ...result,
      registrations: ledger.registered.size,
      attempts: workload.tally.attempts,
      steps: [...ledger.steps.values()].reduce((a, b) => a + b, 0),
      lost: atCity.lost + final.missing.length,
      doubled: atCity.doubled,
      outboxDrained: local.acked === (local.outbox.at(-1)?.seq ?? 0),
      events: local.outbox.length,
      eventsMissing: atCity.eventsMissing,
      eventsExtra: atCity.eventsExtra,
      quarantined: atCity.quarantined,
      unexpected: workload.tally.unexpected,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    city.onPush(null);
    await restarting()?.catch(() => {});
    await city.kill();
    await scratch?.drop();
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(bundles, { recursive: true, force: true });
  }
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kills = Number(arg('kills', '200'));
  const seed = Number(arg('seed', '1'));
  const which = arg('city', 'both');
  const databaseUrl = process.env.TEST_DATABASE_URL;
  const cities = (which === 'both' ? ['pglite', 'postgres'] : [which]) as HarnessOptions['city'][];
  for (const city of cities) {
    if (city === 'postgres' && !databaseUrl) {
      console.log(JSON.stringify({ city, skipped: 'TEST_DATABASE_URL is not set' }));
      continue;
    }
    const r = await runCrashHarness({ kills, seed, city, databaseUrl, log: (l) => console.error(`[${city}] ${l}`) });
    console.log(JSON.stringify(r));
  }
}
