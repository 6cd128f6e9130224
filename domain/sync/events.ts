// Sync event shapes (DESIGN.md §4): the envelope every event travels in, and one payload
// schema per event type. Device and city both validate against these.
import { z } from 'zod';
import { intakeEventSchemas } from '../intake/events';
import { isoTimestamp } from '../schema/timestamps';
import { EVENT_TYPE_LABELS as labels } from './eventLabels';
// The city quarantines events with these schemas' messages, and the window shows them to clerks.
import '../schema/zodLocale';
import { matterEventSchemas } from '../matters/events';
import { auditEventSchemas } from '../staff/audit';
import { correctionEventSchemas } from '../corrections/events';
import { recordEventSchemas } from '../records/events';

export { isoTimestamp };

/** Every event type the city knows, with its payload schema. */
export const eventPayloadSchemas = {
  ...intakeEventSchemas,
  ...matterEventSchemas,
  ...auditEventSchemas,
  // Corrections that keep history.
  ...correctionEventSchemas,
  // Excel in (历史台账).
  ...recordEventSchemas,
} as const;
export type EventType = keyof typeof eventPayloadSchemas;
export const eventTypeSchema = z.enum(Object.keys(eventPayloadSchemas) as [EventType, ...EventType[]]);
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

/** What each kind of event is called (eventLabels.ts, apart for the window's first screen): one label for every type. */
export const EVENT_TYPE_LABELS: Readonly<Record<EventType, string>> = labels;

/**
 * A JSON object; what it must hold depends on the event's type (checkEventContent). Checked
 * without being copied, unlike z.record: a batch carries hundreds of payloads, and the city
 * stores them as they were received. The same schema in the OpenAPI document.
 */
const payloadObject = z
  .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: '无效输入：期望 JSON 对象' })
  .meta({ type: 'object', additionalProperties: {} });

export const syncEventSchema = z.strictObject({
  seq: z.number().int().min(1),
  id: z.uuid(),
  type: z.string().min(1),
  entityId: z.string().min(1),
  occurredAt: z.string().min(1),
  payload: payloadObject,
});
export type SyncEvent = z.infer<typeof syncEventSchema>;

export const MAX_BATCH_EVENTS = 500;
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

export const pushBodySchema = z.strictObject({
  deviceId: z.string().min(1),
  batchId: z.uuid(),
  events: z.array(syncEventSchema),
});
export type PushBody = z.infer<typeof pushBodySchema>;

export const rejectedEventSchema = z.object({ seq: z.number().int(), code: z.string(), message: z.string() });
export const pushResponseSchema = z.object({
  ackedSeq: z.number().int().min(0),
  rejected: z.array(rejectedEventSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Every error the city answers, on every route: a stable code, a message, and what some codes add. */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** seq_gap: the seq to resend from. */
  expectedSeq: z.number().int().optional(),
  /** seq_conflict: the seq already used by another event. */
  seq: z.number().int().optional(),
  /** Attachment uploads: the byte to resume from. */
  uploadOffset: z.number().int().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const enrollRequestSchema = z.strictObject({ code: z.string().min(1), name: z.string().min(1).max(100) });
export const enrollResponseSchema = z.object({
  deviceId: z.string(),
  deviceCode: z.string(),
  countyCode: z.string(),
  token: z.string(),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

/** POST /api/v1/devices/rotate-token: the device's new token; the one it called with stops working. */
export const rotateTokenResponseSchema = z.object({ token: z.string() });

/** An event whose payload passed its type's schema, with the payload as parsed. */
export type CheckedEvent = { [T in EventType]: { type: T; payload: EventPayload<T> } }[EventType];

/** Content check of one event, after the envelope passed: type known, payload fits, time real. The parsed payload goes on to be applied. */
export function checkEventContent(e: SyncEvent): { ok: true; checked: CheckedEvent } | { ok: false; code: string; message: string } {
  // Own keys only: a type named like an inherited property ("constructor", "__proto__") is unknown too.
  const schema = Object.hasOwn(eventPayloadSchemas, e.type) ? (eventPayloadSchemas as Record<string, z.ZodType>)[e.type] : undefined;
  if (!schema) return { ok: false, code: 'unknown_type', message: `未知的事件类型 ${e.type}` };
  if (!isoTimestamp.safeParse(e.occurredAt).success) {
    return { ok: false, code: 'bad_timestamp', message: 'occurredAt 不是有效时间' };
  }
  const r = schema.safeParse(e.payload);
  if (!r.success) {
    return { ok: false, code: 'bad_payload', message: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  }
  return { ok: true, checked: { type: e.type, payload: r.data } as CheckedEvent };
}
