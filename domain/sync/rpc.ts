// RPC methods of the sync feature: the status the status bar shows, enrolment, 立即同步.
import { z } from 'zod';

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  deviceCode: z.string().nullable(),
  countyCode: z.string().nullable(),
  /** null until the first health check has answered or failed. */
  online: z.boolean().nullable(),
  syncing: z.boolean(),
  waiting: z.number().int(),
  /** Audit lines waiting besides (counted apart: every call adds one). */
  auditWaiting: z.number().int(),
  oldestWaitingAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  progress: z.object({ sent: z.number().int(), total: z.number().int() }).nullable(),
  /** Records the city refused (quarantined): what they were and why, so someone can fix them. */
  rejected: z.array(
    z.object({
      seq: z.number().int(),
      code: z.string(),
      message: z.string(),
      at: z.string(),
      /** The refused event's type, and the matter it concerns when this window still holds it. */
      type: z.string().nullable(),
      matterNo: z.string().nullable(),
      matterId: z.string().nullable(),
    }),
  ),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const enrollInputSchema = z.strictObject({
  serverUrl: z
    .string()
    .trim()
    // Only scheme, host, port and path: the client appends /api/v1/… to it, and a user name or
    // password in the address would travel with every request. Whether plain http:// is allowed
    // is the sync client's call (development only).
    .regex(/^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?(\/[^\s?#@]*)?$/i, { error: '服务器地址应为 https:// 开头的网址，例如 https://xinfang.example.gov.cn' }),
  code: z.string().trim().min(4, { error: '请填写注册码' }).max(64),
  name: z.string().trim().min(1, { error: '请填写本机名称' }).max(100),
});

const empty = z.strictObject({});

export const syncMethods = {
  'sync.status': { input: empty, output: syncStatusSchema },
  'sync.enroll': { input: enrollInputSchema, output: syncStatusSchema },
  'sync.now': { input: empty, output: syncStatusSchema },
} as const;
