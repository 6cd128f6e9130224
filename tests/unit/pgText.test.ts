// What PostgreSQL cannot store: found wherever it hides in a value, and made storable for keeping.
import { describe, expect, it } from 'vitest';
import { CUT, MAX_DEPTH, storable, unstorable } from '../../server/store/pgText';

const nested = (levels: number): unknown => JSON.parse('['.repeat(levels) + ']'.repeat(levels));

describe('unstorable', () => {
  it('finds U+0000 and lone surrogates in strings, keys and nested values', () => {
    expect(unstorable('正常文字 😀')).toBeNull();
    expect(unstorable({ a: ['x', { b: 'y\u0000' }] })).toBe('nul_character');
    expect(unstorable({ ['k\ud800']: 1 })).toBe('lone_surrogate');
    expect(unstorable(['\udc00后'])).toBe('lone_surrogate');
    expect(unstorable('😀'.slice(0, 1))).toBe('lone_surrogate');
    expect(unstorable([1, true, null, { n: 2 }])).toBeNull();
  });

  it('finds nesting deeper than MAX_DEPTH, without running out of stack however deep', () => {
    expect(unstorable(nested(MAX_DEPTH))).toBeNull();
    expect(unstorable(nested(MAX_DEPTH + 1))).toBe('too_deep');
    expect(unstorable({ a: nested(MAX_DEPTH) })).toBe('too_deep');
    expect(unstorable(nested(200_000))).toBe('too_deep');
  });

  it('reads a Buffer as bytes, not as text', () => {
    expect(unstorable(Buffer.from([0, 0xd8, 0x00]))).toBeNull();
  });
});

describe('storable', () => {
  it('writes U+0000 out and replaces lone surrogates, leaving pairs alone', () => {
    expect(storable({ ['k\u0000']: ['a\ud800b', '😀'] })).toEqual({ ['k\\u0000']: ['a\ufffdb', '😀'] });
    expect(unstorable(storable({ s: '\udc00\u0000' }))).toBeNull();
  });

  it('cuts what lies deeper than MAX_DEPTH, however deep', () => {
    const kept = storable({ a: nested(200_000) });
    expect(unstorable(kept)).toBeNull();
    let v: unknown = kept;
    while (typeof v === 'object' && v !== null) v = Array.isArray(v) ? v[0] : (v as { a: unknown }).a;
    expect(v).toBe(CUT);
    expect(storable(nested(MAX_DEPTH))).toEqual(nested(MAX_DEPTH));
  });
});
