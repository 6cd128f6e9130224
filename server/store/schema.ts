// City database schema (DESIGN.md §4–5): devices, the append-only record of accepted events, the
// quarantine, the matter projection, what the city sends down and the attachments devices upload.
// drizzle-kit generates server/store/migrations from it.
import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, foreignKey, index, integer, jsonb, pgTable, pgView, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { Channel } from '../../domain/intake/registration';
import type { MatterState } from '../../domain/matters/states';
import type { EventType } from '../../domain/sync/events';

const receivedAt = () => timestamp('received_at', { withTimezone: true }).notNull().defaultNow();

export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    /** The administrator's label for the device. */
    name: text('name').notNull(),
    /** The name the device gave when it enrolled (usually the machine's own name). */
    enrolledName: text('enrolled_name'),
    /** 'D001', 'D002', … per county; part of every matter number the device issues. */
    deviceCode: text('device_code').notNull(),
    tokenHash: text('token_hash'),
    enrollmentCodeHash: text('enrollment_code_hash').notNull(),
    /** A code not used by then enrols nothing (city/devices.ts). */
    enrollmentExpiresAt: timestamp('enrollment_expires_at', { withTimezone: true }).notNull(),
    enrollmentUsedAt: timestamp('enrollment_used_at', { withTimezone: true }),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastSeq: integer('last_seq').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // city console (issue #14): what the device last told the city of itself.
    /** The last authenticated call, of any kind. */
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    appVersion: text('app_version'),
    /** Events waiting on the device when it last pushed. */
    backlog: integer('backlog'),
  },
  (t) => [
    uniqueIndex('devices_county_device_code_uq').on(t.countyCode, t.deviceCode),
    uniqueIndex('devices_token_hash_uq').on(t.tokenHash),
    uniqueIndex('devices_enrollment_code_hash_uq').on(t.enrollmentCodeHash),
  ],
);

/**
 * The device that sent a pushed row. Not a foreign key: every such row is written in the
 * transaction that holds the device's row lock (push/applyPushes.ts), which proves the device exists, and
 * devices are revoked, never deleted. The per-row check cost a fifth of each push's statement.
 */
const pushingDevice = () => uuid('device_id').notNull();

/** An event as the device sent it: the columns the record and the quarantine share. */
const eventColumns = () => ({
  deviceId: pushingDevice(),
  seq: integer('seq').notNull(),
  eventId: uuid('event_id').notNull(),
  type: text('type').notNull(),
  entityId: text('entity_id').notNull(),
  /** Kept as the device's string, so its UTC offset survives. */
  occurredAt: text('occurred_at').notNull(),
  payload: jsonb('payload').notNull(),
  batchId: uuid('batch_id').notNull(),
});

/** Every accepted event exactly as the device sent it. Append-only. */
export const events = pgTable(
  'events',
  // Accepted events: their types are known (quarantine keeps the rest).
  { ...eventColumns(), type: text('type').notNull().$type<EventType>(), receivedAt: receivedAt() },
  // No index on entity_id: nothing looks events up by entity, and it slowed every push.
  (t) => [primaryKey({ columns: [t.deviceId, t.seq] })],
);

/** Events whose content failed; acknowledged (their seq is used up) but not applied. */
export const quarantine = pgTable(
  'quarantine',
  { ...eventColumns(), code: text('code').notNull(), message: text('message').notNull(), receivedAt: receivedAt() },
  (t) => [primaryKey({ columns: [t.deviceId, t.seq] })],
);

/**
 * City projection of 'matter.registered': the matter and the first visit (初访) it was registered
 * at, which is kept here rather than as a row of its own in visits: that row and its keys were a
 * sixth of every push (see allVisits).
 */
