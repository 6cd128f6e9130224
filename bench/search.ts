// search.2char.p95, search.3char.p95, search.6char.p95, search.idfragment.p95 (issue #12): the
// header search through the backend (its reader worker) on the seeded encrypted store, fragments
// of the seeded names, requests and ID numbers. Baseline, in the same run on the same file: a
// LIKE scan of the same fragment over the same columns, newest first, as many rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { sourceTreeOptions } from '../backend/host/sourceTree';
import { createBackend } from '../backend/services/backend';
import { parseSearchQuery, SEARCH_LIMIT } from '../domain/search/query';
import { signIn } from '../tests/support/staff';
import { issueOf, personName, placeOf } from './people';
import { msSince, quantile, report } from './report';
import { openRaw, residentId, seedStore } from './seed';

const WARMUP = 20;

/** Each figure and the fragment it searches for the n-th seeded matter. */
const FIGURES: [string, (n: number) => string][] = [
  // Two-character names: a surname and one given character.
  ['search.2char.p95', (n) => personName(n - (n % 3) + 1)],
  // Three-character names.
  ['search.3char.p95', (n) => personName(n - (n % 3))],
  // Six characters of a request: a house on a street, or the start of what it is about.
  ['search.6char.p95', (n) => (n % 2 ? [...placeOf(n)].slice(0, 6).join('') : [...issueOf(n)].slice(0, 6).join(''))],
  ['search.idfragment.p95', (n) => residentId(n).slice(-4)],
];

/** The LIKE scan over the columns the index of that kind of fragment covers. */
function likeScan(raw: Database.Database) {
  const text = raw.prepare(
    "SELECT m.id FROM matter m JOIN visitor v ON v.id = m.visitor_id WHERE v.name LIKE @q OR m.respondent LIKE @q OR m.summary LIKE @q OR m.facts LIKE @q ORDER BY m.rowid DESC LIMIT @limit",
  );
  const numbers = raw.prepare(
    'SELECT m.id FROM matter m JOIN visitor v ON v.id = m.visitor_id WHERE m.matter_no LIKE @q OR v.id_number LIKE @q OR v.mobile LIKE @q ORDER BY m.rowid DESC LIMIT @limit',
  );
  return (q: string) => {
    const parsed = parseSearchQuery(q);
    if (!parsed.ok) throw new Error(`bench fragment refused: ${q} ${parsed.code}`);
    return (parsed.value.index === 'number' ? numbers : text).all({ q: `%${q}%`, limit: SEARCH_LIMIT + 1 }).length;
  };
}

export async function run({ quick }: { quick: boolean }): Promise<void> {
  const existing = quick ? 20_000 : 1_000_000;
  const samples = quick ? 200 : 1000;
  // A LIKE scan reads the whole store when little matches: fewer samples keep the run short.
  const baselineSamples = quick ? 50 : 30;
  const at = `${existing} matters`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-search-'));
  const key = await seedStore(dataDir, existing);
  const backend = createBackend({ ...sourceTreeOptions(dataDir), key, log: () => {} });
  await signIn(backend.dispatch, 'handler');
  const raw = openRaw(dataDir, key);
  const like = likeScan(raw);
  const pick = () => Math.floor(Math.random() * existing);

  for (const [figure, fragment] of FIGURES) {
    const times: number[] = [];
    for (let i = -WARMUP; i < samples; i++) {
      const q = fragment(pick());
      const t0 = process.hrtime.bigint();
      const r = await backend.dispatch('search.matters', { query: q });
      if (i >= 0) times.push(msSince(t0));
      if (!r.ok || (r.value as { hits: unknown[] }).hits.length === 0) throw new Error(`bench search found nothing for ${q}: ${JSON.stringify(r).slice(0, 200)}`);
    }
    const baseline: number[] = [];
    for (let i = -2; i < baselineSamples; i++) {
      const q = fragment(pick());
      const t0 = process.hrtime.bigint();
      like(q);
      if (i >= 0) baseline.push(msSince(t0));
    }
    report({ figure, value: quantile(times, 0.95), unit: 'ms', baseline: quantile(baseline, 0.95), n: samples, at });
  }
  raw.close();
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
