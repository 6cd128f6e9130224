// The one RPC contract (DESIGN.md §2): method name -> input and output schemas. The renderer's
// client, the IPC handlers and the loopback HTTP transport all derive their types from here.
import { z } from 'zod';
import '../zodLocale';
import { registerVisitInputSchema, registrationSummarySchema } from '../intake/registration';

const empty = z.strictObject({});

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  deviceCode: z.string().nullable(),
  countyCode: z.string().nullable(),
  /** null until the first health check has answered or failed. */
  online: z.boolean().nullable(),
  syncing: z.boolean(),
  waiting: z.number().int(),
  oldestWaitingAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  progress: z.object({ sent: z.number().int(), total: z.number().int() }).nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const enrollInputSchema = z.strictObject({
  serverUrl: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/]+(:\d+)?(\/.*)?$/, { error: '服务器地址应以 http:// 或 https:// 开头' }),
  code: z.string().trim().min(4, { error: '请填写注册码' }).max(64),
  name: z.string().trim().min(1, { error: '请填写本机名称' }).max(100),
});

/**
 * `today` lets the ID rules refuse future birth dates; the backend passes its clock, the
 * renderer its own (for form-side checks only: the backend always validates again).
 */
export function makeContract(today: () => string) {
  return {
    'intake.register': {
      input: registerVisitInputSchema(today),
      output: z.object({ matterId: z.string(), matterNo: z.string(), visitorId: z.string(), receivedAt: z.string() }),
    },
    'intake.listToday': { input: empty, output: z.array(registrationSummarySchema) },
    'sync.status': { input: empty, output: syncStatusSchema },
    'sync.enroll': { input: enrollInputSchema, output: syncStatusSchema },
    'sync.now': { input: empty, output: syncStatusSchema },
  } as const;
}
export type Contract = ReturnType<typeof makeContract>;
export type Method = keyof Contract;
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends Method> = z.infer<Contract[M]['output']>;
export const METHODS = Object.keys(makeContract(() => '2000-01-01')) as Method[];
