// The Chinese calendar day of an instant. China keeps UTC+8 all year, so this is fixed and does
// not depend on the host's time zone; a deadline is a whole day in China (deadlines.ts).
import type { IsoDate } from './deadlines';

const MS_PER_HOUR = 3_600_000;

export function chinaDateOf(at: string): IsoDate {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO timestamp: ${JSON.stringify(at)}`);
  return new Date(ms + 8 * MS_PER_HOUR).toISOString().slice(0, 10);
}
