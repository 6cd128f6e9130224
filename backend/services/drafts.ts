// Drafts of the registration form, saved as the clerk types (the renderer debounces), so a
// closed window, a reload or a crash loses nothing.
import { deleteDraft, getDraft, listDrafts, saveDraft } from '../../db/drafts';
import { err, ok, type Result } from '../../domain/result';
import { localTimestamp, type ServiceContext } from './context';

const KIND = 'registration';

export function saveRegistrationDraft(ctx: ServiceContext, d: { id: string; title: string; data: Record<string, unknown> }) {
  const updatedAt = localTimestamp(ctx.now());
  saveDraft(ctx.db, { id: d.id, kind: KIND, title: d.title, data: JSON.stringify(d.data), updatedAt });
  return ok({ id: d.id, title: d.title, updatedAt });
}

export const listRegistrationDrafts = (ctx: ServiceContext) => ok(listDrafts(ctx.db, KIND));

export function getRegistrationDraft(ctx: ServiceContext, id: string): Result<{ id: string; title: string; updatedAt: string; data: Record<string, unknown> }> {
  const row = getDraft(ctx.db, id);
  if (!row) return err('draft_not_found', '草稿不存在或已删除');
  return ok({ id: row.id, title: row.title, updatedAt: row.updatedAt, data: JSON.parse(row.data) as Record<string, unknown> });
}

export const discardDraft = (ctx: ServiceContext, id: string) => ok({ discarded: deleteDraft(ctx.db, id) });