export const matters = pgTable(
  'matters',
  {
    matterId: uuid('matter_id').primaryKey(),
    /** The first visit's id: unique among all visits, with visits.visit_id (push/apply.ts checks both). */
    firstVisitId: uuid('first_visit_id'),
    matterNo: text('matter_no').notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    deviceId: pushingDevice(),
    visitorId: uuid('visitor_id').notNull(),
    visitorName: text('visitor_name').notNull(),
    idType: text('document_type').notNull(), // the visitor's 证件: keys renamed, columns kept as created
    /** Indexed for the cross-county repeat-petitioner lookup. */
    idNumber: text('document_number').notNull(),
    /** The whole person as the device registered it (PersonPayload), and the group's representatives. */
    visitor: jsonb('visitor').notNull(),
    representatives: jsonb('representatives').notNull(),
    channel: text('channel').notNull().$type<Channel>(),
    // bigint: the payload allows any safe integer, and an overflow would fail the whole batch.
    headcount: bigint('headcount', { mode: 'number' }).notNull(),
    categoryCode: text('category_code').notNull(),
    placeRegion: text('place_region').notNull(),
    respondent: text('respondent').notNull(),
    summary: text('summary').notNull(),
    facts: text('facts').notNull(),
    flags: jsonb('flags').notNull(),
    status: text('status').notNull().default('registered').$type<MatterState>(),
    /**
     * The matter's domain lifecycle (MatterLifecycle), replayed from its transitions with the
     * domain's own rules; null until the first one arrives (then it is as registered).
     */
    lifecycle: jsonb('lifecycle'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    clockOffsetMs: bigint('clock_offset_ms', { mode: 'number' }),
    // Corrections that keep history and Excel in (issue #12).
    /** 作废: kept, left out of the figures and the person lookup. */
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    /** 'import': a record a window brought in from its 历史台账 ('matter.imported'), never in the figures. */
    origin: text('origin').notNull().default('window'),
    /**
     * The window's steps as applied ({ transitionId, command, withdrawnBy }), so a 撤回 can
     * replay the steps that still stand; null for a matter with no step since this was kept.
     */
    steps: jsonb('steps'),
  },
  (t) => [
    uniqueIndex('matters_matter_no_uq').on(t.matterNo),
    uniqueIndex('matters_first_visit_uq').on(t.firstVisitId),
    index('matters_county_idx').on(t.countyCode),
    index('matters_credential_idx').on(t.idNumber, t.idType),
  ],
);

/** A visit as registered at a window: the columns of the visits table and of the all_visits view. */
const visitColumns = () => ({
  visitId: uuid('visit_id').notNull(),
  matterId: uuid('matter_id').notNull(),
  countyCode: varchar('county_code', { length: 6 }).notNull(),
  deviceId: pushingDevice(),
  kind: text('kind').notNull(),
  idType: text('document_type').notNull(),
  idNumber: text('document_number').notNull(),
  visitorName: text('visitor_name').notNull(),
  channel: text('channel').notNull().$type<Channel>(),
  headcount: bigint('headcount', { mode: 'number' }).notNull(),
  terminatedMatter: boolean('terminated_matter').notNull().default(false),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
});

/** Repeat visits (重复访) as registered at a window; a matter's first visit is part of its row in matters. */
export const visits = pgTable(
  'visits',
  { ...visitColumns(), visitId: uuid('visit_id').primaryKey() },
  (t) => [index('visits_matter_idx').on(t.matterId), index('visits_credential_idx').on(t.idNumber, t.idType)],
);

/**
 * Every visit, first and repeat, as one relation for the readers (lookup, figures): the first
 * visits out of matters, the repeat ones out of visits. Created by migration 0005; a filter on
 * it reaches both tables' indexes.
 */
export const allVisits = pgView('all_visits', visitColumns()).existing();

/**
 * The one change counter behind the pull cursor (DESIGN.md §4). Every write the devices pull
 * takes the next value by updating this single row, in its own transaction; the row lock makes
 * those writes commit in counter order, so a reader never sees value n+1 without n.
 */
export const changeCounter = pgTable('change_counter', { id: smallint('id').primaryKey(), value: bigint('value', { mode: 'number' }).notNull() });

/** Reference data the city maintains, one row per key, replaced whole by the administrator. */
export const referenceData = pgTable(
  'reference_data',
  {
    key: text('key').primaryKey(),
    value: jsonb('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    /** city console (issue #14): 1, 2, … per key; every version is kept in reference_history. */
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('reference_data_change_seq_uq').on(t.changeSeq)],
);

/** 督办 notices issued by the city about a county's matter (DOMAIN.md §6). */
export const supervisionNotices = pgTable(
  'supervision_notices',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id').notNull().references(() => matters.matterId),
    matterNo: text('matter_no').notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    /** 督〔year〕number号, numbered from 1 each year. */
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    noticeNo: text('notice_no').notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('supervision_notices_year_number_uq').on(t.year, t.number),
    uniqueIndex('supervision_notices_county_change_uq').on(t.countyCode, t.changeSeq),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // pg returns a Buffer, PGlite a Uint8Array; PGlite also writes a plain Uint8Array about twice
  // as fast as a Buffer, and pg takes either.
  toDriver: (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
  fromDriver: (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength),
});

/**
 * Uploaded files, content-addressed by sha256 within a county: the same bytes sent from two
 * counties are two records, so no county can learn by hash what another holds.
 */
export const attachments = pgTable(
  'attachments',
  {
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.sha256] })],
);

