// Local store schema (DESIGN.md §3). Append-only once released: new tables and columns only;
// tests/integration/schemaSnapshot.test.ts holds the released shape.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { DeadlineStep } from '../domain/calendar/deadlines';
import type { DocumentKind } from '../domain/documents/kinds';
import type { DeliveryMethod } from '../domain/matters/commands';
import type { MatterState } from '../domain/matters/states';
import { openMatter } from './queueColumns';
import { registerFilterColumns } from './registerColumns';

import { bool } from './columns';

/** A person who came to the window, known by a document (type + number). */
export const visitor = sqliteTable(
  'visitor',
  {
    id: text('id').primaryKey(), // UUIDv7, made on the device
    idType: text('id_type').notNull(),
    idNumber: text('id_number').notNull(),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }),
    ethnicity: text('ethnicity').notNull().default(''),
    birthDate: text('birth_date'),
    regionCode: text('region_code'), // from the ID number's address code
    mobile: text('mobile').notNull().default(''),
    landline: text('landline').notNull().default(''),
    householdRegion: text('household_region').notNull().default(''), // 户籍地
    householdAddress: text('household_address').notNull().default(''),
    currentRegion: text('current_region').notNull().default(''), // 现住地
    currentAddress: text('current_address').notNull().default(''),
    workUnit: text('work_unit').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('visitor_document_idx').on(t.idNumber, t.idType), index('visitor_name_mobile_idx').on(t.name, t.mobile)],
);

/** A petition matter (信访事项): what the visitor brings, followed to its end. */
export const matter = sqliteTable(
  'matter',
  {
    id: text('id').primaryKey(),
    matterNo: text('matter_no').notNull().unique(),
    visitorId: text('visitor_id')
      .notNull()
      .references(() => visitor.id),
    channel: text('channel').notNull(),
    headcount: integer('headcount').notNull(),
    categoryCode: text('category_code').notNull().default(''),
    placeRegion: text('place_region').notNull().default(''), // 属地
    respondent: text('respondent').notNull().default(''), // the person or unit it is about
    summary: text('summary').notNull(),
    facts: text('facts').notNull().default(''),
    skipLevel: text('skip_level'), // 越级: null, or the level skipped to
    crossRegion: bool('cross_region'),
    crossDepartment: bool('cross_department'),
    crossSector: bool('cross_sector'),
    personHouseholdApart: bool('person_household_apart'),
    personMatterApart: bool('person_matter_apart'),
    matterHouseholdApart: bool('matter_household_apart'),
    lawRelated: bool('law_related'), // 涉法涉诉
    majorUrgent: bool('major_urgent'),
    status: text('status').notNull().$type<MatterState>(), // lifecycle state (domain/matters/states.ts)
    lifecycle: text('lifecycle').notNull().default('{}'), // the domain's MatterLifecycle as JSON
    nextStep: text('next_step').$type<DeadlineStep>(),
    nextDue: text('next_due'), // YYYY-MM-DD, for the work queue
    reporterProtected: bool('reporter_protected'), // 检举控告: mask the reporter (条例 art. 30)
    receivedAt: text('received_at').notNull(), // ISO with the device's offset
    receivedOn: text('received_on').notNull(), // local YYYY-MM-DD
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    // Corrections that keep history and Excel in: a voided registration stays, out of the figures;
    // a record brought in from the 历史台账 is history, never counted in the window's figures.
    voidedAt: text('voided_at'),
    origin: text('origin', { enum: ['window', 'import'] }).notNull().default('window'),
    sourceNo: text('source_no').notNull().default(''), // 原编号 in the imported ledger
  },
  (t) => [
    index('matter_received_on_idx').on(t.receivedOn),
    index('matter_visitor_idx').on(t.visitorId),
    // The work queue (db/queue.ts): open matters only, in its order, holding every column its runs
    // read (its own WHERE's too), so a page never reads the table for a row it skips.
    index('matter_queue_idx').on(t.nextDue, t.matterNo, t.nextStep, t.status, t.voidedAt).where(openMatter(t)),
    // Few matters are ever voided: the figures leave them out through this index, not a scan.
    index('matter_voided_idx').on(t.voidedAt).where(sql`${t.voidedAt} IS NOT NULL`),
    // The full register (台账): an index per order it offers (db/registerColumns.ts), and two for its lists.
    index('matter_register_received_idx').on(t.receivedAt, t.matterNo, ...registerFilterColumns(t)),
    index('matter_register_due_idx').on(sql`coalesce(${t.nextDue}, '9999-12-31')`, t.matterNo, t.receivedAt, ...registerFilterColumns(t)),
    index('matter_place_idx').on(t.placeRegion),
    index('matter_unit_idx').on(sql`json_extract(${t.lifecycle}, '$.body')`),
  ],
);

