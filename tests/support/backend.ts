// A backend on a real SQLite file in a fresh temp folder, as the app runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkCharacter } from '../../domain/identity/residentId';
import { sourceTreeOptions } from '../../backend/host/sourceTree';
import { newStoreKey } from '../../backend/host/storeKey';
import { createBackend, type BackendOptions } from '../../backend/services/backend';
import type { Role } from '../../domain/staff/roles';
import { signIn } from './staff';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../db/migrations');

export function tempDir(prefix = 'xf-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** One store key for the tests' stores (the app's comes from the OS keystore: backend/host/storeKey.ts). */
export const TEST_KEY = newStoreKey();

/** A small scrypt work factor: tests sign in often, and the hash's strength is not under test. */
export const TEST_SCRYPT_COST = 2 ** 10;

/**
 * The backend's services in this test's own process, for tests that look inside (the store, the
 * sync engine). The backend as its own process is tests/integration/backendProcess.test.ts.
 * Its first call signs in as `role` (a 科长 unless told), through the same RPC a person uses;
 * `as(role)` signs in as another; `role: null` leaves it signed out.
 */
export function testBackend(o: Partial<BackendOptions> & { role?: Role | null } = {}) {
  const { role = 'supervisor', ...options } = o;
  // The test city listens on http://127.0.0.1, so plain http is allowed unless a test says otherwise.
  const sync = { allowInsecure: true, ...options.sync };
  const b = createBackend({ ...sourceTreeOptions(options.dataDir ?? tempDir()), key: TEST_KEY, log: () => {}, scryptCost: TEST_SCRYPT_COST, ...options, sync });
  let signedIn: Promise<void> | null = null;
  return {
    ...b,
    dispatch: async (method: string, input: unknown) => {
      if (role) await (signedIn ??= signIn(b.dispatch, role));
      return b.dispatch(method, input);
    },
    async as(next: Role): Promise<void> {
      await (signedIn = signIn(b.dispatch, next));
    },
    /** One call as another role (say the 管理员 for enrolment), then back to this backend's own. */
    async callAs(other: Role, method: string, input: unknown) {
      await signIn(b.dispatch, other);
      const r = await b.dispatch(method, input);
      await (signedIn = signIn(b.dispatch, role ?? 'supervisor'));
      return r;
    },
  };
}

/**
 * The outbox without the audit trail's lines, for SQL in tests: every call a person makes adds
 * one of those, and a test about records counts the records.
 */
export const OUTBOX_RECORDS = "(SELECT * FROM outbox WHERE type != 'audit.recorded')";

/** A valid 18-digit number with a computed check character, for any birth date and sequence. */
export const VALID_ID = '11010519491231002X';
export const validVisit = {
  visitor: {
    credential: { type: 'resident', number: VALID_ID },
    name: '张三',
    mobile: '13800138000',
    current: { region: '410102', detail: '建设路1号院3号楼' },
  },
  headcount: 1,
  categoryCode: '0101',
  placeRegion: '410102',
  summary: '反映小区供暖不达标问题，请求协调解决',
};

/** A resident ID number for any birth date and sequence, with its check character computed. */
export function residentId(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
