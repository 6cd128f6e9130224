// The existing GB 11643 parser (domain/identity/residentId.ts), pinned on known numbers.
import { describe, expect, it } from 'vitest';
import { checkCharacter, maskIdNumber, parseResidentId, upgrade15to18 } from '../../domain/identity/residentId';

const TODAY = '2025-06-01';
const withCheck = (first17: string) => first17 + checkCharacter(first17);

describe('parseResidentId', () => {
  it('accepts the standard example 11010519491231002X and reads birth date, gender, region', () => {
    expect(parseResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { number: '11010519491231002X', birthDate: '1949-12-31', gender: 'female', regionCode: '110105' },
    });
  });

  it('computes X as the check character of the standard example', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
  });

  it('accepts a lower-case x and stores it upper-case', () => {
    const r = parseResidentId('11010519491231002x', TODAY);
    expect(r.ok && r.value.number).toBe('11010519491231002X');
  });

  it('takes surrounding spaces from a card reader', () => {
    expect(parseResidentId('  11010519491231002X\n', TODAY).ok).toBe(true);
  });

  it('upgrades an old 15-digit number to 18 in 19YY with a computed check character', () => {
    expect(upgrade15to18('110105491231002')).toBe('11010519491231002X');
    const r = parseResidentId('110105491231002', TODAY);
    expect(r).toMatchObject({ ok: true, value: { number: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' } });
  });

  it('reads an odd sequence digit as male', () => {
    const r = parseResidentId(withCheck('41010219800101001'), TODAY);
    expect(r).toMatchObject({ ok: true, value: { gender: 'male', birthDate: '1980-01-01', regionCode: '410102' } });
  });

  it('refuses a wrong check character', () => {
    expect(parseResidentId('110105194912310021', TODAY)).toMatchObject({ ok: false, code: 'id_checksum', field: 'idNumber' });
  });

  it('refuses 30 February', () => {
    expect(parseResidentId(withCheck('11010519490230002'), TODAY)).toMatchObject({ ok: false, code: 'id_birthdate' });
  });

  it('accepts 29 February only in a leap year', () => {
    expect(parseResidentId(withCheck('11010520000229002'), TODAY).ok).toBe(true);
    expect(parseResidentId(withCheck('11010519000229002'), TODAY)).toMatchObject({ code: 'id_birthdate' });
  });

  it('refuses a birth date after today, and accepts one born today', () => {
    expect(parseResidentId(withCheck('11010520991231002'), TODAY)).toMatchObject({ ok: false, code: 'id_birthdate_future' });
    expect(parseResidentId(withCheck('11010520250601002'), TODAY).ok).toBe(true);
  });

  it('refuses wrong lengths, letters and an X anywhere but last', () => {
    for (const bad of ['', '1101051949123100', '11010519491231002XX', '1101051949123100X2', 'ABCDEFGHIJKLMNOPQR']) {
      expect(parseResidentId(bad, TODAY)).toMatchObject({ ok: false, code: 'id_format' });
    }
  });

  it('refuses an address code starting with 0', () => {
    expect(parseResidentId(withCheck('01010519491231002'), TODAY)).toMatchObject({ ok: false, code: 'id_region' });
  });
});

describe('maskIdNumber', () => {
  it('keeps the first and last four characters (DOMAIN.md §8)', () => {
    expect(maskIdNumber('41120019800101123X')).toBe('4112**********123X');
  });
  it('hides a short number completely', () => {
    expect(maskIdNumber('12345678')).toBe('********');
  });
});
