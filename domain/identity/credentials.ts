// The identity documents a visitor may present (DOMAIN.md §7) and each one's number rule.
// The resident card delegates to residentId.ts; the residence permits and the 2023 permanent
// residence card share its GB 11643 structure, so they reuse that parser too.
import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { parseResidentId, type Gender } from './residentId';

export const credentialTypeSchema = z.enum([
  'resident',
  'hk-macau-resident',
  'taiwan-resident',
  'hk-macau-permit',
  'taiwan-permit',
  'foreign-permanent',
  'passport',
]);
export type CredentialType = z.infer<typeof credentialTypeSchema>;

export const CREDENTIAL_TYPE_LABELS: Record<CredentialType, string> = {
  resident: '居民身份证',
  'hk-macau-resident': '港澳居民居住证',
  'taiwan-resident': '台湾居民居住证',
  'hk-macau-permit': '港澳居民来往内地通行证',
  'taiwan-permit': '台湾居民来往大陆通行证',
  'foreign-permanent': '外国人永久居留身份证',
  passport: '护照',
};

export interface CredentialInfo {
  type: CredentialType;
  /** Normalised: trimmed, upper-case, 15-digit resident numbers upgraded to 18. */
  number: string;
  birthDate?: string; // YYYY-MM-DD
  gender?: Gender;
  /** Registered 6-digit address code; only the resident card carries a mainland one. */
  regionCode?: string;
}

const FIELD = 'idNumber';
const fail = (code: string, message: string) => err(code, message, FIELD);

// 港澳台居民居住证 (国办发〔2018〕81号): address code 810000 (香港), 820000 (澳门), 830000 (台湾).
const PERMIT_PREFIXES: Partial<Record<CredentialType, readonly string[]>> = {
  'hk-macau-resident': ['810000', '820000'],
  'taiwan-resident': ['830000'],
};

/** Which GB 11643-shaped document an 18-character number belongs to, judged by its prefix. */
function gb11643Kind(n: string): CredentialType {
  if (n.startsWith('810000') || n.startsWith('820000')) return 'hk-macau-resident';
  if (n.startsWith('830000')) return 'taiwan-resident';
  if (n.startsWith('9')) return 'foreign-permanent';
  return 'resident';
}

/**
 * Runs the shared GB 11643 checks (date, future date, check character) and words any refusal
 * for the document actually chosen, so a permit holder never reads "身份证号码…".
 */
function parseGb11643(type: CredentialType, n: string, today: string): Result<CredentialInfo> {
  const label = CREDENTIAL_TYPE_LABELS[type];
  const r = parseResidentId(n, today);
  if (!r.ok) {
    switch (r.code) {
      case 'id_birthdate':
        return fail('id_birthdate', `${label}号码中的出生日期不存在`);
      case 'id_birthdate_future':
        return fail('id_birthdate_future', `${label}号码中的出生日期晚于今天`);
      case 'id_checksum':
        return fail('id_checksum', `${label}号码校验位不正确，请核对`);
      default:
        return fail(r.code, `${label}号码格式不正确`);
    }
  }
  return ok({ type, number: r.value.number, birthDate: r.value.birthDate, gender: r.value.gender });
}

function wrongType(actual: CredentialType) {
  return fail(
    'id_wrong_type',
    `该号码是${CREDENTIAL_TYPE_LABELS[actual]}号码，请将证件类型改为「${CREDENTIAL_TYPE_LABELS[actual]}」`,
  );
}

/**
 * Validates a document number as typed or read by a card reader. `today` (YYYY-MM-DD) bounds
 * birth dates; domain/ reads no clock. Never throws, whatever the input.
 */
