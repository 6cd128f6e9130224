// Identity documents (domain/identity/credentials.ts): each type's number rule, and properties of
// the GB 11643 family checked over generated numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  credentialInputSchema,
  credentialTypeSchema,
  parseCredential,
  type CredentialType,
} from '../../domain/identity/credentials';
import { checkCharacter, upgrade15to18 } from '../../domain/identity/residentId';

const TODAY = '2025-06-01';
const withCheck = (first17: string) => first17 + checkCharacter(first17);
const ALL_TYPES = credentialTypeSchema.options;

describe('居民身份证', () => {
  it('accepts a valid number and fills birth date, gender and region', () => {
    expect(parseCredential('resident', '11010519491231002x', TODAY)).toEqual({
      ok: true,
      value: {
        type: 'resident',
        number: '11010519491231002X',
        birthDate: '1949-12-31',
        gender: 'female',
        regionCode: '110105',
      },
    });
  });
  it('upgrades a 15-digit number', () => {
    expect(parseCredential('resident', '110105491231002', TODAY)).toMatchObject({ ok: true, value: { number: '11010519491231002X' } });
  });
  it('refuses a bad check character with a Chinese message on the idNumber field', () => {
    const r = parseCredential('resident', '110105194912310021', TODAY);
    expect(r).toMatchObject({ ok: false, code: 'id_checksum', field: 'idNumber' });
    expect(!r.ok && r.message).toMatch(/校验位/);
  });
  it('sends a residence-permit number to its own document type', () => {
    const r = parseCredential('resident', withCheck('81000019900101123'), TODAY);
    expect(r).toMatchObject({ ok: false, code: 'id_wrong_type' });
    expect(!r.ok && r.message).toContain('港澳居民居住证');
  });
  it('asks for a number when the input is blank', () => {
    expect(parseCredential('resident', '   ', TODAY)).toMatchObject({ ok: false, code: 'id_required' });
  });
});

describe('港澳居民居住证 / 台湾居民居住证', () => {
  it('accepts 810000 and 820000 numbers with the GB 11643 check, without a mainland region', () => {
    const hk = parseCredential('hk-macau-resident', withCheck('81000019900101123'), TODAY);
    expect(hk).toMatchObject({ ok: true, value: { type: 'hk-macau-resident', birthDate: '1990-01-01', gender: 'male' } });
    expect(hk.ok && hk.value.regionCode).toBeUndefined();
    expect(parseCredential('hk-macau-resident', withCheck('82000019851231002'), TODAY)).toMatchObject({
      ok: true,
      value: { gender: 'female' },
    });
  });
  it('accepts 830000 numbers as 台湾居民居住证', () => {
    expect(parseCredential('taiwan-resident', withCheck('83000019700615004'), TODAY)).toMatchObject({
      ok: true,
      value: { birthDate: '1970-06-15', gender: 'female' },
    });
  });
  it('refuses a bad check character in words about the permit', () => {
    const good = withCheck('81000019900101123');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r = parseCredential('hk-macau-resident', bad, TODAY);
    expect(r).toMatchObject({ ok: false, code: 'id_checksum' });
    expect(!r.ok && r.message).toContain('港澳居民居住证');
  });
  it('refuses a resident-card number, a Taiwan permit under HK/Macau and vice versa', () => {
    expect(parseCredential('hk-macau-resident', '11010519491231002X', TODAY)).toMatchObject({ ok: false, code: 'id_prefix' });
    expect(parseCredential('hk-macau-resident', withCheck('83000019700615004'), TODAY)).toMatchObject({
      ok: false,
      code: 'id_wrong_type',
    });
    expect(parseCredential('taiwan-resident', withCheck('81000019900101123'), TODAY)).toMatchObject({
      ok: false,
      code: 'id_wrong_type',
    });
  });
  it('refuses 15-digit numbers, impossible and future dates', () => {
    expect(parseCredential('taiwan-resident', '830000700615004', TODAY)).toMatchObject({ ok: false, code: 'id_format' });
    expect(parseCredential('taiwan-resident', withCheck('83000019700230004'), TODAY)).toMatchObject({ code: 'id_birthdate' });
    expect(parseCredential('taiwan-resident', withCheck('83000020300101004'), TODAY)).toMatchObject({
      code: 'id_birthdate_future',
    });
  });
});

describe('港澳居民来往内地通行证', () => {
  it.each(['H12345678', 'M87654321', 'H1234567801', 'h12345678', ' M 12345678 '])('accepts %j', (n) => {
    const r = parseCredential('hk-macau-permit', n, TODAY);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.number).toBe(n.replace(/\s/g, '').toUpperCase());
  });
  it.each(['H1234567', 'H123456789', 'A12345678', '12345678', 'HM12345678', 'H12345678901'])('refuses %j', (n) => {
    expect(parseCredential('hk-macau-permit', n, TODAY)).toMatchObject({ ok: false, code: 'id_format', field: 'idNumber' });
  });
});

