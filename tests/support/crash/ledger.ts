// What the crash harness knows for certain — the registrations and lifecycle steps whose calls
// returned — and the checks made against it: of the desk's store after every kill (the file is
// sound, everything confirmed is in it) and of the city at the end (every event exactly once and
// in order, every matter once).
import { and, eq } from 'drizzle-orm';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../../db/open';
import type { CityDb } from '../../../server/store/db';
import { events, matters, quarantine } from '../../../server/store/schema';

export interface Ledger {
  /** matterId -> matter number, for every registration whose call returned ok. */
  registered: Map<string, string>;
  /** matterId -> lifecycle steps whose call returned ok. */
  steps: Map<string, number>;
}

export const newLedger = (): Ledger => ({ registered: new Map(), steps: new Map() });

export interface StoreCheck {
  integrity: string;
  /** Confirmed registrations missing from the store (or under another number). */
  missing: string[];
  /** Matters with fewer transitions than confirmed steps. */
  stepsMissing: string[];
  /** Matters registered with no outbox event to take them to the city. */
  unsent: string[];
}

/** Opens the store as the app would after a crash (the WAL is recovered) and checks it against the ledger. */
export function checkStore(file: string, key: string, ledger: Ledger): StoreCheck {
  const sqlite = new Database(file);
  try {
    applyKey(sqlite, key);
    const integrity = String(sqlite.pragma('integrity_check', { simple: true }));
    const numberOf = sqlite.prepare('SELECT matter_no AS no FROM matter WHERE id = ?');
    const transitions = sqlite.prepare('SELECT count(*) AS n FROM transition WHERE matter_id = ?');
    const registeredEvent = sqlite.prepare("SELECT 1 FROM outbox WHERE type = 'matter.registered' AND entity_id = ?");
    const missing: string[] = [];
    const unsent: string[] = [];
    for (const [id, no] of ledger.registered) {
      if ((numberOf.get(id) as { no: string } | undefined)?.no !== no) missing.push(id);
      else if (!registeredEvent.get(id)) unsent.push(id);
    }
    const stepsMissing = [...ledger.steps].filter(([id, n]) => (transitions.get(id) as { n: number }).n < n).map(([id]) => id);
    return { integrity, missing, stepsMissing, unsent };
  } finally {
    sqlite.close();
  }
}

/** The store's outbox (seq -> event id), its acknowledged seq, and its matters. */
export function readStore(file: string, key: string) {
  const sqlite = new Database(file, { readonly: true });
  try {
    applyKey(sqlite, key);
    const outbox = sqlite.prepare('SELECT seq, id FROM outbox ORDER BY seq').all() as { seq: number; id: string }[];
    const { acked } = sqlite.prepare('SELECT last_acked_seq AS acked FROM sync_state WHERE id = 1').get() as { acked: number };
    const local = sqlite.prepare('SELECT id, matter_no AS no FROM matter').all() as { id: string; no: string }[];
    const deviceId = (sqlite.prepare('SELECT device_id AS d FROM device WHERE id = 1').get() as { d: string | null }).d;
    return { outbox, acked, matters: local, deviceId };
  } finally {
    sqlite.close();
  }
}

export interface CityCheck {
  /** Local events the city does not hold (by seq), or holds with another id. */
  eventsMissing: number;
  /** City rows for seqs the device never wrote, or one seq held twice. */
  eventsExtra: number;
  quarantined: number;
  /** Confirmed registrations not at the city. */
  lost: number;
  /** Matters at the city more than once (by number), or at the city but not on the device. */
  doubled: number;
  /** Every local matter, and how many the city holds of this device's. */
  localMatters: number;
  cityMatters: number;
}

/** Compares what the city holds of the device with its store, after the outbox has drained. */
export async function checkCity(db: CityDb, store: ReturnType<typeof readStore>, ledger: Ledger): Promise<CityCheck> {
  const deviceId = store.deviceId!;
  const applied = await db.select({ seq: events.seq, id: events.eventId }).from(events).where(eq(events.deviceId, deviceId));
  const held = await db.select({ seq: quarantine.seq, id: quarantine.eventId }).from(quarantine).where(eq(quarantine.deviceId, deviceId));
  const city = new Map<number, string[]>();
  for (const e of [...applied, ...held]) city.set(e.seq, [...(city.get(e.seq) ?? []), e.id.toLowerCase()]);
  const local = new Map(store.outbox.map((e) => [e.seq, e.id.toLowerCase()]));
  const eventsMissing = [...local].filter(([seq, id]) => !city.get(seq)?.includes(id)).length;
  const eventsExtra = [...city].reduce((n, [seq, ids]) => n + (local.has(seq) ? ids.length - 1 : ids.length), 0);

  const rows = await db.select({ id: matters.matterId, no: matters.matterNo }).from(matters).where(and(eq(matters.deviceId, deviceId)));
  const cityIds = new Set(rows.map((r) => r.id.toLowerCase()));
  const localIds = new Set(store.matters.map((m) => m.id.toLowerCase()));
  const byNumber = new Map<string, number>();
  for (const r of rows) byNumber.set(r.no, (byNumber.get(r.no) ?? 0) + 1);
  const doubled = [...byNumber.values()].reduce((n, c) => n + c - 1, 0) + [...cityIds].filter((id) => !localIds.has(id)).length;
  const lost = [...ledger.registered.keys()].filter((id) => !cityIds.has(id.toLowerCase())).length;
  return { eventsMissing, eventsExtra, quarantined: held.length, lost, doubled, localMatters: localIds.size, cityMatters: rows.length };
}
