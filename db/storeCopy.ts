// Copies of the store for backup and restore (issue #15), in SQL: a consistent online copy that
// stays encrypted, the facts a backup's manifest and a restore's decision need, and the swap
// of a prepared restore into place at the next start (pendingRestore.ts).
//
// The copy is `VACUUM INTO` on a read connection, not better-sqlite3's `db.backup()`: the cipher
// library refuses the backup API into a target without the source's key ("backup is not
// supported with incompatible source and target databases"), and db.backup() opens its target
// itself, with no way to key it. VACUUM INTO writes the copy under the source's cipher and key,
// from one read transaction (WAL: the desk keeps writing meanwhile).
import Database from 'better-sqlite3-multiple-ciphers';
import { AUDIT_EVENT } from '../domain/staff/audit';
import { applyKey } from './open';

type Sqlite = Database.Database;

/** Writes a consistent, encrypted copy of the store behind `sqlite` to `target` (which must not exist). */
export function copyStoreInto(sqlite: Sqlite, target: string): void {
  sqlite.prepare('VACUUM INTO ?').run(target);
}

/** The bytes the copy will have (live pages only), to show its progress against. */
export function liveBytes(sqlite: Sqlite): number {
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  const free = sqlite.pragma('freelist_count', { simple: true }) as number;
  return (pages - free) * (sqlite.pragma('page_size', { simple: true }) as number);
}

/** A store file opened with `key` (WrongKeyError when it does not open it). */
export function openStoreFile(file: string, key: string, readonly: boolean): Sqlite {
  const sqlite = new Database(file, { readonly, fileMustExist: true });
  applyKey(sqlite, key);
  return sqlite;
}

/** What integrity_check finds wrong; empty when the file is sound. */
export function integrityProblems(sqlite: Sqlite): string[] {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
}

export interface StoreFacts {
  installId: string;
  deviceId: string | null;
  deviceCode: string | null;
  countyCode: string | null;
  enrolled: boolean;
  lastSeq: number;
  ackedSeq: number;
  matters: number;
  /** Migrations applied: a copy from a newer version of the app has more than this one knows. */
  migrations: number;
}

export function storeFacts(sqlite: Sqlite): StoreFacts {
  const dev = sqlite.prepare('SELECT install_id, device_id, device_code, county_code, token FROM device WHERE id = 1').get() as
    | { install_id: string; device_id: string | null; device_code: string | null; county_code: string | null; token: string | null }
    | undefined;
  const one = (q: string) => (sqlite.prepare(q).pluck().get() as number | null) ?? 0;
  return {
    installId: dev?.install_id ?? '',
    deviceId: dev?.device_id ?? null,
    deviceCode: dev?.device_code ?? null,
    countyCode: dev?.county_code ?? null,
    enrolled: dev?.token != null,
    lastSeq: Math.max(one('SELECT max(seq) FROM outbox'), one("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")),
    ackedSeq: one('SELECT last_acked_seq FROM sync_state WHERE id = 1'),
    matters: one('SELECT count(*) FROM matter'),
    migrations: one("SELECT count(*) FROM sqlite_master WHERE name = '__drizzle_migrations'") ? one('SELECT count(*) FROM __drizzle_migrations') : 0,
  };
}

/** Events the city has not acknowledged, oldest first, and whether each is an audit trail's line. */
export function unacknowledged(sqlite: Sqlite): { seq: number; id: string; audit: boolean }[] {
  const acked = (sqlite.prepare('SELECT last_acked_seq FROM sync_state WHERE id = 1').pluck().get() as number | undefined) ?? 0;
  const rows = sqlite.prepare('SELECT seq, id, type FROM outbox WHERE seq > ? ORDER BY seq').all(acked) as { seq: number; id: string; type: string }[];
  return rows.map((r) => ({ seq: r.seq, id: r.id, audit: r.type === AUDIT_EVENT }));
}

/** Which of `ids` the store behind `sqlite` does not hold in its outbox. */
export function missingEvents(sqlite: Sqlite, ids: string[]): string[] {
  const has = sqlite.prepare('SELECT 1 FROM outbox WHERE id = ?').pluck();
  return ids.filter((id) => has.get(id) === undefined);
}

/**
 * Appends to the copy's outbox the events of `current` named by `ids`, in their order, under the
 * copy's next seqs: the audit trail's lines that the city has not yet received, which hold all
 * they say in the event itself (no rows of their own to bring along).
 */
export function appendEventsFrom(copy: Sqlite, current: Sqlite, ids: string[]): void {
  const read = current.prepare('SELECT id, type, entity_id, occurred_at, payload FROM outbox WHERE id = ?');
  const write = copy.prepare('INSERT INTO outbox (id, type, entity_id, occurred_at, payload) VALUES (@id, @type, @entity_id, @occurred_at, @payload)');
  copy.transaction(() => {
    for (const id of ids) write.run(read.get(id));
  })();
}

/** Re-encrypts a closed copy under `key` (SQLCipher cannot re-key in WAL mode, so it leaves it). */
export function rekeyFile(file: string, fromKey: string, key: string): void {
  const sqlite = openStoreFile(file, fromKey, false);
  try {
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`rekey = "x'${key}'"`);
  } finally {
    sqlite.close();
  }
}

/**
 * Carries into an older copy of this installation's store what must never go back: the city's
 * acknowledgement, the outbox's seq past it and the matter-number counters (a seq or a 信访件编号
 * the city already has would be issued again), and the enrolment (its token may have been
 * rotated since). The seq goes past what the city acknowledged, not past the current outbox:
 * events after that which the copy lacks are not at the city, and a hole there would be a gap.
 */
export function carryForward(copy: Sqlite, current: Sqlite): void {
  const cur = current.prepare('SELECT * FROM device WHERE id = 1').get() as Record<string, unknown>;
  const acked = current.prepare('SELECT last_acked_seq FROM sync_state WHERE id = 1').pluck().get() as number;
  const counters = current.prepare('SELECT name, value FROM counter').all() as { name: string; value: number }[];
  copy.transaction(() => {
    copy.prepare('UPDATE sync_state SET last_acked_seq = max(last_acked_seq, ?) WHERE id = 1').run(acked);
    const seq = copy.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'outbox'").run(acked);
    if (seq.changes === 0) copy.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)").run(acked);
    const up = copy.prepare('INSERT INTO counter (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)');
    for (const c of counters) up.run(c.name, c.value);
    if (cur.token != null) {
      copy
        .prepare('UPDATE device SET server_url = ?, device_id = ?, device_code = ?, county_code = ?, token = ?, enrolled_at = ? WHERE id = 1')
        .run(cur.server_url, cur.device_id, cur.device_code, cur.county_code, cur.token, cur.enrolled_at);
    }
  })();
}
