/** What one benchmark entry reports: rows for the table and for bench/results.json. */
export interface BenchRow {
  entry: string;
  /** What was measured, e.g. "collect 2,000 CRDs / 20,000 EndpointSlices". */
  case: string;
  /** Collection size, when the entry is measured at several sizes. */
  size?: number;
  wallMs: number;
  peakRssMb?: number;
  /** Other figures: bytes, counts, per-page sizes. */
  extra?: Record<string, string | number>;
  /** The same work by a peer tool, measured in the same run. */
  peer?: { name: string; wallMs: number; peakRssMb?: number } | { name: string; skipped: string };
  /** The budget, and whether this run met it. */
  budget?: { wallMs?: number; peakRssMb?: number; met: boolean };
}

export interface BenchContext {
  sizes: number[];
  runs: number;
  /** Writes a progress line (stderr), so the table on stdout stays clean. */
  log(line: string): void;
}

export interface BenchEntry {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

/** Budget check helper: met when every given limit holds. */
export function withinBudget(row: Pick<BenchRow, 'wallMs' | 'peakRssMb'>, budget: { wallMs?: number; peakRssMb?: number }): BenchRow['budget'] {
  const wallOk = budget.wallMs === undefined || row.wallMs <= budget.wallMs;
  const rssOk = budget.peakRssMb === undefined || (row.peakRssMb !== undefined && row.peakRssMb <= budget.peakRssMb);
  return { ...budget, met: wallOk && rssOk };
}
