// Local store schema v1 (DESIGN.md §3). Append-only once released: new tables and columns only.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const visitor = sqliteTable(
  'visitor',
  {
    id: text('id').primaryKey(), // UUIDv7, made on the device
    idType: text('id_type').notNull(),
    idNumber: text('id_number').notNull(),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }),
    birthDate: text('birth_date'),
    regionCode: text('region_code'),
    phone: text('phone').notNull().default(''),
    address: text('address').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('visitor_id_number_idx').on(t.idType, t.idNumber)],
);

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
    summary: text('summary').notNull(),
    status: text('status').notNull(),
    receivedAt: text('received_at').notNull(), // ISO with the device's offset
    receivedOn: text('received_on').notNull(), // local YYYY-MM-DD, for the day's list
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('matter_received_on_idx').on(t.receivedOn), index('matter_visitor_idx').on(t.visitorId)],
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

/** This installation: its enrolment with the city and its number counters. */
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

/** Per-year matter number sequences (信访件编号 are unique without coordination). */
export const counter = sqliteTable('counter', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});
