// What PostgreSQL cannot store: found wherever it hides in a value, and made storable for keeping.
import { describe, expect, it } from 'vitest';
import { storable, unstorableText } from '../../server/pgText';

describe('unstorableText', () => {
  it('finds U+0000 and lone surrogates in strings, keys and nested values', () => {
    expect(unstorableText('正常文字 😀')).toBeNull();
    expect(unstorableText({ a: ['x', { b: 'y\u0000' }] })).toBe('nul_character');
    expect(unstorableText({ ['k\ud800']: 1 })).toBe('lone_surrogate');
    expect(unstorableText(['\udc00后'])).toBe('lone_surrogate');
    expect(unstorableText('😀'.slice(0, 1))).toBe('lone_surrogate');
    expect(unstorableText([1, true, null, { n: 2 }])).toBeNull();
  });

  it('reads a Buffer as bytes, not as text', () => {
    expect(unstorableText(Buffer.from([0, 0xd8, 0x00]))).toBeNull();
  });
});

describe('storable', () => {
  it('writes U+0000 out and replaces lone surrogates, leaving pairs alone', () => {
    expect(storable({ ['k\u0000']: ['a\ud800b', '😀'] })).toEqual({ ['k\\u0000']: ['a\ufffdb', '😀'] });
    expect(unstorableText(storable({ s: '\udc00\u0000' }))).toBeNull();
  });
});
