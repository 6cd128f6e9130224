// What push, pull and upload share within one sync run: the enrolled device, the store, the
// city, and how a step tells the scheduler that the city answered.
import type { LocalDb } from '../../db/open';
import { getSyncState } from '../../db/syncState';
import type { CityClient, Failure } from './cityClient';
import type { LiveState } from './status';

export type Enrolled = { serverUrl: string; token: string; deviceId: string };

export interface RunContext {
  db: LocalDb;
  client: CityClient;
  dev: Enrolled;
  now: () => Date;
  live: LiveState;
  /** The city gave an answer that was used: it is online, and the backoff starts over. */
  reached(): void;
}

/** How a step ends: null when its work is done, else why it stopped (nothing after it runs). */
export type StepEnd = Failure | null;

/** The device's clock minus the city's; an answer without a Date header keeps the last one measured. */
export function clockOffset(db: LocalDb, now: () => Date, serverDate: number | null): number | null {
  return serverDate === null ? getSyncState(db).clockOffsetMs : now().getTime() - serverDate;
}
