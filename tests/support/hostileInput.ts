// What a broken or hostile client may send the city, as fast-check arbitraries: JSON nested far
// deeper than a database accepts, strings far longer than any field, text PostgreSQL cannot
// store, numbers at the edges (as JSON writes them and as it may be written by hand), keys named
// like object properties, and valid requests with one part of them replaced by any of these.
import fc from 'fast-check';

/** A JSON token written into the text as it is: what JSON.stringify would write otherwise, or what would be too big to build as a value. */
export class Raw {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold Raw tokens and own keys named like object properties. */
export function jsonText(value: unknown): string {
  if (value instanceof Raw) return value.text;
  // Array.from, not value.map: map looks up value.constructor, which a hostile key may have replaced.
  if (Array.isArray(value)) return `[${Array.from(value, (v) => (v === undefined ? 'null' : jsonText(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).flatMap((k) => {
      const v = (value as Record<string, unknown>)[k];
      return v === undefined ? [] : [`${JSON.stringify(k)}:${jsonText(v)}`];
    });
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `target` with `key` set as its own property, whatever the key (`__proto__` included). */
function withKey<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

export const propertyName = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then');

export const oddNumber = fc.constantFrom<unknown>(
  1e308,
  -1e308,
  -0,
  3.0,
  0.5,
  -1,
  2 ** 31,
  2 ** 53 + 2,
  Number.MIN_VALUE,
  new Raw('1e400'),
  new Raw('-0'),
  new Raw('3.0'),
  new Raw('1E+2'),
  new Raw('-0.0e-0'),
  new Raw('123456789012345678901234567890'),
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '3.0',
  '-0',
  '0x10',
  ' 1 ',
);

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

export const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\\', '"', '%', '/', '.', '😀', '供'), loneSurrogate) }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', '\udc00x', '%00', '%', '../..', '410102-D001-2026-000001', '000000-L0000-2026-1'),
  fc.integer({ min: 10_001, max: 200_000 }).map((n) => '长'.repeat(n)),
  propertyName,
);

/** JSON nested past any limit, written as text: [[[…]]] or {"a":{"a":…}}. */
export const deepJson = fc.tuple(fc.integer({ min: 60, max: 20_000 }), fc.boolean()).map(([depth, arrays]) =>
  arrays ? new Raw('['.repeat(depth) + ']'.repeat(depth)) : new Raw('{"a":'.repeat(depth) + 'null' + '}'.repeat(depth)),
);

const key = fc.oneof(fc.string({ maxLength: 12 }), propertyName, fc.constantFrom('\u0000', '\ud800', 'x'.repeat(20_000)));

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  oddNumber,
  oddString,
  deepJson,
  fc.constantFrom(null, true, false, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.tuple(key, fc.oneof(oddNumber, oddString, fc.jsonValue({ maxDepth: 2 }))), { maxLength: 4 }).map((entries) =>
    entries.reduce<object>((o, [k, v]) => withKey(o, k, v), {}),
  ),
);

/** Every path to a value inside `value`, the root included. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object' || value instanceof Raw) return [at];
  const inner = Array.isArray(value) ? value.map((v, i) => paths(v, [...at, i])) : Object.keys(value).map((k) => paths((value as Record<string, unknown>)[k], [...at, k]));
  return [at, ...inner.flat()];
}

type Change = { kind: 'replace' | 'drop' | 'addKey' | 'none'; pick: number; key: string; value: unknown };

export const change: fc.Arbitrary<Change> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'replace', 'drop', 'addKey', 'none', 'none'),
  pick: fc.nat(),
  key: fc.oneof(propertyName, fc.string({ maxLength: 8 })),
  value: hostileValue,
});

/** `valid` (JSON data) with one change: a value replaced or dropped, or a key added, somewhere inside it. */
export function changed(valid: unknown, c: Change): unknown {
  if (c.kind === 'none') return valid;
  const copy = structuredClone(valid);
  const all = paths(copy);
  const path = all[c.pick % all.length]!;
  if (path.length === 0) return c.kind === 'replace' ? c.value : c.kind === 'addKey' ? withKey({}, c.key, c.value) : undefined;
  const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (c.kind === 'replace') withKey(parent, String(last), c.value);
  else if (c.kind === 'drop') delete parent[last];
  else {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) withKey(target, c.key, c.value);
    else withKey(parent, c.key, c.value);
  }
  return copy;
}

/** A path segment or query value as a client may write it: ordinary, percent-encoded oddities, or huge. */
export const urlPart = fc.oneof(
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%FF', '%E0%A4%A', '%', '%zz', '..', '.', '%2F', '__proto__', 'constructor', '1e308', '-0', 'NaN'),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'a'.repeat(n)),
);

/** A query string of odd keys and values, repeated keys included. */
export const queryString = fc.array(fc.tuple(fc.oneof(urlPart, propertyName), urlPart), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
