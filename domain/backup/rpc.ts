// RPC methods of backup and restore (issue #15): one-click backup to a folder or USB drive, a
// daily automatic backup kept for some days, and the restore of a backup (on this machine or a
// new one, with the county recovery code). Administrator only; the store stays encrypted in
// every copy.
import { z } from 'zod';

/** An absolute folder path on Windows (C:\…, \\server\share) or elsewhere (/media/usb…). */
export const folderPathSchema = z
  .string()
  .trim()
  .max(1000)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\)/, { error: '请填写完整的文件夹路径，例如 E:\\ 或 /media/usb' })
  .refine((p) => !/\p{Cc}/u.test(p), { error: '文件夹路径含有无法识别的字符' });

/** How many daily backups are kept: a week by default. */
export const DEFAULT_KEEP_DAILY = 7;

export const backupEntrySchema = z.object({
  /** The backup's own folder: what a restore is given. */
  path: z.string(),
  name: z.string(),
  createdAt: z.string(),
  kind: z.enum(['manual', 'daily']),
  bytes: z.number().int(),
  matters: z.number().int(),
  /** The outbox's last seq in the copy, and what the city had acknowledged of it. */
  lastSeq: z.number().int(),
  ackedSeq: z.number().int(),
  deviceCode: z.string().nullable(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupProgressSchema = z.object({
  phase: z.enum(['copy', 'check', 'files', 'restore']),
  done: z.number().int(),
  total: z.number().int(),
});
export type BackupProgress = z.infer<typeof backupProgressSchema>;

export const backupStatusSchema = z.object({
  folder: z.string().nullable(),
  daily: z.boolean(),
  keep: z.number().int(),
  lastDailyAt: z.string().nullable(),
  running: backupProgressSchema.nullable(),
  last: z.object({ at: z.string(), ok: z.boolean(), path: z.string().nullable(), message: z.string().nullable() }).nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupConfigureSchema = z.strictObject({
  folder: folderPathSchema,
  daily: z.boolean(),
  keep: z.number().int().min(1, { error: '至少保留 1 份' }).max(60, { error: '最多保留 60 份' }),
});

export const restoreInputSchema = z.strictObject({
  path: folderPathSchema,
  /** Needed when the backup was made under another key (another machine, or before a re-key). */
  recoveryCode: z.string().trim().max(64).optional(),
});

const empty = z.strictObject({});

export const backupMethods = {
  'backup.status': { input: empty, output: backupStatusSchema },
  'backup.configure': { input: backupConfigureSchema, output: backupStatusSchema },
  'backup.create': { input: empty, output: backupEntrySchema },
  'backup.list': { input: z.strictObject({ folder: folderPathSchema.optional() }), output: z.array(backupEntrySchema) },
  'backup.restore': { input: restoreInputSchema, output: z.object({ restored: backupEntrySchema, restart: z.literal(true) }) },
} as const;
