// The content checks of one pushed event that need no database (DESIGN.md §4: a failure is
// quarantined, and the rest of the batch still applies): what PostgreSQL cannot store, text
// longer than any field of the window's forms, the event's own schema, and, for a registration,
// that its matter number is one this device issues — so one county cannot take another's numbers.
import { checkEventContent, type CheckedEvent, type SyncEvent } from '../../domain/sync/events';
import type { AuthedDevice } from '../http/auth';
import { MAX_DEPTH, type Unstorable, unstorable } from '../store/pgText';

export type Verdict = { ok: true } | Refusal;
type Refusal = { ok: false; code: string; message: string };
/** A content check passed gives the event as parsed, so it is applied without a second parse. */
export type ContentVerdict = { ok: true; checked: CheckedEvent } | Refusal;

/** Characters in any one string of an event: twice the longest field the window's forms allow (事实与理由, 5000). */
export const MAX_TEXT_LENGTH = 10_000;

const UNSTORABLE_MESSAGES: Record<Unstorable, string> = {
  nul_character: '事件含有 U+0000 字符，无法保存',
  lone_surrogate: '事件含有不成对的 UTF-16 代理字符（多为复制粘贴损坏的文字），无法保存',
  too_deep: `事件数据的嵌套超过 ${MAX_DEPTH} 层，无法保存`,
};

const tooLong: Refusal = { ok: false, code: 'text_too_long', message: `事件中有超过 ${MAX_TEXT_LENGTH} 个字符的文字，超出窗口表单的上限` };

/** Whether any string of the value, keys included, is longer than MAX_TEXT_LENGTH; what lies deeper than MAX_DEPTH is unstorable's to refuse. */
export function hasOverlongText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.length > MAX_TEXT_LENGTH;
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((v) => hasOverlongText(v, depth + 1));
  for (const k in value) if (k.length > MAX_TEXT_LENGTH || hasOverlongText((value as Record<string, unknown>)[k], depth + 1)) return true;
  return false;
}

/**
 * 信访件编号 (backend/services/intake.ts): county code, device code, year, sequence. Before
 * enrolment a window numbers with 000000 and a code from its install id (L and four hex digits),
 * which no enrolled device's numbers can clash with.
 */
export function issuesNumber(device: AuthedDevice, matterNo: string): boolean {
  return matterNo.startsWith(`${device.countyCode}-${device.deviceCode}-`) || /^000000-L[0-9A-F]{4}-/.test(matterNo);
}

// timestamptz refuses years before 1 AD, which Date.parse accepts; no real matter is that old.
const MIN_YEAR = 1900;

function checkYear(iso: string, passed: ContentVerdict): ContentVerdict {
  const year = new Date(iso).getUTCFullYear();
  return year < MIN_YEAR || year > 9999 ? { ok: false, code: 'bad_payload', message: `receivedAt 超出合理范围：${iso}` } : passed;
}

/** The event's schema, then what a visit's payload must also be: received in a real year, and a new matter's number this device's. */
export function checkFields(device: AuthedDevice, e: SyncEvent): ContentVerdict {
  const verdict = checkEventContent(e);
  if (!verdict.ok) return verdict;
  const c = verdict.checked;
  if (c.type === 'visit.recorded') return checkYear(c.payload.receivedAt, verdict);
  if (c.type !== 'matter.registered' && c.type !== 'matter.imported') return verdict;
  // A record imported from the 历史台账 is numbered by the window like its own matters.
  const { matterNo } = c.payload;
  if (!issuesNumber(device, matterNo)) {
    return { ok: false, code: 'matter_no_foreign', message: `信访件编号 ${matterNo} 不是本机（${device.countyCode}-${device.deviceCode}）编发的，不能登记` };
  }
  return c.type === 'matter.registered' ? checkYear(c.payload.receivedAt, verdict) : verdict;
}

/** Every content check that needs no database, walking every value of the event. */
export function checkContent(device: AuthedDevice, e: SyncEvent): ContentVerdict {
  const reason = unstorable(e);
  if (reason) return { ok: false, code: reason, message: UNSTORABLE_MESSAGES[reason] };
  if (hasOverlongText(e)) return tooLong;
  return checkFields(device, e);
}
