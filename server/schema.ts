// City database schema (DESIGN.md §4–5): enrolled devices, the append-only record of accepted
// sync events, the quarantine of events whose content failed, and the city's matter projection.
// Migrations are generated from this file by drizzle-kit into server/migrations.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

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
    enrollmentUsedAt: timestamp('enrollment_used_at', { withTimezone: true }),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastSeq: integer('last_seq').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('devices_county_device_code_uq').on(t.countyCode, t.deviceCode),
    uniqueIndex('devices_token_hash_uq').on(t.tokenHash),
    uniqueIndex('devices_enrollment_code_hash_uq').on(t.enrollmentCodeHash),
  ],
);

/** Every accepted event exactly as the device sent it. Append-only. */
export const events = pgTable(
  'events',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    seq: integer('seq').notNull(),
    eventId: uuid('event_id').notNull(),
    type: text('type').notNull(),
    entityId: text('entity_id').notNull(),
    /** Kept as the device's string, so its UTC offset survives. */
    occurredAt: text('occurred_at').notNull(),
    payload: jsonb('payload').notNull(),
    batchId: uuid('batch_id').notNull(),
    receivedAt: receivedAt(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.seq] }), index('events_entity_idx').on(t.entityId)],
);

/** Events whose content failed; acknowledged (their seq is used up) but not applied. */
export const quarantine = pgTable(
  'quarantine',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    seq: integer('seq').notNull(),
    eventId: uuid('event_id').notNull(),
    type: text('type').notNull(),
    entityId: text('entity_id').notNull(),
    occurredAt: text('occurred_at').notNull(),
    payload: jsonb('payload').notNull(),
    batchId: uuid('batch_id').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    receivedAt: receivedAt(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.seq] })],
);

/** City projection of 'matter.registered'. */
export const matters = pgTable(
  'matters',
  {
    matterId: uuid('matter_id').primaryKey(),
    matterNo: text('matter_no').notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    visitorId: uuid('visitor_id').notNull(),
    visitorName: text('visitor_name').notNull(),
    idNumber: varchar('id_number', { length: 18 }).notNull(),
    gender: text('gender').notNull(),
    /** Text as sent: the payload schema checks only its shape, and a date column would refuse '2026-02-30'. */
    birthDate: text('birth_date').notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    channel: text('channel').notNull(),
    // bigint: the payload allows any safe integer, and an overflow would fail the whole batch.
    headcount: bigint('headcount', { mode: 'number' }).notNull(),
    summary: text('summary').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    clockOffsetMs: bigint('clock_offset_ms', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('matters_matter_no_uq').on(t.matterNo),
    index('matters_county_idx').on(t.countyCode),
    index('matters_id_number_idx').on(t.idNumber),
  ],
);

/** For tests and tools that need to empty the city database. */
export const truncateAllSql = sql`TRUNCATE events, quarantine, matters, devices`;
