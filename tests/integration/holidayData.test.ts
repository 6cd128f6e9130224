// The shipped holiday data (chinese-days) against the deadline engine's idea of which years it
// covers: read from the package's files on disk, so it lives here rather than in tests/unit.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { calendarCovers } from '../../domain/calendar/deadlines';

it('the default calendar knows exactly the years chinese-days ships', () => {
  const dir = fileURLToPath(new URL('../../node_modules/chinese-days/dist/years/', import.meta.url));
  const shipped = readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .map((f) => Number(f.slice(0, 4)));
  for (let year = 2000; year <= 2030; year++) {
    expect(calendarCovers(`${year}-07-01`), String(year)).toBe(shipped.includes(year));
  }
});
