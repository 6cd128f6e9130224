// Assembles the backend in plain Node: store, sync engine, services and the router. Electron's
// main process and the dev:web loopback server both host exactly this.
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openLocalDb } from '../../db/open';
import { ensureDevice } from '../../db/syncState';
import { err, ok, type Err, type Ok } from '../../domain/result';
import { makeContract, type Method } from '../../domain/rpc/contract';
import { createWorkerRenderer, type WorkerEntry } from '../documents/workerRenderer';
import { createCityClient, type Fetch } from '../sync/cityClient';
import { createReader } from '../reader/reader';
import { createSyncEngine, type SyncEngineOptions } from '../sync/engine';
import { exportToCity, importFromCity } from '../sync/usbSync';
import { localDay, localTimestamp, type ServiceContext } from './context';
import { discardDraft, getRegistrationDraft, listRegistrationDrafts, saveRegistrationDraft } from './drafts';
import { listToday, registerVisit } from './intake';
import { createReferenceSource } from './reference';
import { categoryTree, regionChildren } from './referenceQueries';
import { lookupPerson } from './repeatCheck';
import { addAttachment, attachmentFile, listAttachments, readAttachment } from './attachments';
import { deliverDocument, issueDocument, readDocument } from './documents';
import { matterDetail } from './matters/matterFile';
import { runMatterCommand } from './matters/matterCommand';
import { recomputeOpenDeadlines } from './matters/recomputeDeadlines';
import { ensureFacts } from './figureFacts';
import { noticeSettings, setBureau, setOrganisations } from './noticeSettings';
import { addParticipant, assignLeaderCase, createCampaign, issueSupervision, listCampaigns, resolveSupervisionNotice } from './supervision';
import { createRouter, type Handlers } from './router';
import { correctMatter, voidMatter, withdrawStep } from './corrections/corrections';
import { importLedger } from './records/importLedger';
import { checkAccess, recordCall } from './access';
import { createBackups } from '../backup/backups';
import { restoreBackup } from '../backup/restore';
import * as accounts from './accounts';
import { DEFAULT_SCRYPT_COST } from './passwords';
import { writeRecovery } from './recovery';
import { rekeyStore } from './rekey';
import { sealedFiles } from './sealedFiles';
import { createSessionState } from './session';

export interface BackendOptions {
  dataDir: string;
  /** The store's key, 64 hex digits: from the OS keystore in the app (backend/host/storeKey.ts). */
  key: string;
  /** Told of a new key (a re-key), for the host to keep before the store changes. */
  onKeyChanged?: (key: string) => void;
  migrationsDir: string;
  resourcesDir: string;
  /** This build's version, said to the city on every push and pull (the console's devices list shows it). */
  appVersion: string;
  /** Where the document worker's code is (TypeScript under tsx, or the bundled file). */
  documentWorker: WorkerEntry;
  /** Where the reader worker's code is, likewise. */
  readerWorker: WorkerEntry;
  now?: () => Date;
  /** Monotonic milliseconds for the idle lock (tests pass their own; the business clock is `now`). */
  idleClock?: () => number;
  /** scrypt's work factor for new password hashes (default DEFAULT_SCRYPT_COST). */
  scryptCost?: number;
  fetch?: Fetch;
  log?: (msg: string, detail?: unknown) => void;
  sync?: Partial<Pick<SyncEngineOptions, 'debounceMs' | 'timerMs' | 'healthEveryMs' | 'batchSize' | 'random' | 'allowInsecure'>> & { timeoutMs?: number };
}

export const DB_FILE = 'xinfang.db';
/** How often the daily backup looks whether it is due (it runs once a day). */
const BACKUP_CHECK_MS = 15 * 60 * 1000;

