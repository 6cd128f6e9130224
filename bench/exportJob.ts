// The register export as the bench drives it: a seeded store's matters spread over categories,
// townships, channels and marks, exactly EXPORT_ROWS of them marked 涉法涉诉, and that view
// exported to .xlsx as a job the window would follow to its end. Shared by register.ts
// (export.100k.s) and duringExport.ts (registrations while it runs).
import type { RegisterFilterInput } from '../domain/register/filter';
import { openRaw } from './seed';

/** The export's view: the matters marked 涉法涉诉, exactly this many (or all, at a small scale). */
export const EXPORT_ROWS = 100_000;
export const EXPORT_VIEW = { filter: { flags: ['lawRelated'] } satisfies RegisterFilterInput, sort: { key: 'receivedAt', dir: 'desc' } } as const;

/** Spreads the seeded matters over categories, townships, channels and marks (set-up, not measured). */
export function vary(dataDir: string, key: string): void {
  const raw = openRaw(dataDir, key);
  raw.exec(`UPDATE matter SET
    category_code = printf('%02d%02d', 1 + (rowid % 17), 1 + (rowid / 17) % 6),
    place_region = printf('410102%03d', 1 + (rowid / 5) % 14),
    channel = CASE (rowid / 7) % 4 WHEN 0 THEN 'visit' WHEN 1 THEN 'letter' WHEN 2 THEN 'online' ELSE 'phone' END,
    major_urgent = ((rowid / 3) % 50 = 0),
    law_related = (rowid <= ${EXPORT_ROWS})`);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
}

type Dispatch = (method: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; code?: string; message?: string }>;

export async function must<T>(p: ReturnType<Dispatch>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`bench call refused: ${r.code} ${r.message}`);
  return r.value as T;
}

/** Starts the view's export, follows its progress as the window does, takes the file; the rows written. */
export async function exportView(dispatch: Dispatch): Promise<number> {
  const job = await must<{ id: string; total: number }>(dispatch('register.exportStart', EXPORT_VIEW));
  for (;;) {
    const p = await must<{ state: string }>(dispatch('register.exportProgress', { id: job.id }));
    if (p.state === 'failed') throw new Error('bench export failed');
    if (p.state === 'done') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await must(dispatch('register.exportTake', { id: job.id }));
  return job.total;
}
