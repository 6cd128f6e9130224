// The sync scheduler (DESIGN.md §4): one push at a time, on start, after local writes
// (debounced), on a timer, when the network comes back and on 立即同步. Status is derived
// from the outbox itself, never from a flag.
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { LocalDb } from '../../db/open';
import { attachmentsNotUploaded, markUploaded } from '../../db/attachments';
import { eventsAfter, waitingStats } from '../../db/outbox';
import { applyPulledPage } from '../../db/pulled';
import { getDevice, getSyncState, rejections, recordFailure, recordSuccess, rewindAck, saveEnrollment } from '../../db/syncState';
import { err, ok, type Result } from '../../domain/result';
import type { enrollInputSchema, SyncStatus } from '../../domain/rpc/contract';
import type { LookupRequest, LookupResponse } from '../../domain/sync/lookup';
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, type SyncEvent } from '../../domain/sync/events';
import { backoffDelay } from './backoff';
import type { CityClient, Failure } from './cityClient';
import { ENROLL_MESSAGES, FATAL_SYNC_ERRORS, SYNC_MESSAGES, type SyncErrorCode } from './messages';

export interface SyncEngineOptions {
  db: LocalDb;
  client: CityClient;
  now: () => Date;
  random?: () => number;
  batchSize?: number;
  debounceMs?: number;
  timerMs?: number;
  healthEveryMs?: number;
  log?: (msg: string, detail?: unknown) => void;
  /** Bytes of a stored attachment by its sha256, or null when the file is gone. */
  attachmentBytes?: (sha256: string) => Buffer | null;
  /** Called after a pull brought reference data, so the services re-read it. */
  onReferencePulled?: () => void;
}

// Headroom under the city's 4 MiB limit for the envelope around the events.
const BATCH_BYTE_BUDGET = MAX_BATCH_BYTES - 64 * 1024;
const MAX_REWINDS_PER_RUN = 3;
const MAX_PULL_PAGES = 50;
const ATTACHMENT_CHUNK_BYTES = 1024 * 1024;

type Enrolled = { serverUrl: string; token: string; deviceId: string };

/** The longest prefix of `events` that fits the city's count and size limits (at least one). */
function fitBatch(events: SyncEvent[], maxEvents: number): SyncEvent[] {
  let bytes = 0;
  const out: SyncEvent[] = [];
  for (const e of events.slice(0, maxEvents)) {
    bytes += Buffer.byteLength(JSON.stringify(e)) + 1;
    if (out.length > 0 && bytes > BATCH_BYTE_BUDGET) break;
    out.push(e);
  }
  return out;
}

