// sync.catchup.slowlink.s (DESIGN.md §7, issue 15 item 5): a month of backlog — 2,000
// registrations and 20 scanned attachments of 500 KB — synced over a 1 Mbit/s line with a 300 ms
// round trip that cuts 1 % of its connections mid-transfer (tests/support/slowLink.ts), seconds
// from the line coming back until everything is at the city. Baseline: the line's floor, the
// attachment bytes plus all events gzipped as one stream, ÷ the rate. Target: ≤ 1.5× the floor.
import { report } from './report';
import { slowLinkCatchup } from '../tests/support/slowLinkCatchup';

const BITS_PER_SECOND = 1_000_000;

export async function run({ quick }: { quick: boolean }): Promise<void> {
  const registrations = quick ? 200 : 2000;
  const attachments = quick ? 2 : 20;
  const r = await slowLinkCatchup({
    registrations,
    attachments,
    attachmentBytes: 500_000,
    bitsPerSecond: BITS_PER_SECOND,
    roundTripMs: 300,
    cutShare: 0.01,
    seed: 1,
    timeoutMs: 1_800_000,
  });
  // A figure for a run that lost or doubled something would measure the wrong thing.
  const c = r.city;
  if (c.eventsMissing || c.eventsExtra || c.lost || c.doubled || r.attachmentsAtCity.length !== attachments || !r.attachmentsAtCity.every((a) => a.intact)) {
    throw new Error(`slow-link catch-up incomplete: ${JSON.stringify({ city: c, attachments: r.attachmentsAtCity.length })}`);
  }
  report({
    figure: 'sync.catchup.slowlink.s',
    value: r.seconds,
    unit: 's',
    baseline: r.floorSeconds,
    n: 1,
    at: `${registrations} registrations (${r.events} events), ${attachments}×500 KB attachments, 1 Mbit/s, 300 ms round trip, 1% of connections cut (${r.link.cut} of ${r.link.connections})`,
  });
}
