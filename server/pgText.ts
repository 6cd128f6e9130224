/// <reference lib="es2024.string" />
// PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses a lone UTF-16 surrogate; one
// such character in a batch would fail the whole transaction on every resend and block the
// device's queue. Values carrying them are refused (events: quarantined) before any write, and
// what is kept of them has U+0000 written out as the six characters "\u0000" and each lone
// surrogate replaced by U+FFFD.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type Unstorable = 'nul_character' | 'lone_surrogate';

function inString(s: string): Unstorable | null {
  if (s.includes('\u0000')) return 'nul_character';
  return s.isWellFormed() ? null : 'lone_surrogate';
}

// Only parsed JSON is walked: a Buffer body (an attachment) is bytes, not text.
const isPlainObject = (v: unknown): v is object =>
  v !== null && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** The first reason, if any, why PostgreSQL could not store this value (keys included). */
export function unstorableText(value: unknown): Unstorable | null {
  if (typeof value === 'string') return inString(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = unstorableText(v);
      if (found) return found;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const k in value) {
      const found = inString(k) ?? unstorableText((value as Record<string, unknown>)[k]);
      if (found) return found;
    }
  }
  return null;
}

const storableString = (s: string) => s.replaceAll('\u0000', '\\u0000').toWellFormed();

/** The value with every string made storable, for keeping what was refused. */
export function storable<T>(value: T): T {
  const walk = (v: unknown): Json => {
    if (typeof v === 'string') return storableString(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [storableString(k), walk(x)]));
    return v as Json;
  };
  return walk(value) as T;
}