export function createBackend(o: BackendOptions) {
  const now = o.now ?? (() => new Date());
  const log = o.log ?? ((msg: string, detail?: unknown) => console.error(`[backend] ${msg}`, detail ?? ''));
  const dbFile = path.join(o.dataDir, DB_FILE);
  let key = o.key;
  const db = openLocalDb({ file: dbFile, migrationsDir: o.migrationsDir, key });
  ensureDevice(db, uuidv7);
  const files = sealedFiles(db);
  const reference = createReferenceSource(db, o.resourcesDir);
  // A store from before the figure facts, or one whose rules changed while closed, gets them made now.
  ensureFacts(db, reference.get());
  const session = createSessionState({ clock: o.idleClock ?? (() => performance.now()), idleMinutes: () => accounts.idleMinutes(db) });
  const reader = createReader({ entry: o.readerWorker, dbFile, key: () => key, resourcesDir: o.resourcesDir, now, actor: () => session.actor() });
  // Started now, not at the first long read: it checkpoints what the writer commits (db/open.ts).
  reader.warm();
  const documents = createWorkerRenderer(o.documentWorker);
  const { timeoutMs, ...syncOptions } = o.sync ?? {};
  const sync = createSyncEngine({
    db,
    client: createCityClient(o.fetch ?? fetch, o.appVersion, timeoutMs),
    now,
    log,
    attachmentBytes: (sha256) => {
      const f = files.read(attachmentFile(o.dataDir, sha256));
      return f.kind === 'ok' ? f.bytes : f.kind === 'missing' ? null : 'damaged';
    },
    onReferencePulled: (keys) => {
      reference.refresh();
      // #13: a newly published holiday year changes open matters' last days.
      if (keys.includes('calendar') || keys.includes('holidays')) recomputeOpenDeadlines(db, reference.get().deadlines, localTimestamp(now()));
      // New holidays or figure options: every matter's facts are made again under them.
      ensureFacts(db, reference.get());
      reader.referenceChanged();
    },
    ...syncOptions,
  });
  const usb = {
    db,
    now,
    onReferencePulled: () => {
      reference.refresh();
      ensureFacts(db, reference.get());
      reader.referenceChanged();
    },
  };
  const ctx: ServiceContext = {
    files,
    actor: () => session.actor(),
    db,
    dataDir: o.dataDir,
    resourcesDir: o.resourcesDir,
    now,
    reference: reference.get,
    afterLocalWrite: () => sync.afterLocalWrite(),
    renderDocument: documents.render,
    log,
    cityLookup: sync.cityLookup,
  };
  // Backup and restore (issue #15)
  let restartWanted = false;
  const backups = createBackups({ db, dataDir: o.dataDir, reader, key: () => key, now, log });
  const restoreDeps = {
    db,
    dataDir: o.dataDir,
    reader,
    key: () => key,
    now,
    log,
    backups,
    dbFile,
    migrationsDir: o.migrationsDir,
    auditInto: (copy: typeof db, restored: unknown) => recordCall({ db: copy, now, session }, 'backup.restore', restored, ok(restored)),
    requestRestart: () => {
      restartWanted = true;
    },
  };
  const dailyTimer = setInterval(() => void backups.dailyDue(), BACKUP_CHECK_MS);
  dailyTimer.unref();
  const staff = { db, now, session, scryptCost: o.scryptCost ?? DEFAULT_SCRYPT_COST, issueRecoveryCode: () => writeRecovery(o.dataDir, key) };
  const handlers: Handlers = {
    'intake.register': (i) => registerVisit(ctx, i),
    'intake.listToday': () => listToday(ctx),
    'intake.lookupPerson': (q) => lookupPerson(ctx, q),
    'drafts.save': (d) => saveRegistrationDraft(ctx, d),
    'drafts.list': () => listRegistrationDrafts(ctx),
    'drafts.get': ({ id }) => getRegistrationDraft(ctx, id),
    'drafts.discard': ({ id }) => discardDraft(ctx, id),
    'attachments.add': (i) => addAttachment(ctx, i),
    'attachments.list': ({ matterId }) => listAttachments(ctx, matterId),
    'attachments.read': ({ id }) => readAttachment(ctx, id),
    'session.get': () => ok(accounts.sessionView(staff)),
    'session.setup': (i) => accounts.setup(staff, i),
    'session.login': (i) => accounts.login(staff, i),
    'session.logout': () => accounts.logout(staff),
    'session.lock': () => accounts.lock(staff),
    'session.unlock': ({ password }) => accounts.unlock(staff, password),
    'session.changePassword': ({ current, next }) => accounts.changePassword(staff, current, next),
    'accounts.list': () => accounts.listAccounts(staff),
    'accounts.create': (i) => accounts.createAccount(staff, i),
    'accounts.resetPassword': ({ userId, password }) => accounts.resetPassword(staff, userId, password),
    'accounts.setDisabled': ({ userId, disabled }) => accounts.setDisabled(staff, userId, disabled),
    'settings.setIdleMinutes': ({ minutes }) => accounts.setIdleMinutes(staff, minutes),
    'store.recover': () => err('store_open', '本机数据已正常打开，无需恢复'),
    'store.rekey': () =>
      rekeyStore({
        db,
        dataDir: o.dataDir,
        quiesce: () => reader.recycle(),
        keyChanged: (next) => {
          key = next;
          o.onKeyChanged?.(next);
        },
      }),
    'audit.verify': () => reader.read('audit.verify', {}),
    'matters.get': ({ matterId }) => matterDetail(ctx, matterId),
    'matters.command': ({ matterId, command }) => runMatterCommand(ctx, matterId, command),
    'matters.queue': (i) => reader.read('matters.queue', i),
    'documents.generate': ({ matterId, kind }) => issueDocument(ctx, matterId, kind),
    'documents.read': ({ documentId }) => readDocument(ctx, documentId),
    'documents.deliver': ({ documentId, ...d }) => deliverDocument(ctx, documentId, d),
    'supervision.issue': (i) => issueSupervision(ctx, i),
    'supervision.resolve': ({ id }) => resolveSupervisionNotice(ctx, id),
    'leaderCase.assign': (i) => assignLeaderCase(ctx, i),
    'participants.add': (i) => addParticipant(ctx, i),
    'campaigns.create': (i) => createCampaign(ctx, i),
    'campaigns.list': () => listCampaigns(ctx),
    'reference.regions': ({ parent }) => regionChildren(ctx, parent),
    'reference.categories': () => categoryTree(ctx),
    'sync.status': () => ok(sync.status()),
    'sync.enroll': (i) => sync.enroll(i),
    'sync.now': async () => ok(await sync.syncNow()),
    'figures.get': (i) => reader.read('figures.get', i),
    'figures.export': (i) => reader.read('figures.export', i),
    // Backup and restore (issue #15)
    'backup.status': () => ok(backups.status()),
    'backup.configure': (i) => ok(backups.configure(i)),
    'backup.create': () => backups.create('manual'),
    'backup.list': ({ folder }) => ok(backups.list(folder)),
    'backup.restore': (i) => restoreBackup(restoreDeps, i),
    // The full register (台账), its export and 统计's breakdowns: all long reads.
    'register.page': (i) => reader.read('register.page', i),
    'register.count': (i) => reader.read('register.count', i),
    'register.options': (i) => reader.read('register.options', i),
    'register.exportStart': (i) => reader.read('register.exportStart', i),
    'register.exportProgress': (i) => reader.read('register.exportProgress', i),
    'register.exportTake': (i) => reader.read('register.exportTake', i),
    'figures.breakdown': (i) => reader.read('figures.breakdown', i),
    // Sync by file (issue #15)
    'sync.exportFile': ({ folder }) => exportToCity(usb, folder),
    'sync.importFile': ({ path: file }) => importFromCity(usb, file),
    // search from every screen (issue #12): on the reader worker, never the writing connection
    'search.matters': (i) => reader.read('search.matters', i),
    // Corrections that keep history.
    'matters.correct': (i) => correctMatter(ctx, i),
    'matters.void': (i) => voidMatter(ctx, i),
    'matters.withdrawStep': (i) => withdrawStep(ctx, i),
    // Excel in (历史台账).
    'records.importPreview': (i) => reader.read('records.importPreview', i),
    'records.import': (i) => importLedger(ctx, reader, i),
    // #13 notices: the issuing bureau and the organisation tree
    'noticeSettings.get': () => ok(noticeSettings(ctx)),
    'noticeSettings.setBureau': (i) => setBureau(ctx, i),
    'noticeSettings.setOrganisations': ({ organisations }) => setOrganisations(ctx, organisations),
  };
  const gate = {
    check: (m: Method) => checkAccess(session, m),
    record: (m: Method, input: unknown, result: Ok<unknown> | Err) => recordCall({ db, now, session }, m, input, result),
  };
  const dispatch = createRouter(makeContract(() => localDay(now())), handlers, gate, (e) => log('handler crashed', e));
  return {
    dispatch,
    sync,
    db,
    backups,
    /** A restore is prepared: the host must stop this backend and start a new one (host/main.ts). */
    restartWanted: () => restartWanted,
    async close(): Promise<void> {
      clearInterval(dailyTimer);
      await sync.stop();
      await documents.close();
      await reader.close();
      db.$client.close();
    },
  };
}
export type Backend = ReturnType<typeof createBackend>;
