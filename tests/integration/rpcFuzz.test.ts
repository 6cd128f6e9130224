// Every RPC method under hostile input (issue #11): values of every shape and edge (deep
// nesting, huge strings, odd numbers, keys named like object properties), alone and in place of
// one part of a plausible input. Each method is called by a role its gate lets through, so the
// input meets its validation and handler, not a 'forbidden'. The backend never throws, always
// answers { ok, value } or { ok:false, code, message }, and a refused call writes nothing — but
// its audit line, and a failed sign-in's count (both by design).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { METHODS, type Method } from '../../domain/rpc/contract';
import { mayCall, METHOD_ACCESS } from '../../domain/staff/permissions';
import { roleSchema, type Role } from '../../domain/staff/roles';
import { hostileValue, jsonText, propertyName } from '../support/hostileInput';
import { testBackend, validVisit } from '../support/backend';
import { signIn } from '../support/staff';

const RUNS = 1000;
const NOT_FINGERPRINTED = new Set(['audit_log', '__drizzle_migrations']);
// Written by design on a refused call: the audit trail (above), and an account's failed-sign-in count and time.
const SIGN_IN_COUNT = new Set(['failed_logins', 'locked_until', 'updated_at']);
const OUTCOME_SETTINGS = new Set(['audit_queued_seq', 'backup_last']);

const b = testBackend({ role: null });
const sql = () => b.db.$client;
const tables = () => (sql().prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name).filter((t) => !NOT_FINGERPRINTED.has(t));

function fingerprint(): string {
  const h = createHash('sha256');
  for (const t of tables()) {
    const all = sql().prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[];
    const rows = t === 'staff_account' ? all.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !SIGN_IN_COUNT.has(k)))) : all;
    // The audit queue's mark moves with the audit trail, not with what a call wrote; a failed
    // backup or restore keeps its outcome for the backup page (backend/backup/backups.ts), by design.
    h.update(t).update(JSON.stringify(rows.filter((r) => !OUTCOME_SETTINGS.has(r.key as string))));
  }
  return h.digest('hex');
}

/** A plausible input with hostile parts: the shapes the methods take, filled with anything. */
const plausible = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom('matterId', 'id', 'documentId', 'from', 'to', 'code', 'userNo', 'password', 'command', 'visitor', 'summary', 'data'), propertyName), hostileValue, { maxKeys: 4 }),
  fc.tuple(fc.constantFrom('visitor', 'summary', 'headcount', 'representatives', 'link'), hostileValue).map(([k, v]) => ({ ...validVisit, [k]: v })),
  fc.record({ matterId: fc.uuid(), command: fc.oneof(hostileValue, fc.record({ type: fc.oneof(fc.constantFrom('classify', 'accept', 'extend'), propertyName), at: hostileValue })) }),
);
// Raw tokens (numbers JSON cannot build) become values as a transport would parse them.
const asReceived = (v: unknown): unknown => JSON.parse(jsonText(v));

/** The 科长/督办 where the gate lets them call, else the first role it lets through (the 管理员 for its own methods). */
const callerOf = (m: Method): Role => (mayCall(METHOD_ACCESS[m], 'supervisor') ? 'supervisor' : roleSchema.options.find((r) => mayCall(METHOD_ACCESS[m], r))!);

afterAll(() => b.close());

describe.each(METHODS.map((m) => [m, callerOf(m)] as const))('%s as %s', (method, role) => {
  it(`answers ${RUNS} hostile inputs with a result or an error, never a crash nor the gate's refusal, and a refusal writes nothing`, async () => {
    await signIn(b.dispatch, role);
    // The store as the last refused call left it: most calls are refused, and hashing the store
    // once a run rather than twice halves the file's time. Anything else may have written, so it is hashed afresh.
    let unchanged: string | null = null;
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileValue, plausible), async (value) => {
        const input = asReceived(value);
        const before = unchanged ?? fingerprint();
        unchanged = null;
        const r = await b.dispatch(method, input);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) {
          expect(typeof r.code).toBe('string');
          expect(typeof r.message).toBe('string');
          expect(r.code).not.toBe('internal');
          expect(r.code, `${role} was refused ${method}`).not.toBe('forbidden');
          const after = fingerprint();
          expect(after, `${method} refused ${r.code} yet wrote`).toBe(before);
          unchanged = after;
        }
        // A call that signed out or locked the window (session.logout, session.lock…) is undone.
        const s = await b.dispatch('session.get', {});
        if (s.ok && (!(s.value as { user: unknown }).user || (s.value as { locked: boolean }).locked)) {
          await signIn(b.dispatch, role);
          unchanged = null;
        }
      }),
      { numRuns: RUNS },
    );
  });
});
