// What every service gets: the store, a clock (tests pass a fixed one) and the sync engine's
// hook for "something was written locally".
import dayjs from 'dayjs';
import type { LocalDb } from '../../db/open';
import type { LookupRequest, LookupResponse } from '../../domain/sync/lookup';
import type { DocumentRenderer } from '../documents/workerRenderer';
import type { Operator } from '../../domain/staff/roles';
import type { Reference } from './reference';
import type { SealedFiles } from './sealedFiles';

export interface ServiceContext {
  db: LocalDb;
  /** The app's data folder: the store, attachments and produced documents live under it. */
  dataDir: string;
  /** Attachments and printed documents, sealed on disk (sealedFiles.ts). */
  files: SealedFiles;
  /** Shipped data: regions, categories, document templates, fonts. */
  resourcesDir: string;
  now: () => Date;
  /** Current reference data (shipped, or the city's newer copy once pulled). */
  reference: () => Reference;
  afterLocalWrite: () => void;
  /** PDF rendering, in a worker thread. */
  renderDocument: DocumentRenderer;
  /** Who is acting: the signed-in, unlocked user (the gate lets no other call through). */
  actor: () => Operator | null;
  /** The backend's log (stderr of its process): for faults the user is told of in words. */
  log: (msg: string, detail?: unknown) => void;
  /** Asks the city about a person (the repeat check's confirmation); null when it cannot. */
  cityLookup: (q: LookupRequest) => Promise<LookupResponse | null>;
}

/** What a read needs: the reader worker builds exactly this over its read-only connection. */
export type ReadContext = Pick<ServiceContext, 'db' | 'now' | 'reference' | 'actor'>;

/** ISO-8601 with the device's own offset: statutory clocks start at the window, in local time. */
export const localTimestamp = (d: Date) => dayjs(d).format('YYYY-MM-DDTHH:mm:ss.SSSZ');
export const localDay = (d: Date) => dayjs(d).format('YYYY-MM-DD');