/** An upload in progress (one per device and hash); its bytes are in attachment_upload_parts. */
export const attachmentUploads = pgTable(
  'attachment_uploads',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    total: integer('total').notNull(),
    received: integer('received').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.sha256] })],
);

/** One row per accepted Content-Range chunk, so appending never rewrites what came before. */
export const attachmentUploadParts = pgTable(
  'attachment_upload_parts',
  {
    deviceId: uuid('device_id').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    offset: integer('offset').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.deviceId, t.sha256, t.offset] }),
    foreignKey({ columns: [t.deviceId, t.sha256], foreignColumns: [attachmentUploads.deviceId, attachmentUploads.sha256] }).onDelete('cascade'),
  ],
);

/**
 * Every person lookup (DESIGN.md §6: audited), by a device or by the administrator (device null):
 * who asked about which 证件, when, and how many matters the answer held.
 */
export const personLookups = pgTable(
  'person_lookups',
  {
    id: uuid('id').primaryKey(),
    deviceId: uuid('device_id'),
    /** Null: any type (the administrator may leave it out). */
    idType: text('document_type'),
    idNumber: text('document_number').notNull(),
    mattersFound: integer('matters_found').notNull(),
    lookedUpAt: timestamp('looked_up_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_lookups_credential_idx').on(t.idNumber, t.idType), index('person_lookups_device_idx').on(t.deviceId, t.lookedUpAt)],
);

// ---- city console (issue #14): the city's own staff, their sessions, the audit of what they
// saw and did, the history of published reference data, and the city's campaigns.

/** A console account (domain/console/roles.ts); never a window's account. */
export const cityStaff = pgTable('city_staff', {
  staffId: uuid('staff_id').primaryKey(),
  userNo: text('user_no').notNull().unique('city_staff_user_no_uq'),
  name: text('name').notNull(),
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** Wrong passwords in a row; the account waits until locked_until once it reaches the limit. */
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A signed-in console; the cookie holds a random token, the table only its hash. */
export const consoleSessions = pgTable(
  'console_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => cityStaff.staffId),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('console_sessions_staff_idx').on(t.staffId)],
);

/** Append-only: every sign-in, every change, every full record viewed and every person looked up at the city. */
export const cityAudit = pgTable(
  'city_audit',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for the set-up token and for a failed sign-in under an unknown 工号. */
    staffId: uuid('staff_id'),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    detail: jsonb('detail'),
  },
  (t) => [index('city_audit_at_idx').on(t.at)],
);

/** Every version of every piece of reference data the city published, with who published it. */
export const referenceHistory = pgTable(
  'reference_history',
  {
    key: text('key').notNull(),
    version: integer('version').notNull(),
    value: jsonb('value').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: text('published_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.version] })],
);

/** A special campaign (专项) the city runs from startsOn to dueOn: matters of the counties assigned to it, and only of those (DOMAIN.md §6). */
export const cityCampaigns = pgTable('city_campaigns', {
  campaignId: uuid('campaign_id').primaryKey(),
  name: text('name').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  countyCodes: varchar('county_codes', { length: 6 }).array().notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const cityCampaignMatters = pgTable(
  'city_campaign_matters',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => cityCampaigns.campaignId),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matters.matterId),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.matterId] })],
);

/** For tests and tools that need to empty the city database. */
export const truncateAllSql = sql`TRUNCATE termination_register, events, quarantine, visits, supervision_notices, reference_data, change_counter, attachment_upload_parts, attachment_uploads, attachments, matters, person_lookups, devices, console_sessions, city_staff, city_audit, reference_history, city_campaign_matters, city_campaigns, matter_facts, matter_facts_basis, fact_tallies, visit_tallies`;

/**
 * The city's termination register (终结库): every terminated matter of every county, the person
 * known by a hash of the 证件 number (domain/records/terminationRegister.ts). Devices pull it by
 * the change counter; an entry taken back (撤回, 作废) stays, inactive, so devices learn that too.
 */
export const terminationRegister = pgTable(
  'termination_register',
  {
    matterId: uuid('matter_id').primaryKey(),
    matterNo: text('matter_no').notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    documentHash: varchar('document_hash', { length: 64 }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    terminatedOn: date('terminated_on', { mode: 'string' }).notNull(),
    active: boolean('active').notNull(),
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('termination_register_change_seq_uq').on(t.changeSeq)],
);
export * from './factsSchema'; // each counted matter's figure facts: their own module, read through this one
