// Which papers of a 检举控告 a role that may not see the reporter (条例 art. 30) may make or open.
// A stored PDF cannot be masked after the fact, so a paper that names the reporter is refused
// whole, as attachments.ts refuses the materials; the matter's file marks it instead of offering it.
import { MASKED_FOR_PROTECTED_REPORTER, type DocumentKind } from '../../domain/documents/kinds';
import type { MatterCommand } from '../../domain/matters/commands';
import { err, type Err } from '../../domain/result';
import { transitionsOf } from '../../db/matters';
import { matterById } from '../../db/registrations';
import type { ServiceContext } from './context';
import { reporterVisible } from './operator';

export const reporterProtectedErr = (): Err => err('reporter_protected', '该文书含受保护的检举人信息，仅科长/督办可查看');

/**
 * The id of the step that made the matter a 检举控告, or '' when it came in protected (an
 * imported record). Ids are uuidv7, so a paper whose id sorts before it was made unmasked: a
 * 转送告知书 issued, withdrawn and the matter reclassified as an accusation still names the reporter.
 */
function protectedSince(ctx: Pick<ServiceContext, 'db'>, matterId: string): string {
  const step = transitionsOf(ctx.db, matterId).find((t) => {
    const c = JSON.parse(t.command) as MatterCommand;
    return c.type === 'classify' && c.class === 'accusation';
  });
  return step?.id ?? '';
}

/**
 * For one matter, whether a paper (stored, with its id, or about to be made) would show the
 * operator a reporter they may not see. Built once per matter, as the file asks it of every paper.
 */
export function documentWithheld(ctx: Pick<ServiceContext, 'db' | 'actor'>, matter: { id: string; reporterProtected: boolean }) {
  if (!matter.reporterProtected || reporterVisible(ctx)) return (): boolean => false;
  let since: string | undefined;
  return (doc: { kind: DocumentKind; id?: string }): boolean => {
    if (!MASKED_FOR_PROTECTED_REPORTER.includes(doc.kind)) return true;
    since ??= protectedSince(ctx, matter.id);
    return doc.id !== undefined && doc.id < since;
  };
}

/** A stored paper's refusal, opened or delivered, when it names a reporter the operator may not see; else null. */
export function storedPaperRefusal(ctx: Pick<ServiceContext, 'db' | 'actor'>, doc: { id: string; matterId: string; kind: DocumentKind }): Err | null {
  const m = matterById(ctx.db, doc.matterId);
  return m && documentWithheld(ctx, m)(doc) ? reporterProtectedErr() : null;
}
