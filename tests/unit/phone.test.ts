// Call-back numbers (domain/contact/phone.ts) as people write them, and the stored form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANDLINE_RE, MOBILE_RE, optionalPhoneSchema, parsePhone } from '../../domain/contact/phone';
import { registerVisitInputSchema } from '../../domain/intake/registration';

describe('mobile numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-19912345678', '19912345678'],
    ['１３８１２３４５６７８', '13812345678'],
  ])('normalises %j to %j', (input, number) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: { kind: 'mobile', number } });
  });

  it.each(['12812345678', '10012345678', '1381234567', '138123456789', '23812345678'])('refuses %j', (input) => {
    const r = parsePhone(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.field).toBe('phone');
  });

  it('says why an 11-digit number starting 1[0-2] is refused', () => {
    expect(parsePhone('12812345678')).toMatchObject({ ok: false, code: 'phone_mobile', message: expect.stringContaining('13') });
  });
});

describe('landlines', () => {
  it.each([
    ['0371-63212345', { areaCode: '0371', local: '63212345', number: '0371-63212345' }],
    ['037163212345', { areaCode: '0371', local: '63212345', number: '0371-63212345' }],
    ['0371 6321 2345', { areaCode: '0371', local: '63212345', number: '0371-63212345' }],
    ['010-66668888', { areaCode: '010', local: '66668888', number: '010-66668888' }],
    ['01066668888', { areaCode: '010', local: '66668888', number: '010-66668888' }],
    ['021 5555 1234', { areaCode: '021', local: '55551234', number: '021-55551234' }],
    ['0391-2345678', { areaCode: '0391', local: '2345678', number: '0391-2345678' }],
    ['(0371)63212345', { areaCode: '0371', local: '63212345', number: '0371-63212345' }],
    ['0371－63212345', { areaCode: '0371', local: '63212345', number: '0371-63212345' }],
  ])('normalises %j', (input, expected) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: { kind: 'landline', ...expected } });
  });

  it.each([
    ['0371-63212345-801', '801'],
    ['0371-63212345 801', '801'],
    ['0371 63212345转801', '801'],
    ['0371-63212345 ext. 12', '12'],
  ])('keeps the extension of %j', (input, extension) => {
    const r = parsePhone(input);
    expect(r).toMatchObject({ ok: true, value: { kind: 'landline', extension, number: `0371-63212345-${extension}` } });
  });

  it('asks for the area code when only a local number is given', () => {
    expect(parsePhone('63212345')).toMatchObject({ ok: false, code: 'phone_area_code' });
  });

  it.each([
    '0371-123456', // local too short
    '0371-632123456', // local too long
    '0371-03212345', // local starting with 0
    '0371-13212345', // local starting with 1 (service numbers)
    '1371-63212345', // no trunk 0
    '0371--63212345',
    '0371/63212345',
    '0371-63212345-1234567', // extension too long
    'abc',
  ])('refuses %j', (input) => {
    expect(parsePhone(input).ok).toBe(false);
  });
});

describe('stored forms', () => {
  it('every accepted number is stored in the form MOBILE_RE or LANDLINE_RE describes, and reparses to itself', () => {
    const arb = fc.oneof(
      fc.stringMatching(/^(\+86 ?)?1[0-9]{2}[- ]?\d{4}[- ]?\d{4}$/),
      fc.stringMatching(/^\(?0\d{2,3}\)?[- ]?\d{3,4}[- ]?\d{4}([- ]\d{1,6})?$/),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(arb, (input) => {
        const r = parsePhone(input);
        if (!r.ok) return;
        expect(MOBILE_RE.test(r.value.number) || LANDLINE_RE.test(r.value.number)).toBe(true);
        expect(parsePhone(r.value.number)).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any input', () => {
    fc.assert(fc.property(fc.anything(), (x) => void parsePhone(x as string)));
  });

  it('refuses an empty number in parsePhone but the optional field keeps it empty', () => {
    expect(parsePhone('  ')).toMatchObject({ ok: false, code: 'phone_required' });
    expect(optionalPhoneSchema.parse('  ')).toBe('');
  });
});

describe('the registration form uses the phone rules', () => {
  const schema = registerVisitInputSchema(() => '2025-06-01');
  const withPhones = (mobile: string, landline = '') => ({
    visitor: { credential: { number: '11010519491231002X' }, name: '张三', mobile, landline },
    headcount: 1,
    summary: '工资被拖欠',
  });
  it('stores each number normalised', () => {
    const v = schema.parse(withPhones('138 1234 5678', '0371 63212345')).visitor;
    expect([v.mobile, v.landline]).toEqual(['13812345678', '0371-63212345']);
  });
  it('defaults to empty numbers and refuses a malformed or misplaced one with a Chinese message', () => {
    expect(schema.parse(withPhones('')).visitor.mobile).toBe('');
    const bad = schema.safeParse(withPhones('12345'));
    expect(bad.error?.issues[0]).toMatchObject({ path: ['visitor', 'mobile'], message: expect.stringMatching(/电话|手机/) });
    const swapped = schema.safeParse(withPhones('0371-63212345'));
    expect(swapped.error?.issues[0]).toMatchObject({ path: ['visitor', 'mobile'], message: expect.stringMatching(/手机/) });
  });
});
