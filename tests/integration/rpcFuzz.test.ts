// Every RPC method under hostile input (issue #11): values of every shape and edge (deep
// nesting, huge strings, odd numbers, keys named like object properties), alone and in place of
// one part of a plausible input. The backend never throws, always answers { ok, value } or
// { ok:false, code, message }, and a refused call writes nothing — but its audit line, and a
// failed sign-in's count (both by design).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS } from '../../domain/rpc/contract';
import { hostileValue, jsonText, propertyName } from '../support/hostileInput';
import { testBackend, validVisit } from '../support/backend';
import { signIn } from '../support/staff';

const RUNS = 1000;
// Written by design on a refused call: the audit trail, and the failed-sign-in count and time.
const NOT_FINGERPRINTED = new Set(['audit_log', 'staff_account', '__drizzle_migrations']);

const b = testBackend({ role: null });
const sql = () => b.db.$client;
const tables = () => (sql().prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name).filter((t) => !NOT_FINGERPRINTED.has(t));

function fingerprint(): string {
  const h = createHash('sha256');
  for (const t of tables()) {
    const rows = sql().prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[];
    // The audit queue's mark moves with the audit trail, not with what a call wrote.
    h.update(t).update(JSON.stringify(rows.filter((r) => r.key !== 'audit_queued_seq')));
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

beforeAll(() => signIn(b.dispatch, 'supervisor'));
afterAll(() => b.close());

describe.each(METHODS)('%s', (method) => {
  it(`answers ${RUNS} hostile inputs with a result or an error, never a crash, and a refusal writes nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileValue, plausible), async (value) => {
        const input = asReceived(value);
        const before = fingerprint();
        const r = await b.dispatch(method, input);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) {
          expect(typeof r.code).toBe('string');
          expect(typeof r.message).toBe('string');
          expect(r.code).not.toBe('internal');
          expect(fingerprint(), `${method} refused ${r.code} yet wrote`).toBe(before);
        }
        // A call that signed out or locked the window (session.logout, session.lock…) is undone.
        const s = await b.dispatch('session.get', {});
        if (s.ok && (!(s.value as { user: unknown }).user || (s.value as { locked: boolean }).locked)) await signIn(b.dispatch, 'supervisor');
      }),
      { numRuns: RUNS },
    );
  });
});
