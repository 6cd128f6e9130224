// The gate every RPC passes (DESIGN.md §6): whether the caller may make it — from the one table
// in domain/staff/permissions.ts, against the session held here, never the renderer's word —
// and, once it has run, its line in the hash-chained audit log (also sent to the city).
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../../db/audit';
import type { LocalDb } from '../../db/open';
import { err, type Err, type Ok } from '../../domain/result';
import type { Method } from '../../domain/rpc/contract';
import { METHOD_AUDIT } from '../../domain/staff/audit';
import { mayCall, METHOD_ACCESS } from '../../domain/staff/permissions';
import { ROLE_LABELS } from '../../domain/staff/roles';
import { localTimestamp } from './context';
import type { SessionState } from './session';

/** Calls the window makes by itself (polling): they must not keep an idle session awake. */
const PASSIVE: ReadonlySet<Method> = new Set(['session.get', 'sync.status']);
/** Refusals of who the caller is, as opposed to what they sent: audited like the calls that ran. */
const ROLE_REFUSALS: ReadonlySet<string> = new Set(['forbidden', 'reporter_protected']);
/** What a user who must change the password may still do. */
const BEFORE_NEW_PASSWORD: ReadonlySet<Method> = new Set(['session.changePassword']);

export function checkAccess(session: SessionState, method: Method): Err | null {
  const access = METHOD_ACCESS[method];
  if (access === 'public') return null;
  const user = session.user();
  if (!user) return err('not_signed_in', '请先登录');
  if (session.locked()) return err('session_locked', '长时间未操作，窗口已锁定，请输入密码解锁');
  if (user.mustChangePassword && !BEFORE_NEW_PASSWORD.has(method)) return err('password_change_required', '请先修改初始密码');
  if (!mayCall(access, user.role)) return err('forbidden', `当前岗位（${ROLE_LABELS[user.role]}）无权进行此操作`);
  if (!PASSIVE.has(method)) session.touch();
  return null;
}

const TARGET_KEYS = ['matterId', 'documentId', 'visitId', 'userId', 'id'] as const;

/** What a call was about: the matter, document, account… it named or produced. */
function targetOf(input: unknown, result: Ok<unknown> | Err): string | null {
  for (const source of [input, result.ok ? result.value : null]) {
    if (typeof source !== 'object' || source === null) continue;
    const o = source as Record<string, unknown>;
    // Bounded: a refused call's input was never validated.
    for (const k of TARGET_KEYS) if (typeof o[k] === 'string') return (o[k] as string).slice(0, 100);
    const c = o.credential as { type?: unknown; number?: unknown } | undefined;
    if (c && typeof c.number === 'string' && c.number !== '') return `credential:${String(c.type).slice(0, 30)}:${c.number.slice(0, 40)}`;
  }
  return null;
}

export interface AuditContext {
  db: LocalDb;
  now: () => Date;
  session: SessionState;
}

/**
 * Writes the call's audit line. The sync engine takes it to the city with its next run (after a
 * record is written, on its timer, or when the network comes back): a line is no reason to
 * knock at a city that is backing off, and every view writes one. Session events are
 * recorded whatever their outcome (a failed sign-in matters most); writes and views when they
 * happened, or when the role was refused: the method, or a paper naming a protected reporter.
 */
export function recordCall(ctx: AuditContext, method: Method, input: unknown, result: Ok<unknown> | Err): void {
  const kind = METHOD_AUDIT[method];
  if (!kind) return;
  if (kind !== 'session' && !result.ok && !ROLE_REFUSALS.has(result.code)) return;
  const user = ctx.session.user();
  const attempted = typeof (input as { userNo?: unknown })?.userNo === 'string' ? (input as { userNo: string }).userNo : '';
  const entry = {
    id: uuidv7(),
    at: localTimestamp(ctx.now()),
    actorNo: user?.userId ?? attempted,
    actorName: user?.name ?? '',
    actorRole: user?.role ?? '',
    action: method,
    kind,
    target: targetOf(input, result),
    outcome: result.ok ? 'ok' : result.code,
  };
  // Committed without waiting for the disk (WAL with synchronous=NORMAL): safe from a crash of
  // the process; a power cut may lose the last lines until the next record's commit (FULL)
  // flushes them. An fsync per line would double what a lookup at the window costs.
  const sqlite = ctx.db.$client;
  sqlite.pragma('synchronous = NORMAL');
  try {
    appendAudit(ctx.db, entry);
  } finally {
    sqlite.pragma('synchronous = FULL');
  }
}