export function createSyncEngine(o: SyncEngineOptions) {
  const random = o.random ?? Math.random;
  const batchSize = Math.min(o.batchSize ?? MAX_BATCH_EVENTS, MAX_BATCH_EVENTS);
  const log = o.log ?? (() => {});
  let running: Promise<void> | null = null;
  let online: boolean | null = null;
  let progress: SyncStatus['progress'] = null;
  let attempt = 0;
  let stopped = true;
  let retryTimer: NodeJS.Timeout | null = null;
  let debounceTimer: NodeJS.Timeout | null = null;
  let periodic: NodeJS.Timeout | null = null;
  let health: NodeJS.Timeout | null = null;

  const nowIso = () => o.now().toISOString();
  /** The device's clock minus the city's; an answer without a Date header keeps the last one measured. */
  const clockOffset = (serverDate: number | null) => (serverDate === null ? getSyncState(o.db).clockOffsetMs : o.now().getTime() - serverDate);

  function status(): SyncStatus {
    const dev = getDevice(o.db);
    const st = getSyncState(o.db);
    const w = waitingStats(o.db, st.lastAckedSeq);
    return {
      enrolled: dev.token !== null,
      serverUrl: dev.serverUrl,
      deviceCode: dev.deviceCode,
      countyCode: dev.countyCode,
      online,
      syncing: running !== null,
      waiting: w.waiting,
      oldestWaitingAt: w.oldestWaitingAt,
      lastSuccessAt: st.lastSuccessAt,
      lastError: st.lastErrorCode ? { code: st.lastErrorCode, message: st.lastErrorMessage ?? '' } : null,
      progress,
      rejected: rejections(o.db),
    };
  }

  function fail(f: Failure): void {
    log('sync failed', f);
    recordFailure(o.db, { at: nowIso(), code: f.code, message: SYNC_MESSAGES[f.code] });
    online = !(f.code === 'server_unreachable' || f.code === 'timeout');
    if (FATAL_SYNC_ERRORS.has(f.code)) return;
    const delay = backoffDelay(attempt++, random, f.retryAfterMs);
    schedule('retry', delay);
  }

  /**
   * Timers, local writes and the network coming back push only while no error stands that
   * retrying cannot fix (a revoked device would otherwise knock every few minutes for ever).
   * Read from sync_state, so it holds across restarts until 立即同步 or a new enrolment.
   */
  function autoSync(): void {
    const code = getSyncState(o.db).lastErrorCode as SyncErrorCode | null;
    if (code && FATAL_SYNC_ERRORS.has(code)) return;
    void syncNow();
  }

  function schedule(kind: 'retry' | 'debounce', ms: number): void {
    if (stopped) return;
    const t = setTimeout(autoSync, ms);
    t.unref();
    if (kind === 'retry') {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = t;
    } else {
      if (debounceTimer) clearTimeout(debounceTimer);
      debounceTimer = t;
    }
  }

  /** Pushes the outbox; true when everything waiting was acknowledged. */
  async function pushAll(dev: Enrolled): Promise<boolean> {
    let rewinds = 0;
    const startAcked = getSyncState(o.db).lastAckedSeq;
    const total = waitingStats(o.db, startAcked).waiting;
    for (;;) {
      const acked = getSyncState(o.db).lastAckedSeq;
      const batch = fitBatch(eventsAfter(o.db, acked, batchSize), batchSize);
      if (batch.length === 0) break;
      progress = { sent: Math.max(0, acked - startAcked), total };
      const r = await o.client.push(dev.serverUrl, dev.token, { deviceId: dev.deviceId, batchId: randomUUID(), events: batch });
      if (!r.ok) {
        if (r.code === 'seq_gap' && r.expectedSeq !== undefined && rewinds++ < MAX_REWINDS_PER_RUN) {
          rewindAck(o.db, Math.max(0, r.expectedSeq - 1));
          continue;
        }
        fail(r);
        return false;
      }
      recordSuccess(o.db, { ackedSeq: r.value.ackedSeq, at: nowIso(), clockOffsetMs: clockOffset(r.serverDate), rejected: r.value.rejected });
      online = true;
      attempt = 0;
      if (r.value.ackedSeq <= acked) {
        fail({ ok: false, code: 'bad_response', detail: `ackedSeq did not advance from ${acked}`, retryAfterMs: null });
        return false;
      }
    }
    return true;
  }

  /** Reference data and city decisions, page by page, each page in one local transaction. */
  async function pullAll(dev: Enrolled): Promise<boolean> {
    for (let page = 0; page < MAX_PULL_PAGES; page++) {
      const r = await o.client.pull(dev.serverUrl, dev.token, getSyncState(o.db).pullCursor);
      if (!r.ok) {
        fail(r);
        return false;
      }
      applyPulledPage(o.db, r.value);
      if (r.value.reference.length > 0) o.onReferencePulled?.();
      if (!r.value.hasMore) break;
    }
    return true;
  }

  /**
   * Attachment bytes follow their events (the city must know the matter first): uploaded only
   * once the outbox is empty, resumed from what the city already holds.
   */
  async function uploadAttachments(dev: Enrolled): Promise<boolean> {
    for (const a of attachmentsNotUploaded(o.db, 100)) {
      const bytes = o.attachmentBytes?.(a.sha256);
      if (!bytes) continue;
      // A file damaged on this disk would be refused by the city every time: say so, go on with the rest.
      if (createHash('sha256').update(bytes).digest('hex') !== a.sha256) {
        recordFailure(o.db, { at: nowIso(), code: 'attachment_corrupt', message: `${SYNC_MESSAGES.attachment_corrupt}（${a.fileName}）` });
        continue;
      }
      const at = await o.client.attachmentOffset(dev.serverUrl, dev.token, a.sha256);
      if (!at.ok) {
        fail(at);
        return false;
      }
      let offset = at.value.complete ? bytes.length : at.value.offset;
      while (offset < bytes.length) {
        const chunk = bytes.subarray(offset, offset + ATTACHMENT_CHUNK_BYTES);
        const r = await o.client.uploadAttachmentChunk(dev.serverUrl, dev.token, a.sha256, chunk, offset, bytes.length);
        if (!r.ok) {
          fail(r);
          return false;
        }
        offset += chunk.length;
      }
      markUploaded(o.db, a.sha256, nowIso());
    }
    return true;
  }

  async function runSync(): Promise<void> {
    const dev = getDevice(o.db);
    if (!dev.token || !dev.serverUrl || !dev.deviceId) return;
    const enrolled: Enrolled = { serverUrl: dev.serverUrl, token: dev.token, deviceId: dev.deviceId };
    if (!(await pushAll(enrolled))) return;
    if (!(await pullAll(enrolled))) return;
    await uploadAttachments(enrolled);
  }

  /** One sync at a time: a second call joins the one already running. */
  function syncNow(): Promise<SyncStatus> {
    if (!running) {
      if (retryTimer) clearTimeout(retryTimer);
      running = runSync()
        .catch((e: unknown) => log('sync crashed', e))
        .finally(() => {
          running = null;
          progress = null;
        });
    }
    return running.then(status);
  }

  async function checkHealth(): Promise<void> {
    const dev = getDevice(o.db);
    if (!dev.serverUrl) return;
    const was = online;
    const r = await o.client.health(dev.serverUrl);
    online = r.ok;
    if (online && was === false && status().waiting > 0) autoSync();
  }

  async function enroll(input: z.output<typeof enrollInputSchema>): Promise<Result<SyncStatus>> {
    const url = input.serverUrl.replace(/\/+$/, '');
    const r = await o.client.enroll(url, input.code, input.name);
    if (!r.ok) return err(r.code, ENROLL_MESSAGES[r.code] ?? SYNC_MESSAGES[r.code], r.code === 'enroll_code_invalid' ? 'code' : 'serverUrl');
    saveEnrollment(o.db, { serverUrl: url, ...r.value, enrolledAt: nowIso() });
    // Enrolment is a successful exchange with the city: it clears an error a re-enrolment was
    // meant to fix (say device_unauthorized) and measures the clock offset before any matter
    // registered from now on needs it.
    const st = getSyncState(o.db);
    recordSuccess(o.db, { ackedSeq: st.lastAckedSeq, at: nowIso(), clockOffsetMs: clockOffset(r.serverDate), rejected: [] });
    online = true;
    return ok(await syncNow());
  }

  /** The city's answer about a person, or null when not enrolled or the city cannot be reached. */
  async function cityLookup(q: LookupRequest): Promise<LookupResponse | null> {
    const dev = getDevice(o.db);
    if (!dev.token || !dev.serverUrl) return null;
    const r = await o.client.lookup(dev.serverUrl, dev.token, q);
    return r.ok ? r.value : null;
  }

  return {
    status,
    syncNow,
    enroll,
    cityLookup,
    afterLocalWrite(): void {
      schedule('debounce', o.debounceMs ?? 2000);
    },
    start(): void {
      stopped = false;
      void checkHealth().then(autoSync);
      periodic = setInterval(autoSync, o.timerMs ?? 5 * 60 * 1000);
      periodic.unref();
      health = setInterval(() => void checkHealth(), o.healthEveryMs ?? 30_000);
      health.unref();
    },
    async stop(): Promise<void> {
      stopped = true;
      for (const t of [retryTimer, debounceTimer]) if (t) clearTimeout(t);
      for (const t of [periodic, health]) if (t) clearInterval(t);
      await running;
    },
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
