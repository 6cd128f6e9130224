// The local store's staff accounts and audit log (DESIGN.md §6), re-exported by db/schema.ts so
// drizzle-kit and every query see one schema. Append-only once released, as the rest.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

import { bool } from './columns';

/**
 * Staff accounts of this window (DESIGN.md §6). Local to the device and never synced: only a
 * scrypt hash of each password is kept, and failed sign-ins make the account wait.
 */
export const staffAccount = sqliteTable('staff_account', {
  id: text('id').primaryKey(),
  userNo: text('user_no').notNull().unique(), // 工号
  name: text('name').notNull(),
  role: text('role', { enum: ['clerk', 'handler', 'supervisor', 'admin'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: bool('must_change_password'),
  disabled: bool('disabled'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: text('locked_until'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The audit log (DESIGN.md §6): who did or saw what, when. Append-only and hash-chained: each
 * row's hash covers its content and the previous row's hash, so an edited, deleted or
 * reordered row breaks the chain (db/audit.ts verifyAuditChain). Each row also goes to the
 * city as an outbox event, where the copy cannot be edited from this machine.
 */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  id: text('id').notNull().unique(),
  at: text('at').notNull(),
  actorNo: text('actor_no').notNull(),
  actorName: text('actor_name').notNull(),
  actorRole: text('actor_role').notNull(),
  action: text('action').notNull(),
  kind: text('kind', { enum: ['write', 'view', 'session'] }).notNull(),
  target: text('target'),
  outcome: text('outcome').notNull(), // 'ok' or the refusal's code
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
