// RPC methods of a matter's life: its file, lifecycle commands, the work queue, documents and
// supervision (督办, 包案, reception participants, campaign batches).
import { z } from 'zod';
import { matterHistoryShape } from '../corrections/history';
import { requiredText as text } from '../schema/text';
import { documentKindSchema } from '../documents/kinds';
import { isoDateSchema } from '../calendar/deadlines';
import { flagsSchema } from '../intake/flags';
import { channelSchema, visitKindSchema } from '../intake/registration';
import { commandRequestSchema, commandTypeSchema, deliveryMethodSchema } from './commands';
import { nextDeadlineSchema } from './deadlines';
import { matterLifecycleSchema } from './lifecycle';
import { matterStateSchema } from './states';
import { participantRoleSchema, supervisionOriginSchema } from './supervision';

const id = z.string().min(1).max(64);

export const matterDetailSchema = z.object({
  matterId: z.string(),
  matterNo: z.string(),
  status: matterStateSchema,
  statusLabel: z.string(),
  receivedAt: z.string(),
  channel: channelSchema,
  headcount: z.number().int(),
  category: z.array(z.string()),
  placeRegion: z.string(),
  respondent: z.string(),
  summary: z.string(),
  facts: z.string(),
  flags: flagsSchema,
  /** Masked for a protected reporter unless the operator's role needs the identity. */
  visitor: z.object({ name: z.string(), credential: z.string(), mobile: z.string(), masked: z.boolean() }),
  lifecycle: matterLifecycleSchema,
  nextDeadline: nextDeadlineSchema.nullable(),
  allowedCommands: z.array(commandTypeSchema),
  transitions: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      from: matterStateSchema,
      to: matterStateSchema,
      command: commandTypeSchema,
      label: z.string(),
      actorName: z.string(),
      reason: z.string(),
      documents: z.array(documentKindSchema),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      kind: documentKindSchema,
      title: z.string(),
      fileName: z.string(),
      createdAt: z.string(),
      deliveredAt: z.string().nullable(),
      deliveryMethod: deliveryMethodSchema.nullable(),
      /** Names a protected reporter this operator may not see (条例 art. 30): listed, but not opened. */
      withheld: z.boolean(),
    }),
  ),
  visits: z.array(z.object({ visitId: z.string(), kind: visitKindSchema, receivedAt: z.string(), headcount: z.number().int() })),
  supervision: z.array(z.object({ id: z.string(), noticeNo: z.string(), issuedBy: z.string(), issuedAt: z.string(), dueOn: z.string(), content: z.string(), resolvedAt: z.string().nullable(), origin: supervisionOriginSchema })),
  leaderCase: z.object({ leader: z.string(), staff: z.string(), plan: z.string(), dueOn: z.string(), assignedAt: z.string() }).nullable(),
  participants: z.array(z.object({ visitId: z.string(), role: participantRoleSchema, name: z.string(), organisation: z.string() })),
  // Corrections that keep history (更正, 作废, 撤回).
  ...matterHistoryShape,
});
export type MatterDetail = z.infer<typeof matterDetailSchema>;

export const queueItemSchema = z.object({
  matterId: z.string(),
  matterNo: z.string(),
  visitorName: z.string(),
  summary: z.string(),
  statusLabel: z.string(),
  nextDeadline: nextDeadlineSchema.nullable(),
  supervised: z.boolean(),
});
export const queueScopeSchema = z.enum(['all', 'overdue', 'due-soon']);
export type QueueScope = z.infer<typeof queueScopeSchema>;
/** The window's page of the queue, and the most one call returns (issue #15: never every open matter at once). */
export const QUEUE_PAGE = 50;
export const QUEUE_PAGE_MAX = 200;
export const queueSchema = z.object({
  counts: z.object({ open: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int() }),
  /** How many matters the scope lists in all; `items` are those from `offset` on. */
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(queueItemSchema),
});

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  issuedBy: z.string(),
  issuedAt: z.string(),
  dueOn: z.string(),
  assigned: z.number().int(),
  resolved: z.number().int(),
  /** 化解率 = resolved / assigned (DOMAIN.md §6), null while nothing is assigned. */
  resolutionRate: z.number().nullable(),
});

/** A step taken: the file as it now stands, and what did not go as planned after the commit. */
export const commandOutcomeSchema = z.object({ detail: matterDetailSchema, warnings: z.array(z.string()) });
export type CommandOutcome = z.infer<typeof commandOutcomeSchema>;

export const matterMethods = {
  'matters.get': { input: z.strictObject({ matterId: id }), output: matterDetailSchema },
  'matters.command': {
    input: z.strictObject({ matterId: id, command: commandRequestSchema }),
    output: commandOutcomeSchema,
  },
  'matters.queue': {
    input: z.strictObject({
      scope: queueScopeSchema.default('all'),
      dueSoonDays: z.number().int().min(0).max(30).default(3),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(QUEUE_PAGE_MAX).default(QUEUE_PAGE),
    }),
    output: queueSchema,
  },
  'documents.generate': {
    input: z.strictObject({ matterId: id, kind: documentKindSchema }),
    output: z.object({ documentId: z.string(), fileName: z.string() }),
  },
  'documents.read': { input: z.strictObject({ documentId: id }), output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }) },
  'documents.deliver': {
    input: z.strictObject({ documentId: id, method: deliveryMethodSchema, to: text('受送达人', 100), at: z.iso.datetime({ offset: true }) }),
    output: z.object({ documentId: z.string(), deliveredAt: z.string() }),
  },
  'supervision.issue': {
    input: z.strictObject({ matterId: id, dueOn: isoDateSchema, content: text('督办内容', 2000) }),
    output: z.object({ id: z.string(), noticeNo: z.string() }),
  },
  'supervision.resolve': { input: z.strictObject({ id }), output: z.object({ id: z.string(), resolvedAt: z.string() }) },
  'leaderCase.assign': {
    input: z.strictObject({ matterId: id, leader: text('包案领导', 50), staff: text('责任人员', 200), plan: text('化解方案', 2000), dueOn: isoDateSchema }),
    output: z.object({ matterId: z.string() }),
  },
  'participants.add': {
    input: z.strictObject({ visitId: id, role: participantRoleSchema, name: text('姓名', 50), organisation: z.string().trim().max(100).default('') }),
    output: z.object({ id: z.string() }),
  },
  'campaigns.create': {
    input: z.strictObject({ name: text('专项名称', 100), issuedBy: text('交办单位', 100), dueOn: isoDateSchema, matterNos: z.array(z.string().min(1)).min(1).max(1000) }),
    output: campaignSchema,
  },
  'campaigns.list': { input: z.strictObject({}), output: z.array(campaignSchema) },
} as const;