export function parseCredential(type: CredentialType, input: string, today: string): Result<CredentialInfo> {
  const label = CREDENTIAL_TYPE_LABELS[type];
  if (typeof input !== 'string' || input.trim() === '') return fail('id_required', `请填写${label}号码`);
  // Card readers and copy-paste bring stray spaces; no document number contains one.
  const raw = input.replace(/\s+/g, '').toUpperCase();

  switch (type) {
    case 'resident': {
      // A permit holder's number passes the resident checksum too; point the clerk to the right
      // type instead of filing a permit as a 居民身份证 with a region code of 810000.
      if (/^\d{17}[\dX]$/.test(raw) && gb11643Kind(raw) !== 'resident') return wrongType(gb11643Kind(raw));
      const r = parseResidentId(raw, today);
      if (!r.ok) return fail(r.code, r.message);
      return ok({ type, ...r.value });
    }

    case 'hk-macau-resident':
    case 'taiwan-resident': {
      if (!/^\d{17}[\dX]$/.test(raw)) return fail('id_format', `${label}号码应为18位，末位可为X`);
      if (!PERMIT_PREFIXES[type]!.some((p) => raw.startsWith(p))) {
        const kind = gb11643Kind(raw);
        if (kind !== 'resident') return wrongType(kind);
        const prefixes = PERMIT_PREFIXES[type]!.join('或');
        return fail('id_prefix', `${label}号码应以${prefixes}开头`);
      }
      // The 810000/820000/830000 prefix names no mainland address, so no regionCode.
      return parseGb11643(type, raw, today);
    }

    case 'hk-macau-permit':
      // H (香港) / M (澳门) + 8 digits, or + 10 digits on some cards (the extra 2 are, on our
      // reading, a renewal count after the 8-digit lifelong number). Both lengths are accepted.
      if (!/^[HM](\d{8}|\d{10})$/.test(raw)) {
        return fail('id_format', `${label}号码应为H或M加8位或10位数字`);
      }
      return ok({ type, number: raw });

    case 'taiwan-permit':
      // 8-digit lifelong number on the card issued since 2015; no check character is published.
      if (!/^\d{8}$/.test(raw)) return fail('id_format', `${label}号码应为8位数字`);
      return ok({ type, number: raw });

    case 'foreign-permanent': {
      // Pre-2023 cards: ISO 3166-1 alpha-3 nationality + 12 digits, no published check character.
      // We do not decode the digits (their layout is not authoritatively published).
      if (/^[A-Z]{3}\d{12}$/.test(raw)) return ok({ type, number: raw });
      // 2023 card (国家移民管理局, issued from 2023-12-01): 18 characters, first digit 9, MOD 11-2
      // check as GB 11643; birth date at positions 7–14 as on the resident card. The sequence
      // digit's parity is not published as a gender marker, so gender is not derived.
      if (/^9\d{16}[\dX]$/.test(raw)) {
        const r = parseGb11643(type, raw, today);
        if (!r.ok) return r;
        return ok({ type, number: r.value.number, birthDate: r.value.birthDate });
      }
      if (/^\d{17}[\dX]$/.test(raw) && gb11643Kind(raw) !== 'foreign-permanent') {
        return wrongType(gb11643Kind(raw));
      }
      return fail('id_format', `${label}号码应为9开头的18位（或旧版3位字母加12位数字）`);
    }

    case 'passport':
      // Issuing states differ; ICAO 9303 allows up to 9 characters in the MRZ, but some
      // national numbers are longer, so only the character set and a loose length are checked.
      if (!/^[A-Z0-9]{5,20}$/.test(raw)) return fail('id_format', `${label}号码应为5至20位字母或数字`);
      return ok({ type, number: raw });
  }
}

/** Form / RPC shape for a chosen document and its number; the output is the parsed document. */
export function credentialInputSchema(today: () => string) {
  return z
    .strictObject({
      type: credentialTypeSchema.default('resident'),
      number: z.string({ error: '请填写证件号码' }),
    })
    .transform((v, ctx) => {
      const r = parseCredential(v.type, v.number, today());
      if (!r.ok) {
        ctx.issues.push({
          code: 'custom',
          message: r.message,
          input: v.number,
          path: ['number'],
          params: { code: r.code },
        });
        return z.NEVER;
      }
      return r.value;
    });
}