describe('台湾居民来往大陆通行证', () => {
  it('accepts 8 digits', () => {
    expect(parseCredential('taiwan-permit', '01234567', TODAY)).toEqual({
      ok: true,
      value: { type: 'taiwan-permit', number: '01234567' },
    });
  });
  it.each(['1234567', '123456789', 'T1234567', '1234567A'])('refuses %j', (n) => {
    expect(parseCredential('taiwan-permit', n, TODAY)).toMatchObject({ ok: false, code: 'id_format' });
  });
});

describe('外国人永久居留身份证', () => {
  it('accepts the pre-2023 format (3 letters + 12 digits), upper-casing it', () => {
    expect(parseCredential('foreign-permanent', 'usa310012345678', TODAY)).toEqual({
      ok: true,
      value: { type: 'foreign-permanent', number: 'USA310012345678' },
    });
  });
  it('accepts the 2023 format (9 + 17, GB 11643 check) and reads the birth date', () => {
    const n = withCheck('93184019900101001');
    const r = parseCredential('foreign-permanent', n, TODAY);
    expect(r).toEqual({ ok: true, value: { type: 'foreign-permanent', number: n, birthDate: '1990-01-01' } });
  });
  it('refuses a 2023-format number with a bad check character', () => {
    const n = withCheck('93184019900101001');
    const bad = n.slice(0, 17) + (n[17] === '1' ? '2' : '1');
    expect(parseCredential('foreign-permanent', bad, TODAY)).toMatchObject({ ok: false, code: 'id_checksum' });
  });
  it.each(['US3100123456789', 'USA31001234567', 'USA3100123456789', '812345678901234'])('refuses %j', (n) => {
    expect(parseCredential('foreign-permanent', n, TODAY)).toMatchObject({ ok: false, code: 'id_format' });
  });
  it('points a resident-card number to 居民身份证', () => {
    expect(parseCredential('foreign-permanent', '11010519491231002X', TODAY)).toMatchObject({ code: 'id_wrong_type' });
  });
});

describe('护照', () => {
  it.each([
    ['E12345678', 'E12345678'],
    ['g1234567', 'G1234567'],
    ['12345', '12345'],
    ['A'.repeat(20), 'A'.repeat(20)],
  ])('accepts %j as %j', (input, number) => {
    expect(parseCredential('passport', input, TODAY)).toEqual({ ok: true, value: { type: 'passport', number } });
  });
  it.each(['E123', 'A'.repeat(21), 'E1234-5678', 'Е1234567' /* Cyrillic Е */, '护照12345'])('refuses %j', (n) => {
    expect(parseCredential('passport', n, TODAY)).toMatchObject({ ok: false, code: 'id_format' });
  });
});

describe('credentialInputSchema', () => {
  const schema = credentialInputSchema(() => TODAY);
  it('defaults to the resident card and outputs the parsed document', () => {
    expect(schema.parse({ number: '11010519491231002x' })).toMatchObject({ type: 'resident', number: '11010519491231002X' });
  });
  it('puts the document rule message on the number field', () => {
    const r = schema.safeParse({ type: 'taiwan-permit', number: '123' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['number'], message: expect.stringContaining('8位数字') });
  });
  it('refuses an unknown document type', () => {
    expect(schema.safeParse({ type: 'driving-licence', number: '123' }).success).toBe(false);
  });
});

