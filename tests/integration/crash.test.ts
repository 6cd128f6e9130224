// The crash harness in the suite (issue 15 item 1): scripts/crash-harness.ts at a smaller scale —
// 30 seeded kills of the desk's backend process (and of the city server at a push now and then)
// against each city store — with nothing lost, nothing doubled and the store sound after every
// kill. The full 200 kills: `npx tsx scripts/crash-harness.ts`.
import { describe, expect, it } from 'vitest';
import { type HarnessOptions, runCrashHarness } from '../../scripts/crash-harness';

const KILLS = 30;
const databaseUrl = process.env.TEST_DATABASE_URL;

const cities: { city: HarnessOptions['city']; skip?: string }[] = [
  { city: 'pglite' },
  { city: 'postgres', skip: databaseUrl ? undefined : 'skipped: set TEST_DATABASE_URL to a PostgreSQL database to run this variant' },
];

describe.each(cities)('the desk and the city killed at random — $city', ({ city, skip }) => {
  it.skipIf(skip !== undefined)(`${KILLS} kills lose nothing and double nothing`, { timeout: 1_200_000 }, async () => {
    const r = await runCrashHarness({ kills: KILLS, seed: 15, city, databaseUrl, cityKillShare: 0.3 });
    console.log(JSON.stringify(r));
    expect(r).toMatchObject({
      kills: KILLS,
      integrityFailures: 0,
      missingAfterKill: 0,
      lost: 0,
      doubled: 0,
      outboxDrained: true,
      eventsMissing: 0,
      eventsExtra: 0,
      quarantined: 0,
      unexpected: [],
    });
    // The run did what it claims: registrations through the kills, and the city killed at a push.
    expect(r.registrations).toBeGreaterThan(KILLS / 3);
    expect(r.steps).toBeGreaterThan(0);
    expect(r.cityKills).toBeGreaterThan(0);
    expect(r.killsMidPush).toBeGreaterThan(0);
  });
});
