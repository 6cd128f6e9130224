// The device's sync client (DESIGN.md §4), assembled: the scheduler decides when a run happens;
// a run pushes the outbox, then pulls what the city sends down, then uploads attachment bytes.
// Enrolment and the city-wide person lookup go through the same client and the same checks.
import type { z } from 'zod';
import type { LocalDb } from '../../db/open';
import { getDevice, getSyncState, recordFailure, recordSuccess, saveEnrollment } from '../../db/syncState';
import { err, ok, type Result } from '../../domain/result';
import type { enrollInputSchema, SyncStatus } from '../../domain/rpc/contract';
import type { LookupRequest, LookupResponse } from '../../domain/sync/lookup';
import { MAX_BATCH_EVENTS } from '../../domain/sync/events';
import type { ReferenceKey } from '../../domain/sync/pull';
import type { CityClient, Failure } from './cityClient';
import { ENROLL_MESSAGES, FATAL_SYNC_ERRORS, OFFLINE_SYNC_ERRORS, SYNC_MESSAGES, type SyncErrorCode } from './messages';
import { pullAll } from './pull';
import { queueAuditForSync } from '../../db/audit';
import { pushAll } from './push';
import { clockOffset, type Enrolled, type RunContext } from './run';
import { createScheduler } from './scheduler';
import { type LiveState, readStatus } from './status';
import { uploadAttachments, type AttachmentBytes } from './upload';

export interface SyncEngineOptions {
  db: LocalDb;
  client: CityClient;
  now: () => Date;
  random?: () => number;
  batchSize?: number;
  debounceMs?: number;
  timerMs?: number;
  healthEveryMs?: number;
  /**
   * Lets the city be reached over plain http://: only for development and tests, where the city
   * runs on 127.0.0.1. The app never sets it: records of petitioners cross the wire encrypted.
   */
  allowInsecure?: boolean;
  log?: (msg: string, detail?: unknown) => void;
  /** Bytes of a stored attachment by its sha256 (upload.ts). */
  attachmentBytes?: AttachmentBytes;
  /** Called after a pull brought reference data (with its keys), so the services re-read it. */
  onReferencePulled?: (keys: ReferenceKey[]) => void;
}

export function createSyncEngine(o: SyncEngineOptions) {
  const batchSize = Math.min(o.batchSize ?? MAX_BATCH_EVENTS, MAX_BATCH_EVENTS);
  const log = o.log ?? (() => {});
  const live: LiveState = { online: null, progress: null };
  const nowIso = () => o.now().toISOString();
  const secureEnough = (url: string) => o.allowInsecure === true || /^https:\/\//i.test(url);

  /** The enrolled device, when it is enrolled with a city it may talk to. */
  function enrolled(): Enrolled | null {
    const dev = getDevice(o.db);
    if (!dev.token || !dev.serverUrl || !dev.deviceId || !secureEnough(dev.serverUrl)) return null;
    return { serverUrl: dev.serverUrl, token: dev.token, deviceId: dev.deviceId };
  }

  async function run(): Promise<Failure | null> {
    const serverUrl = getDevice(o.db).serverUrl;
    // Enrolled over http:// by a build that allowed it: this one does not send records in clear.
    if (serverUrl && !secureEnough(serverUrl)) return { ok: false, code: 'insecure_server_url', detail: serverUrl, retryAfterMs: null };
    const dev = enrolled();
    if (!dev) return null;
    const ctx: RunContext = { db: o.db, client: o.client, dev, now: o.now, live, reached };
    queueAuditForSync(o.db);
    try {
      return (await pushAll(ctx, batchSize)) ?? (await pullAll(ctx, o.onReferencePulled)) ?? (await uploadAttachments(ctx, o.attachmentBytes));
    } finally {
      live.progress = null;
    }
  }

  function reached(): void {
    live.online = true;
    scheduler.reached();
  }

  const scheduler = createScheduler({
    run,
    log,
    random: o.random,
    debounceMs: o.debounceMs,
    timerMs: o.timerMs,
    healthEveryMs: o.healthEveryMs,
    onFailure(f) {
      log('sync failed', f);
      recordFailure(o.db, { at: nowIso(), code: f.code, message: SYNC_MESSAGES[f.code] });
      live.online = !OFFLINE_SYNC_ERRORS.has(f.code);
    },
    // Read from sync_state, so it holds across restarts until 立即同步 or a new enrolment.
    blocked() {
      const code = getSyncState(o.db).lastErrorCode as SyncErrorCode | null;
      return code !== null && FATAL_SYNC_ERRORS.has(code);
    },
    async networkBack() {
      const dev = enrolled();
      if (!dev) return false;
      const was = live.online;
      live.online = (await o.client.health(dev.serverUrl)).ok;
      const s = status();
      return live.online && was === false && s.waiting + s.auditWaiting > 0;
    },
  });

  function status(): SyncStatus {
    return readStatus(o.db, live, scheduler.syncing);
  }

  async function syncNow(): Promise<SyncStatus> {
    await scheduler.runNow();
    return status();
  }

  async function enroll(input: z.output<typeof enrollInputSchema>): Promise<Result<SyncStatus>> {
    const url = input.serverUrl.replace(/\/+$/, '');
    if (!secureEnough(url)) return err('insecure_server_url', ENROLL_MESSAGES.insecure_server_url!, 'serverUrl');
    const r = await o.client.enroll(url, input.code, input.name);
    if (!r.ok) return err(r.code, ENROLL_MESSAGES[r.code] ?? SYNC_MESSAGES[r.code], r.code === 'enroll_code_invalid' ? 'code' : 'serverUrl');
    saveEnrollment(o.db, { serverUrl: url, ...r.value, enrolledAt: nowIso() });
    // Enrolment is a successful exchange with the city: it clears an error a re-enrolment was
    // meant to fix (say device_unauthorized) and measures the clock offset before any matter
    // registered from now on needs it.
    const st = getSyncState(o.db);
    recordSuccess(o.db, { ackedSeq: st.lastAckedSeq, at: nowIso(), clockOffsetMs: clockOffset(o.db, o.now, r.serverDate), rejected: [] });
    reached();
    return ok(await syncNow());
  }

  /** The city's answer about a person, or null when not enrolled or the city cannot be reached. */
  async function cityLookup(q: LookupRequest): Promise<LookupResponse | null> {
    const dev = enrolled();
    if (!dev) return null;
    const r = await o.client.lookup(dev.serverUrl, dev.token, q);
    return r.ok ? r.value : null;
  }

  return {
    status,
    syncNow,
    enroll,
    cityLookup,
    afterLocalWrite: scheduler.afterLocalWrite,
    start: scheduler.start,
    stop: scheduler.stop,
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