/** Each time someone comes (or writes, calls) about a matter: 初访 creates the matter, 重复访 links. */
export const visit = sqliteTable(
  'visit',
  {
    id: text('id').primaryKey(),
    matterId: text('matter_id')
      .notNull()
      .references(() => matter.id),
    visitorId: text('visitor_id')
      .notNull()
      .references(() => visitor.id),
    kind: text('kind', { enum: ['first', 'repeat'] }).notNull(),
    /** The name as given at this visit: a later visit under the same document may spell it anew. */
    visitorName: text('visitor_name').notNull(),
    channel: text('channel').notNull(),
    headcount: integer('headcount').notNull(),
    summary: text('summary').notNull().default(''),
    receivedAt: text('received_at').notNull(),
    receivedOn: text('received_on').notNull(),
  },
  (t) => [index('visit_matter_idx').on(t.matterId), index('visit_received_on_idx').on(t.receivedOn)],
);

/** 集体访 representatives, at most 5 per visit (条例 art. 18). */
export const representative = sqliteTable(
  'representative',
  {
    visitId: text('visit_id')
      .notNull()
      .references(() => visit.id),
    ordinal: integer('ordinal').notNull(),
    visitorId: text('visitor_id')
      .notNull()
      .references(() => visitor.id),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.ordinal] }),
    index('representative_visitor_idx').on(t.visitorId),
    check('representative_at_most_5', sql`${t.ordinal} BETWEEN 1 AND 5`),
  ],
);

/** Scans and photos, copied into the data folder under their sha256. */
export const attachment = sqliteTable(
  'attachment',
  {
    id: text('id').primaryKey(),
    matterId: text('matter_id')
      .notNull()
      .references(() => matter.id),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    createdAt: text('created_at').notNull(),
    uploadedAt: text('uploaded_at'),
  },
  (t) => [index('attachment_matter_idx').on(t.matterId)],
);

/** Half-filled forms, saved as the clerk types, so a closed window or a crash loses nothing. */
export const draft = sqliteTable('draft', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  title: text('title').notNull().default(''),
  data: text('data').notNull(), // JSON of the form's values
  updatedAt: text('updated_at').notNull(),
});

/** Every lifecycle step: who, when, why and which documents (DOMAIN.md §3–§5). */
export const transition = sqliteTable(
  'transition',
  {
    id: text('id').primaryKey(),
    matterId: text('matter_id')
      .notNull()
      .references(() => matter.id),
    fromState: text('from_state').$type<MatterState>().notNull(),
    toState: text('to_state').$type<MatterState>().notNull(),
    command: text('command').notNull(), // the command as JSON
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    at: text('at').notNull(),
    reason: text('reason').notNull().default(''),
    documents: text('documents').notNull().default('[]'),
  },
  (t) => [index('transition_matter_idx').on(t.matterId)],
);

/** Documents produced for a matter and, once handed over, how they were delivered (送达). */
export const document = sqliteTable(
  'document',
  {
    id: text('id').primaryKey(),
    matterId: text('matter_id')
      .notNull()
      .references(() => matter.id),
    kind: text('kind').notNull().$type<DocumentKind>(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    createdAt: text('created_at').notNull(),
    deliveryMethod: text('delivery_method').$type<DeliveryMethod>(),
    deliveredTo: text('delivered_to'),
    deliveredAt: text('delivered_at'),
  },
  (t) => [index('document_matter_idx').on(t.matterId)],
);

/** 督办 notices, leader case ownership (包案), reception participants and campaign batches. */
export const supervision = sqliteTable(
  'supervision',
  {
    id: text('id').primaryKey(),
    matterId: text('matter_id')
      .notNull()
      .references(() => matter.id),
    noticeNo: text('notice_no').notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedAt: text('issued_at').notNull(),
    dueOn: text('due_on').notNull(),
    content: text('content').notNull(),
    resolvedAt: text('resolved_at'),
    origin: text('origin', { enum: ['local', 'city'] }).notNull().default('local'),
  },
  (t) => [index('supervision_matter_idx').on(t.matterId)],
);

export const leaderCase = sqliteTable('leader_case', {
  matterId: text('matter_id')
    .primaryKey()
    .references(() => matter.id),
  leader: text('leader').notNull(), // 定领导
  staff: text('staff').notNull(), // 定人员
  plan: text('plan').notNull(), // 定方案
  dueOn: text('due_on').notNull(), // 定时限
  assignedAt: text('assigned_at').notNull(),
});

export const participant = sqliteTable(
  'participant',
  {
    id: text('id').primaryKey(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visit.id),
    role: text('role', { enum: ['lawyer', 'psychologist'] }).notNull(),
    name: text('name').notNull(),
    organisation: text('organisation').notNull().default(''),
  },
  (t) => [index('participant_visit_idx').on(t.visitId)],
);

export const campaign = sqliteTable('campaign', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  issuedBy: text('issued_by').notNull(),
  issuedAt: text('issued_at').notNull(),
  dueOn: text('due_on').notNull(),
});

