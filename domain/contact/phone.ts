// The visitor's call-back number: a mobile or a landline with area code, as people write them
// ("138 1234 5678", "0371-6666 8888 转 123"), normalised to one stored form per kind.
import { z } from 'zod';
import { err, ok, type Result } from '../result';

/** 手机: 11 digits, 1[3-9] (the 10/11/12 blocks are not subscriber numbers). */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
/**
 * 固话 in stored form: area code, a hyphen, the local number, optionally a hyphen and extension.
 * Three-digit area codes are only 010 and 02x; all others have four digits. Local numbers do
 * not begin with 0 (trunk prefix) or 1 (service numbers such as 110, 12345).
 */
export const LANDLINE_RE = /^(010|02\d|0[3-9]\d{2})-[2-9]\d{6,7}(-\d{1,6})?$/;

export type Phone =
  | { kind: 'mobile'; number: string }
  | { kind: 'landline'; number: string; areaCode: string; local: string; extension?: string };

const FIELD = 'phone';
const FORMAT_MESSAGE = '电话号码格式不正确（手机11位，固话如 0371-63212345）';

// Area code, local number, extension, each possibly split by '-' or spaces; the extension may also
// be introduced with 转 or '#'/'ext', as people write it on forms.
const LANDLINE_INPUT =
  /^\(?(010|02\d|0[3-9]\d{2})\)?[- ]?([2-9]\d{2,3})[- ]?(\d{4})(?:(?:[- ]|[- ]?(?:转|#|EXT\.?)[- ]?)(\d{1,6}))?$/i;

/**
 * Normalises a phone number: mobiles to 11 digits (a +86 / 0086 prefix dropped), landlines to
 * 0371-63212345[-123]. Never throws.
 */
export function parsePhone(input: string): Result<Phone> {
  if (typeof input !== 'string') return err('phone_format', FORMAT_MESSAGE, FIELD);
  // Full-width digits and hyphens arrive from Chinese IMEs.
  const s = input
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\s+/g, ' ');
  if (s === '') return err('phone_required', '请填写联系电话', FIELD);

  const mobile = s.replace(/^(\+86|0086)[- ]?/, '').replace(/[- ]/g, '');
  if (/^1\d{10}$/.test(mobile)) {
    if (!MOBILE_RE.test(mobile)) return err('phone_mobile', '手机号码应以13–19开头', FIELD);
    return ok({ kind: 'mobile', number: mobile });
  }

  const m = LANDLINE_INPUT.exec(s);
  if (m) {
    const [, areaCode, head, tail, extension] = m as unknown as [string, string, string, string, string?];
    const local = head + tail;
    const number = `${areaCode}-${local}${extension ? `-${extension}` : ''}`;
    return ok(
      extension
        ? { kind: 'landline', number, areaCode, local, extension }
        : { kind: 'landline', number, areaCode, local },
    );
  }
  if (/^[2-9]\d{6,7}$/.test(s.replace(/[- ]/g, ''))) {
    return err('phone_area_code', '固定电话请加区号，如 0371-63212345', FIELD);
  }
  return err('phone_format', FORMAT_MESSAGE, FIELD);
}

/** An optional phone field: '' stays '', anything else must parse and is stored normalised. */
export const optionalPhoneSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return '';
    const r = parsePhone(v);
    if (!r.ok) {
      ctx.issues.push({ code: 'custom', message: r.message, input: v, params: { code: r.code } });
      return z.NEVER;
    }
    return r.value.number;
  });

/** An optional phone field that must be of one kind (手机 or 固话), stored normalised. */
export function optionalPhoneOfKind(kind: Phone['kind']) {
  const wrongKind = kind === 'mobile' ? '请填写11位手机号码；固定电话请填在“固定电话”栏' : '请填写带区号的固定电话，如 0371-63212345';
  return z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '') return '';
      const r = parsePhone(v);
      if (!r.ok || r.value.kind !== kind) {
        ctx.issues.push({ code: 'custom', message: r.ok ? wrongKind : r.message, input: v, params: { code: r.ok ? 'phone_kind' : r.code } });
        return z.NEVER;
      }
      return r.value.number;
    });
}
