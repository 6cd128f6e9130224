// Bench output, held fixed (DESIGN.md §7): one JSON line per figure, beside a baseline
// measured in the same run.
export type Unit = 'ms' | 'ev/s' | 'MB' | 'KB' | 's' | 'rows/s';

export interface Figure {
  figure: string;
  value: number;
  unit: Unit;
  baseline: number | null;
  n: number;
  at: string;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function report(f: Figure): void {
  const ratio = f.baseline === null || f.baseline === 0 ? null : round(f.value / f.baseline);
  console.log(
    JSON.stringify({ figure: f.figure, value: round(f.value), unit: f.unit, baseline: f.baseline === null ? null : round(f.baseline), ratio, n: f.n, at: f.at }),
  );
}

/** The q-quantile (0..1) of samples, nearest-rank. */
export function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

export const msSince = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