export const campaignMatter = sqliteTable(
  'campaign_matter',
  {
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaign.id),
    matterId: text('matter_id')
      .notNull()
      .references(() => matter.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.matterId] })],
);

/** Transactional outbox: seq is the device's sync sequence, consecutive from 1, never reused. */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    type: text('type').notNull(),
    entityId: text('entity_id').notNull(),
    occurredAt: text('occurred_at').notNull(),
    payload: text('payload').notNull(), // JSON
  },
  (t) => [index('outbox_entity_idx').on(t.entityId)],
);

/** One row: what the city has acknowledged and how the last attempts went. */
export const syncState = sqliteTable(
  'sync_state',
  {
    id: integer('id').primaryKey(),
    lastAckedSeq: integer('last_acked_seq').notNull().default(0),
    lastSuccessAt: text('last_success_at'),
    lastAttemptAt: text('last_attempt_at'),
    lastErrorCode: text('last_error_code'),
    lastErrorMessage: text('last_error_message'),
    clockOffsetMs: integer('clock_offset_ms'),
    pullCursor: text('pull_cursor'),
  },
  (t) => [check('sync_state_single_row', sql`${t.id} = 1`)],
);

/** Sync rejections the city returned: kept so the window can show what to fix. */
export const syncRejection = sqliteTable('sync_rejection', {
  seq: integer('seq').primaryKey(),
  code: text('code').notNull(),
  message: text('message').notNull(),
  at: text('at').notNull(),
});

/** Reference data the city maintains (units, categories, holidays, settings), as pulled. */
export const referenceData = sqliteTable('reference_data', {
  key: text('key').primaryKey(),
  value: text('value').notNull(), // JSON
  updatedAt: text('updated_at').notNull(),
});

/** This installation: its enrolment with the city. */
export const device = sqliteTable(
  'device',
  {
    id: integer('id').primaryKey(),
    installId: text('install_id').notNull(),
    serverUrl: text('server_url'),
    deviceId: text('device_id'),
    deviceCode: text('device_code'),
    countyCode: text('county_code'),
    token: text('token'),
    enrolledAt: text('enrolled_at'),
  },
  (t) => [check('device_single_row', sql`${t.id} = 1`)],
);

/** Small settings of this installation (the operator at the window, pull cursors…), JSON values. */
export const setting = sqliteTable('setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Per-year matter number sequences (信访件编号 are unique without coordination). */
export const counter = sqliteTable('counter', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

// Staff accounts and the audit log live in their own module; drizzle-kit reads them through this one.
export * from './staffSchema';

// --- Corrections that keep history, and the city's termination register (issue #12)

/**
 * 更正, 作废 and 撤回 of a matter, each with who, when and why. Append-only: a correction is
 * never edited or removed, and a withdrawn step keeps its transition row (withdrawnTransitionId
 * names it), so the file always shows what was recorded and what replaced it.
 */
export const matterCorrection = sqliteTable(
  'matter_correction',
  {
    id: text('id').primaryKey(),
    matterId: text('matter_id')
      .notNull()
      .references(() => matter.id),
    kind: text('kind', { enum: ['correct', 'void', 'withdraw'] }).notNull(),
    changes: text('changes').notNull().default('[]'), // [{ field, from, to }] as JSON
    withdrawnTransitionId: text('withdrawn_transition_id').references(() => transition.id),
    fromState: text('from_state').$type<MatterState>(),
    toState: text('to_state').$type<MatterState>(),
    reason: text('reason').notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('matter_correction_matter_idx').on(t.matterId)],
);

// The pulled termination register and the search documents: their own module, read through this one.
export * from './findSchema';

// Each counted matter's figure facts, for 统计 (its own module, read through this one).
export * from './factsSchema';
