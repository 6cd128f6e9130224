// PostgreSQL text and jsonb cannot hold U+0000, and one such character in a batch would fail
// the whole transaction on every resend and block the device's queue. Events carrying it are
// quarantined with the character written out as the six characters "\u0000".

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const escapeNul = (s: string) => s.replaceAll('\u0000', '\\u0000');

export function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v));
  return false;
}

export function withoutNul<T>(value: T): T {
  const walk = (v: unknown): Json => {
    if (typeof v === 'string') return escapeNul(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [escapeNul(k), walk(x)]));
    return v as Json;
  };
  return walk(value) as T;
}
