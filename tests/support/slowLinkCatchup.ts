// A month of backlog reaching the city over a slow, lossy line (issue 15 item 5), for the test
// (at a faster rate) and the bench `sync.catchup.slowlink.s` (at 1 Mbit/s): a device enrolled
// with a real city server through the slow link (slowLink.ts) registers visitors and scans
// attachments while the line is down, then its sync scheduler starts and the clock runs until
// the outbox has drained and every attachment is at the city. Returns the time beside the
// line's floor — the attachment bytes plus all events gzipped as one stream, ÷ the rate — and
// what the city holds, to check that everything arrived exactly once.
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { attachmentsNotUploaded } from '../../db/attachments';
import { buildApp } from '../../server/app';
import { openCityDb } from '../../server/store/db';
import { attachments } from '../../server/store/schema';
import { testBackend, validVisit } from './backend';
import { checkCity, type CityCheck } from './crash/ledger';
import { personNumber, seededRandom } from './crash/workload';
import { ADMIN_TOKEN, admin } from './cityFixtures';
import { drained, localOutbox, waitFor } from './faultProxy';
import { startSlowLink } from './slowLink';

export interface CatchupOptions {
  registrations: number;
  attachments: number;
  attachmentBytes: number;
  bitsPerSecond: number;
  roundTripMs: number;
  cutShare: number;
  /** A cut connection is cut within this many bytes (slowLink.ts). */
  cutWithinBytes?: number;
  seed: number;
  /** Give up after this long. */
  timeoutMs: number;
}

/** One attachment PUT the device made: which file, from which byte, how many, and whether an answer came. */
export interface PutSeen {
  sha256: string;
  start: number;
  length: number;
  answered: boolean;
}

export interface CatchupResult {
  seconds: number;
  floorSeconds: number;
  events: number;
  city: CityCheck;
  attachmentsAtCity: { sha256: string; size: number; intact: boolean }[];
  attachmentShas: string[];
  puts: PutSeen[];
  link: { connections: number; cut: number; bytesUp: number; bytesDown: number };
}

/** fetch that notes every attachment PUT the sync client makes. */
function recordingFetch(puts: PutSeen[]): typeof fetch {
  return async (input, init) => {
    const url = String(input);
    const m = /\/sync\/attachments\/([0-9a-f]{64})$/.exec(url);
    if (!m || init?.method !== 'PUT') return fetch(input, init);
    const range = /^bytes (\d+)-/.exec(new Headers(init.headers).get('content-range') ?? '');
    const seen: PutSeen = { sha256: m[1]!, start: range ? Number(range[1]) : 0, length: (init.body as Uint8Array).length, answered: false };
    puts.push(seen);
    const res = await fetch(input, init);
    seen.answered = true;
    return res;
  };
}

export async function slowLinkCatchup(o: CatchupOptions): Promise<CatchupResult> {
  // Apart, so that the backoff's draws do not move which connections the line cuts.
  const lineRandom = seededRandom(o.seed);
  const backoffRandom = seededRandom(o.seed + 1);
  const cityDb = await openCityDb({});
  const app = await buildApp({ db: cityDb.db, adminToken: ADMIN_TOKEN, rateLimitPerMinute: 100_000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const link = await startSlowLink({
    upstreamPort: (app.server.address() as AddressInfo).port,
    bitsPerSecond: o.bitsPerSecond,
    roundTripMs: o.roundTripMs,
    cutShare: o.cutShare,
    cutWithinBytes: o.cutWithinBytes,
    random: lineRandom,
  });
  const puts: PutSeen[] = [];
  const backend = testBackend({ fetch: recordingFetch(puts), sync: { random: backoffRandom, timeoutMs: 120_000 } });
  try {
    const created = await app.inject({ method: 'POST', url: '/api/v1/admin/devices', headers: admin, payload: { countyCode: '410102', name: '乡镇窗口' } });
    const enrolled = await backend.callAs('admin', 'sync.enroll', { serverUrl: link.url, code: created.json().enrollmentCode, name: '乡镇窗口' });
    if (!enrolled.ok) throw new Error(`enrol: ${enrolled.code} ${enrolled.message}`);

    // The month offline: registrations, and scans of some of them.
    const matterIds: string[] = [];
    for (let n = 1; n <= o.registrations; n++) {
      const r = await backend.dispatch('intake.register', {
        ...validVisit,
        visitor: { ...validVisit.visitor, credential: { type: 'resident', number: personNumber(n) }, name: `来访人${n}` },
        summary: `第${n}位来访人反映的问题：${validVisit.summary}`,
      });
      if (!r.ok) throw new Error(`register ${n}: ${r.code} ${r.message}`);
      matterIds.push((r.value as { matterId: string }).matterId);
    }
    const attachmentShas: string[] = [];
    for (let i = 0; i < o.attachments; i++) {
      // A scan is already compressed: its bytes look random to gzip.
      const bytes = randomBytes(o.attachmentBytes);
      const r = await backend.dispatch('attachments.add', { matterId: matterIds[i]!, fileName: `扫描件${i + 1}.jpg`, mime: 'image/jpeg', dataBase64: bytes.toString('base64') });
      if (!r.ok) throw new Error(`attach ${i}: ${r.code} ${r.message}`);
      attachmentShas.push(createHash('sha256').update(bytes).digest('hex'));
    }

    // The line comes back: the scheduler does the rest, retries and backoff included.
    const started = performance.now();
    backend.sync.start();
    await waitFor(() => drained(backend) && attachmentsNotUploaded(backend.db, 1).length === 0, o.timeoutMs, 'the backlog to reach the city');
    const seconds = (performance.now() - started) / 1000;
    await backend.sync.stop();

    const outbox = localOutbox(backend);
    const eventBytes = gzipSync(Buffer.from(JSON.stringify(outbox))).length;
    const floorSeconds = ((o.attachments * o.attachmentBytes + eventBytes) * 8) / o.bitsPerSecond;
    const local = {
      outbox: outbox.map((e) => ({ seq: e.seq, id: e.id })),
      matters: backend.db.$client.prepare('SELECT id, matter_no AS no FROM matter').all() as { id: string; no: string }[],
      deviceId: deviceIdOf(backend),
      acked: 0,
    };
    const registered = new Map(local.matters.map((m) => [m.id, m.no]));
    const city = await checkCity(cityDb.db, local, { registered, steps: new Map() });
    const held = await cityDb.db.select({ sha256: attachments.sha256, size: attachments.size, bytes: attachments.bytes }).from(attachments).where(eq(attachments.countyCode, '410102'));
    return {
      seconds,
      floorSeconds,
      events: outbox.length,
      city,
      attachmentsAtCity: held.map((a) => ({ sha256: a.sha256, size: a.size, intact: createHash('sha256').update(a.bytes).digest('hex') === a.sha256 })),
      attachmentShas,
      puts,
      link: { ...link.stats },
    };
  } finally {
    await backend.close();
    await link.close();
    await app.close();
    await cityDb.close();
  }
}

function deviceIdOf(backend: ReturnType<typeof testBackend>): string {
  return (backend.db.$client.prepare('SELECT device_id AS d FROM device WHERE id = 1').get() as { d: string }).d;
}
