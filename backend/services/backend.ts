// Assembles the backend in plain Node: store, sync engine, services and the router. Electron's
// main process and the dev:web loopback server both host exactly this.
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openLocalDb } from '../../db/open';
import { ensureDevice } from '../../db/syncState';
import { ok } from '../../domain/result';
import { makeContract } from '../../domain/rpc/contract';
import { createWorkerRenderer, type WorkerEntry } from '../documents/workerRenderer';
import { createCityClient, type Fetch } from '../sync/cityClient';
import { createSyncEngine, type SyncEngineOptions } from '../sync/engine';
import { localDay, type ServiceContext } from './context';
import { discardDraft, getRegistrationDraft, listRegistrationDrafts, saveRegistrationDraft } from './drafts';
import { listToday, registerVisit } from './intake';
import { windowFigures } from './figures';
import { exportFigures } from './figuresExcel';
import { createReferenceSource } from './reference';
import { categoryTree, regionChildren } from './referenceQueries';
import { lookupPerson } from './repeatCheck';
import { addAttachment, attachmentFile, listAttachments, readAttachment } from './attachments';
import { deliverDocument, generateDocument, readDocument } from './documents';
import { matterDetail, runMatterCommand, workQueue } from './matters';
import { currentOperator, setOperator } from './operator';
import { addParticipant, assignLeaderCase, createCampaign, issueSupervision, listCampaigns, resolveSupervisionNotice } from './supervision';
import { createRouter, type Handlers } from './router';

export interface BackendOptions {
  dataDir: string;
  migrationsDir: string;
  resourcesDir: string;
  /** Where the document worker's code is (TypeScript under tsx, or the bundled file). */
  documentWorker: WorkerEntry;
  now?: () => Date;
  fetch?: Fetch;
  log?: (msg: string, detail?: unknown) => void;
  sync?: Partial<Pick<SyncEngineOptions, 'debounceMs' | 'timerMs' | 'healthEveryMs' | 'batchSize' | 'random' | 'allowInsecure'>> & { timeoutMs?: number };
}

export const DB_FILE = 'xinfang.db';

export function createBackend(o: BackendOptions) {
  const now = o.now ?? (() => new Date());
  const log = o.log ?? ((msg: string, detail?: unknown) => console.error(`[backend] ${msg}`, detail ?? ''));
  const db = openLocalDb({ file: path.join(o.dataDir, DB_FILE), migrationsDir: o.migrationsDir });
  ensureDevice(db, uuidv7);
  const reference = createReferenceSource(db, o.resourcesDir);
  const documents = createWorkerRenderer(o.documentWorker);
  const { timeoutMs, ...syncOptions } = o.sync ?? {};
  const sync = createSyncEngine({
    db,
    client: createCityClient(o.fetch ?? fetch, timeoutMs),
    now,
    log,
    attachmentBytes: (sha256) => {
      const file = attachmentFile(o.dataDir, sha256);
      return fs.existsSync(file) ? fs.readFileSync(file) : null;
    },
    onReferencePulled: reference.refresh,
    ...syncOptions,
  });
  const ctx: ServiceContext = {
    db,
    dataDir: o.dataDir,
    resourcesDir: o.resourcesDir,
    now,
    reference: reference.get,
    afterLocalWrite: () => sync.afterLocalWrite(),
    renderDocument: documents.render,
    cityLookup: sync.cityLookup,
  };
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
    'session.get': () => ok(currentOperator(ctx)),
    'session.set': (op) => setOperator(ctx, op),
    'matters.get': ({ matterId }) => matterDetail(ctx, matterId),
    'matters.command': ({ matterId, command }) => runMatterCommand(ctx, matterId, command),
    'matters.queue': ({ scope, dueSoonDays }) => workQueue(ctx, scope, dueSoonDays),
    'documents.generate': ({ matterId, kind }) => generateDocument(ctx, matterId, kind),
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
    'figures.get': (period) => windowFigures(ctx, period),
    'figures.export': (period) => exportFigures(ctx, period),
  };
  const dispatch = createRouter(makeContract(() => localDay(now())), handlers, (e) => log('handler crashed', e));
  return {
    dispatch,
    sync,
    db,
    async close(): Promise<void> {
      await sync.stop();
      await documents.close();
      db.$client.close();
    },
  };
}
export type Backend = ReturnType<typeof createBackend>;
