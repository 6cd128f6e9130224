// The audit chain's rule (DESIGN.md §6), one for the window that writes the chain (db/audit.ts)
// and the city that checks its copy (server/city/deviceAudit.ts): which fields a line's hash
// covers and in which order, and the hash before the first line. The hash itself, sha256 over
// the previous line's hash and this text, is taken where Node's crypto is, outside domain/.

/** The hash before the first line. */
export const GENESIS = '0'.repeat(64);

const HASHED = ['id', 'at', 'actorNo', 'actorName', 'actorRole', 'action', 'kind', 'target', 'outcome'] as const;
export type HashedAuditFields = { readonly [K in (typeof HASHED)[number]]: string | null };

export function auditHashInput(seq: number, e: HashedAuditFields): string {
  // A fixed field order, each field length-prefixed by JSON, so no two lines can serialise alike.
  return JSON.stringify([seq, ...HASHED.map((f) => e[f])]);
}
