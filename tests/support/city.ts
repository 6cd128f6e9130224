// People of the made-up county the browser tests work in (郑州市中原区, 410102): valid resident
// ID numbers, distinct per test so tests share one data folder in any order.
import { checkCharacter } from '../../domain/identity/residentId';

export const COUNTY = '410102';

/** A valid 18-digit number; `seq` (1–999) picks the person, odd for men and even for women. */
export function countyId(seq: number, birth = '19800101'): string {
  const first17 = `${COUNTY}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** The same number with its check character wrong: what a misread card gives. */
export function badCheckId(seq: number): string {
  const good = countyId(seq);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
}