// ---- properties -----------------------------------------------------------------------------

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`;
const iso = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;

/** A mainland address code (first digit 1–6, as GB/T 2260 provinces are). */
const regionArb = fc.integer({ min: 110000, max: 659999 }).map(String);
const birthArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
  .map(ymd);
const seqArb = fc.integer({ min: 0, max: 999 }).map((n) => pad(n, 3));
const residentArb = fc
  .tuple(regionArb, birthArb, seqArb)
  .map(([region, birth, seq]) => ({ region, birth, seq, number: withCheck(region + birth + seq) }));

/** Independent oracle for an 18-character GB 11643 number. */
function oracleValid18(n: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(n)) return false;
  const y = Number(n.slice(6, 10));
  const m = Number(n.slice(10, 12));
  const d = Number(n.slice(12, 14));
  const dt = new Date(Date.UTC(y, m - 1, d));
  const real = dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  if (!real || y < 1900 || iso(n.slice(6, 14)) > TODAY) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((s, wi, i) => s + wi * Number(n[i]), 0);
  return '10X98765432'[sum % 11] === n[17];
}

describe('properties of the GB 11643 family', () => {
  it('accepts every generated resident number with a computed check character', () => {
    fc.assert(
      fc.property(residentArb, ({ region, birth, seq, number }) => {
        const r = parseCredential('resident', number, TODAY);
        expect(r).toEqual({
          ok: true,
          value: {
            type: 'resident',
            number,
            birthDate: iso(birth),
            gender: Number(seq[2]) % 2 === 1 ? 'male' : 'female',
            regionCode: region,
          },
        });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a number with any single character altered', () => {
    const alphabet = '0123456789X';
    fc.assert(
      fc.property(residentArb, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (g, pos, shift) => {
        const chars = pos === 17 ? alphabet : '0123456789';
        const old = g.number[pos]!;
        const replacement = chars[(chars.indexOf(old) + shift) % chars.length]!;
        fc.pre(replacement !== old);
        const altered = g.number.slice(0, pos) + replacement + g.number.slice(pos + 1);
        expect(parseCredential('resident', altered, TODAY).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips birth date and gender through the 15→18 upgrade', () => {
    const old15 = fc
      .tuple(
        regionArb,
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('1999-12-31T00:00:00Z'), noInvalidDate: true }),
        seqArb,
      )
      .map(([region, d, seq]) => ({ d: ymd(d), seq, number: region + ymd(d).slice(2) + seq }));
    fc.assert(
      fc.property(old15, ({ d, seq, number }) => {
        const r = parseCredential('resident', number, TODAY);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.number).toBe(upgrade15to18(number));
        expect(r.value.birthDate).toBe(iso(d));
        expect(r.value.gender).toBe(Number(seq[2]) % 2 === 1 ? 'male' : 'female');
        // The upgraded number, typed again, reads the same.
        expect(parseCredential('resident', r.value.number, TODAY)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts every generated residence-permit number and 2023 permanent-residence number', () => {
    const prefixArb = fc.constantFrom<[CredentialType, string]>(
      ['hk-macau-resident', '810000'],
      ['hk-macau-resident', '820000'],
      ['taiwan-resident', '830000'],
    );
    fc.assert(
      fc.property(prefixArb, birthArb, seqArb, ([type, prefix], birth, seq) => {
        const r = parseCredential(type, withCheck(prefix + birth + seq), TODAY);
        expect(r).toMatchObject({ ok: true, value: { type, birthDate: iso(birth) } });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99999 }), birthArb, seqArb, (head, birth, seq) => {
        const n = withCheck(`9${pad(head, 5)}${birth}${seq}`);
        expect(parseCredential('foreign-permanent', n, TODAY)).toMatchObject({ ok: true, value: { birthDate: iso(birth) } });
      }),
    );
  });
});

describe('fuzzed input', () => {
  // Strings near the valid shapes find more edge cases than uniform noise.
  const nearIdArb = fc
    .array(fc.constantFrom(...'0123456789Xx HM-'.split('')), { minLength: 0, maxLength: 22 })
    .map((a) => a.join(''));
  const anyArb = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), nearIdArb, fc.string({ maxLength: 25 }));

  it('never throws, and accepts only what the rules accept', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_TYPES), anyArb, (type, input) => {
        let r!: ReturnType<typeof parseCredential>;
        expect(() => (r = parseCredential(type, input, TODAY))).not.toThrow();
        if (!r.ok) {
          expect(r.field).toBe('idNumber');
          expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
          return;
        }
        const raw = input.replace(/\s+/g, '').toUpperCase();
        const n = r.value.number;
        switch (type) {
          case 'resident':
            expect(oracleValid18(n)).toBe(true);
            expect(n === raw || (/^\d{15}$/.test(raw) && n === upgrade15to18(raw))).toBe(true);
            break;
          case 'hk-macau-resident':
            expect(oracleValid18(n) && /^8[12]0000/.test(n) && n === raw).toBe(true);
            break;
          case 'taiwan-resident':
            expect(oracleValid18(n) && n.startsWith('830000') && n === raw).toBe(true);
            break;
          case 'hk-macau-permit':
            expect(n).toMatch(/^[HM](\d{8}|\d{10})$/);
            break;
          case 'taiwan-permit':
            expect(n).toMatch(/^\d{8}$/);
            break;
          case 'foreign-permanent':
            expect(/^[A-Z]{3}\d{12}$/.test(n) || (n.startsWith('9') && oracleValid18(n))).toBe(true);
            break;
          case 'passport':
            expect(n).toMatch(/^[A-Z0-9]{5,20}$/);
            break;
        }
        expect(n).toBe(type === 'resident' ? n : raw);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses non-string input without throwing', () => {
    for (const type of ALL_TYPES) {
      for (const bad of [undefined, null, 42, {}, []]) {
        expect(parseCredential(type, bad as unknown as string, TODAY).ok).toBe(false);
      }
    }
  });
});
