// What the audit log records (DESIGN.md §6): every write, every view of a full personal record,
// and every sign-in, sign-out and lock — each method's kind in one table, so a new method cannot
// be added without deciding whether it is audited. Also the shape in which each row goes to the
// city (the 'audit.recorded' event).
import { z } from 'zod';
import type { Method } from '../rpc/contract';
import { isoTimestamp } from '../schema/timestamps';
import { roleSchema } from './roles';

export const auditKindSchema = z.enum(['write', 'view', 'session']);
export type AuditKind = z.infer<typeof auditKindSchema>;

export const METHOD_AUDIT: Readonly<Record<Method, AuditKind | null>> = {
  'session.get': null,
  'session.setup': 'session',
  'session.login': 'session',
  'session.logout': 'session',
  'session.lock': 'session',
  'session.unlock': 'session',
  'session.changePassword': 'session',
  'accounts.list': null,
  'accounts.create': 'write',
  'accounts.resetPassword': 'write',
  'accounts.setDisabled': 'write',
  'settings.setIdleMinutes': 'write',
  'store.recover': 'session',
  'store.rekey': 'write',
  // Answers a count, a row number and a hash: no person's record leaves it.
  'audit.verify': null,
  'intake.register': 'write',
  'intake.listToday': null,
  // The window sees every earlier matter of the person it names: a view of personal records.
  'intake.lookupPerson': 'view',
  // The form saves itself every 800 ms while the clerk types: a line each would bury the trail.
  // The registration it becomes is the write; opening another's draft or throwing one away is recorded.
  'drafts.save': null,
  'drafts.list': null,
  'drafts.get': 'view',
  'drafts.discard': 'write',
  'attachments.add': 'write',
  'attachments.list': null,
  'attachments.read': 'view',
  'matters.get': 'view',
  'matters.command': 'write',
  'matters.queue': null,
  'documents.generate': 'write',
  'documents.read': 'view',
  'documents.deliver': 'write',
  'supervision.issue': 'write',
  'supervision.resolve': 'write',
  'leaderCase.assign': 'write',
  'participants.add': 'write',
  'campaigns.create': 'write',
  'campaigns.list': null,
  'reference.regions': null,
  'reference.categories': null,
  'sync.status': null,
  'sync.enroll': 'write',
  'sync.now': null,
  'figures.get': null,
  'figures.export': 'view',
  // Backup and restore (issue #15): a copy of every record leaves the store, or replaces it.
  'backup.status': null,
  'backup.configure': 'write',
  'backup.create': 'write',
  'backup.list': null,
  'backup.restore': 'write',
  // The full register (台账) and 统计's breakdowns: a list is no full record; an export is, both
  // when it is asked for and when the file is handed over.
  'register.page': null,
  'register.count': null,
  'register.options': null,
  'register.exportStart': 'view',
  'register.exportProgress': null,
  'register.exportTake': 'view',
  'figures.breakdown': null,
  // Sync by file (issue #15): every waiting record leaves on a stick; the city's answer is written in.
  'sync.exportFile': 'write',
  'sync.importFile': 'write',
  // --- search from every screen (issue #12): a list of matters with the identities masked for a
  // list, like the work queue, not a full record; opening one (matters.get) is the audited view.
  // Searched as the clerk types, it would also bury the log under one line per keystroke.
  'search.matters': null,
  // Corrections that keep history.
  'matters.correct': 'write',
  'matters.void': 'write',
  'matters.withdrawStep': 'write',
  // Excel in (历史台账): a preview reads personal records from a file and shows them.
  'records.importPreview': 'view',
  'records.import': 'write',
  // #13 notices
  'noticeSettings.get': null,
  'noticeSettings.setBureau': 'write',
  'noticeSettings.setOrganisations': 'write',
};

export const auditRecordedPayload = z.strictObject({
  seq: z.number().int().min(1),
  id: z.uuid(),
  at: isoTimestamp,
  actorNo: z.string(),
  actorName: z.string(),
  actorRole: roleSchema.or(z.literal('')),
  action: z.string().min(1),
  kind: auditKindSchema,
  target: z.string().nullable(),
  outcome: z.string().min(1),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export const AUDIT_EVENT = 'audit.recorded';
export const auditEventSchemas = { [AUDIT_EVENT]: auditRecordedPayload } as const;
