// The console's devices page (issue #14): every enrolled or waiting device with what it last told
// the city, the one-time enrolment code when one is made, and the records the city refused.
import { z } from 'zod';

export const consoleDeviceSchema = z.object({
  deviceId: z.string(),
  countyCode: z.string(),
  deviceCode: z.string(),
  name: z.string(),
  enrolledName: z.string().nullable(),
  enrolled: z.boolean(),
  enrollmentExpiresAt: z.string(),
  revoked: z.boolean(),
  lastContactAt: z.string().nullable(),
  lastSeq: z.number().int(),
  appVersion: z.string().nullable(),
  /** Events waiting on the device at its last pull. */
  backlog: z.number().int().nullable(),
  quarantined: z.number().int(),
});
export type ConsoleDevice = z.infer<typeof consoleDeviceSchema>;

export const createConsoleDeviceSchema = z.strictObject({
  countyCode: z.string().regex(/^\d{6}$/, { error: '县级行政区划代码应为6位数字' }),
  name: z.string().trim().min(1, { error: '请填写设备名称' }).max(100, { error: '名称不能超过100个字' }),
});

export const createdDeviceSchema = z.object({
  deviceId: z.string(),
  deviceCode: z.string(),
  countyCode: z.string(),
  /** Shown once: the city keeps only its hash. */
  enrollmentCode: z.string(),
  enrollmentExpiresAt: z.string(),
});

export const refusedRecordSchema = z.object({
  seq: z.number().int(),
  type: z.string(),
  entityId: z.string(),
  occurredAt: z.string(),
  code: z.string(),
  message: z.string(),
  receivedAt: z.string(),
});
