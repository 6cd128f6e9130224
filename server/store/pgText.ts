/// <reference lib="es2024.string" />
// What PostgreSQL cannot store of a JSON value. Text and jsonb cannot hold U+0000, jsonb refuses a
// lone UTF-16 surrogate, and jsonb gives up on nesting some thousands of levels deep (stack depth
// limit exceeded) while JSON.parse does not. One such value in a batch would fail the whole
// transaction on every resend and block the device's queue. Values carrying them are refused
// (events: quarantined) before any write, and what is kept of them has U+0000 written out as the
// six characters "\u0000", each lone surrogate replaced by U+FFFD, and what lies deeper than
// MAX_DEPTH cut off.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type Unstorable = 'nul_character' | 'lone_surrogate' | 'too_deep';

/**
 * Far deeper than any body of the API or payload of the protocol (a handful of levels), far
 * shallower than where jsonb gives up; walking no deeper also keeps these walks off the stack limit.
 */
export const MAX_DEPTH = 64;

function inString(s: string): Unstorable | null {
  if (s.includes('\u0000')) return 'nul_character';
  return s.isWellFormed() ? null : 'lone_surrogate';
}

// Only parsed JSON is walked: a Buffer body (an attachment) is bytes, not text.
const isPlainObject = (v: unknown): v is object =>
  v !== null && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** The first reason, if any, why PostgreSQL could not store this value (keys included). */
export function unstorable(value: unknown, depth = 0): Unstorable | null {
  if (typeof value === 'string') return inString(value);
  const nested = Array.isArray(value) || isPlainObject(value);
  if (nested && depth >= MAX_DEPTH) return 'too_deep';
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = unstorable(v, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const k in value) {
      const found = inString(k) ?? unstorable((value as Record<string, unknown>)[k], depth + 1);
      if (found) return found;
    }
  }
  return null;
}

const storableString = (s: string) => s.replaceAll('\u0000', '\\u0000').toWellFormed();

/** What is kept of a value nested deeper than MAX_DEPTH. */
export const CUT = '…（嵌套过深，已截去）';

/** The value with every string made storable and its nesting cut at MAX_DEPTH, for keeping what was refused. */
export function storable<T>(value: T): T {
  const walk = (v: unknown, depth: number): Json => {
    if (typeof v === 'string') return storableString(v);
    if (v === null || typeof v !== 'object') return v as Json;
    if (depth >= MAX_DEPTH) return CUT;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [storableString(k), walk(x, depth + 1)]));
  };
  return walk(value, 0) as T;
}
