// 公民身份号码 (GB 11643-1999), DOMAIN.md §7: validation, the 15→18 upgrade, and what a valid
// number tells the window (birth date, gender, registered region).
import { err, ok, type Result } from '../result';

export type Gender = 'male' | 'female';
export interface ResidentIdInfo {
  /** 18 characters, check character upper-case. */
  number: string;
  birthDate: string; // YYYY-MM-DD
  gender: Gender;
  regionCode: string; // 6-digit address code
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Old 15-digit numbers carry a 2-digit year in 19YY and no check character. */
export function upgrade15to18(old: string): string {
  const first17 = `${old.slice(0, 6)}19${old.slice(6)}`;
  return first17 + checkCharacter(first17);
}

function realDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Validates a resident ID number (18, or old 15 digits) as typed or read by a card reader.
 * `today` (YYYY-MM-DD) bounds the birth date; it is a parameter because domain/ reads no clock.
 */
export function parseResidentId(input: string, today: string): Result<ResidentIdInfo> {
  const raw = input.trim().toUpperCase();
  let number: string;
  if (/^\d{15}$/.test(raw)) {
    number = upgrade15to18(raw);
  } else if (/^\d{17}[\dX]$/.test(raw)) {
    number = raw;
  } else {
    return err('id_format', '身份证号码应为18位（或旧版15位）数字，末位可为X', 'idNumber');
  }
  const y = Number(number.slice(6, 10));
  const m = Number(number.slice(10, 12));
  const d = Number(number.slice(12, 14));
  if (y < 1900 || !realDate(y, m, d)) {
    return err('id_birthdate', '身份证号码中的出生日期不存在', 'idNumber');
  }
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  if (birthDate > today) return err('id_birthdate_future', '身份证号码中的出生日期晚于今天', 'idNumber');
  if (!/^[1-9]\d{5}$/.test(number.slice(0, 6))) {
    return err('id_region', '身份证号码的地址码无效', 'idNumber');
  }
  if (raw.length === 18 && checkCharacter(number.slice(0, 17)) !== number[17]) {
    return err('id_checksum', '身份证号码校验位不正确，请核对', 'idNumber');
  }
  return ok({
    number,
    birthDate,
    gender: Number(number[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: number.slice(0, 6),
  });
}

/** 4112**********1234: enough for a clerk to recognise a person, not enough to reuse. */
export function maskIdNumber(n: string): string {
  if (n.length <= 8) return n.replace(/./g, '*');
  return n.slice(0, 4) + '*'.repeat(n.length - 8) + n.slice(-4);
}
