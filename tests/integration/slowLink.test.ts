// Slow links (issue 15 item 5): a month of backlog — 2,000 registrations and 20 scanned
// attachments of 500 KB — crosses a throttled line with a 300 ms round trip that cuts
// connections mid-transfer, and arrives completely and exactly once; attachment uploads cut off
// resume from where they broke. At 8 Mbit/s to stay short (the bench runs it at 1 Mbit/s), and
// every connection cut within its first megabyte rather than the bench's 1 % of connections, so
// that cuts land in the middle of pushes, answers and uploads.
import { expect, it } from 'vitest';
import { slowLinkCatchup } from '../support/slowLinkCatchup';

const ATTACHMENT_CHUNK_BYTES = 1024 * 1024;

it('a month of backlog arrives whole and once over a slow, lossy line', { timeout: 900_000 }, async () => {
  const r = await slowLinkCatchup({
    registrations: 2000,
    attachments: 20,
    attachmentBytes: 500_000,
    bitsPerSecond: 8_000_000,
    roundTripMs: 300,
    cutShare: 1,
    cutWithinBytes: 1_000_000,
    seed: 7,
    timeoutMs: 600_000,
  });
  console.log(JSON.stringify({ seconds: r.seconds, floorSeconds: r.floorSeconds, events: r.events, link: r.link, puts: r.puts.length }));

  // Every event once, in order; every matter once; every file whole.
  expect(r.city).toMatchObject({ eventsMissing: 0, eventsExtra: 0, quarantined: 0, lost: 0, doubled: 0, localMatters: 2000, cityMatters: 2000 });
  expect(r.events).toBeGreaterThan(2000);
  expect(r.attachmentsAtCity.map((a) => a.sha256).sort()).toEqual([...r.attachmentShas].sort());
  expect(r.attachmentsAtCity.every((a) => a.intact && a.size === 500_000)).toBe(true);

  // The line was cut, and uploads it cut went on from the bytes the city had kept.
  expect(r.link.cut).toBeGreaterThan(0);
  const cutPuts = r.puts.filter((p) => !p.answered);
  expect(cutPuts.length).toBeGreaterThan(0);
  const resumed = r.puts.filter((p) => p.start % ATTACHMENT_CHUNK_BYTES !== 0);
  expect(resumed.length).toBeGreaterThan(0);
  // No file was sent again from its first byte once the city held part of it.
  for (const sha of r.attachmentShas) {
    const starts = r.puts.filter((p) => p.sha256 === sha).map((p) => p.start);
    expect(starts, sha).toEqual([...starts].sort((a, b) => a - b));
  }
});
