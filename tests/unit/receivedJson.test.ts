// A push body sent to PostgreSQL as received: only when jsonb reads it as JSON.parse did, and
// registrations cut so that no statement holds two claims to one key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partsWithoutRepeats, type Registration } from '../../server/push/registrations';
import { unstorable } from '../../server/store/pgText';
import { jsonbArray, mayEscapeUnstorable, type ReceivedJson, rewritten, verbatim } from '../../server/push/receivedJson';
import { matterPayload } from '../support/cityEvents';

const received = (bytes: Buffer): ReceivedJson => ({ bytes, text: bytes.toString('utf8') });

describe('verbatim', () => {
  const plain = received(Buffer.from('{"events":[{"payload":{"summary":"供暖"}}]}'));

  it('keeps a UTF-8 body whose text PostgreSQL can store', () => {
    expect(verbatim(plain, true)).toBe(plain);
  });

  it('refuses a body with unstorable text, a byte-order mark, bytes that are not UTF-8, or none at all', () => {
    expect(verbatim(plain, false)).toBeNull();
    expect(verbatim(received(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain.bytes])), true)).toBeNull();
    expect(verbatim(received(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])), true)).toBeNull();
    expect(verbatim(null, true)).toBeNull();
  });
});

describe('mayEscapeUnstorable', () => {
  it('says yes for every JSON text whose parsed value PostgreSQL could not store', () => {
    const unit = fc.oneof(
      fc.constantFrom('\u0000', '\\', 'u', '0', '😀'),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    const text = fc.string({ unit });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }).chain((v) => fc.tuple(fc.constant(v), fc.dictionary(text, text))), ([v, strings]) => {
        const value = { v, strings };
        if (unstorable(value)) expect(mayEscapeUnstorable(JSON.stringify(value))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('says no for ordinary text, Chinese and emoji included', () => {
    expect(mayEscapeUnstorable(JSON.stringify({ summary: '反映小区供暖不达标 😀', n: 1 }))).toBe(false);
    expect(mayEscapeUnstorable('{"a":"\\u0041"}')).toBe(false);
  });
});

describe('jsonbArray', () => {
  const bodies = [received(Buffer.from('{"a":1}')), rewritten({ b: '二' })];

  it('writes the bodies as one JSON array, as text', () => {
    const text = jsonbArray(bodies, false);
    expect(JSON.parse(text as string)).toEqual([{ a: 1 }, { b: '二' }]);
  });

  it('or as jsonb binary input: the version byte, then the same text', () => {
    const bytes = jsonbArray(bodies, true) as Buffer;
    expect(bytes[0]).toBe(1);
    expect(JSON.parse(bytes.subarray(1).toString('utf8'))).toEqual([{ a: 1 }, { b: '二' }]);
  });
});

describe('partsWithoutRepeats', () => {
  const reg = (over: Parameters<typeof matterPayload>[0] = {}) => ({ r: { p: matterPayload(over) } as Registration });

  it('keeps a run with no repeated key whole, and an empty run empty', () => {
    const run = [reg(), reg(), reg()];
    expect(partsWithoutRepeats(run)).toEqual([run]);
    expect(partsWithoutRepeats([])).toEqual([]);
  });

  it('cuts before a repeated matter id, matter number or visit id, uuids in any letter case', () => {
    const a = reg();
    const sameId = reg({ matterId: a.r.p.matterId.toUpperCase() });
    const c = reg();
    const sameNo = reg({ matterNo: c.r.p.matterNo });
    const sameVisit = reg({ visitId: sameNo.r.p.visitId.toUpperCase() });
    expect(partsWithoutRepeats([a, sameId, c, sameNo, sameVisit])).toEqual([[a], [sameId, c], [sameNo], [sameVisit]]);
  });
});
