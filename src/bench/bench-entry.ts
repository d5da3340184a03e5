import type { SiteBuilds } from './site-builds.ts';

/** A budget on a figure other than wall time and peak RSS, e.g. `{ what: 'dist', value: 21.3, max: 25, unit: 'MB' }`. */
export interface BudgetLimit {
  what: string;
  value: number;
  max: number;
  unit: string;
}

/** What one benchmark entry reports: rows for the table and for bench/results.json. */
export interface BenchRow {
  entry: string;
  /** What was measured, e.g. "collect 2,000 CRDs / 20,000 EndpointSlices". */
  case: string;
  /** Collection size, when the entry is measured at several sizes. */
  size?: number;
  /** Median wall time; absent for rows that measure bytes, not time. */
  wallMs?: number;
  peakRssMb?: number;
  /** Other figures: bytes, counts, per-page sizes. */
  extra?: Record<string, string | number>;
  /** The same work by a peer tool, measured in the same run. */
  peer?: { name: string; wallMs: number; peakRssMb?: number } | { name: string; skipped: string };
  /** The budget, and whether this run met it. */
  budget?: { wallMs?: number; peakRssMb?: number; limits?: BudgetLimit[]; met: boolean };
  /** More figures for bench/results.json only (not printed), e.g. output bytes per folder. */
  detail?: Record<string, unknown>;
}

export interface BenchContext {
  sizes: number[];
  runs: number;
  /**
   * A smoke run (`--smoke`): the entries measured at a fixed size, the one their budget is set for
   * (binder's 100 runbooks, facts' large cluster), measure something small instead (the smallest of
   * `sizes`; a small cluster) and judge no budget, so that every entry runs quickly. Such a run
   * shows that the entries work, not what they measure.
   */
  smoke: boolean;
  /** Writes a progress line (stderr), so the table on stdout stays clean. */
  log(line: string): void;
  /** Sites built in this run, shared between the entries that time them and those that read them. */
  sites: SiteBuilds;
}

export interface BenchEntry {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

/** Budget check helper: met when every given limit holds. */
export function withinBudget(
  row: Pick<BenchRow, 'wallMs' | 'peakRssMb'>,
  budget: { wallMs?: number; peakRssMb?: number; limits?: BudgetLimit[] },
): BenchRow['budget'] {
  const wallOk = budget.wallMs === undefined || (row.wallMs !== undefined && row.wallMs <= budget.wallMs);
  const rssOk = budget.peakRssMb === undefined || (row.peakRssMb !== undefined && row.peakRssMb <= budget.peakRssMb);
  const limitsOk = (budget.limits ?? []).every((l) => l.value <= l.max);
  return { ...budget, met: wallOk && rssOk && limitsOk };
}

/** How many times `value` is `base` (e.g. Lifeboat's time over a peer's), or undefined without a base. */
export const ratioOf = (value: number, base: number) => (base > 0 ? value / base : undefined);

/** Measures at each --sizes size in turn (never two at once: they would share two cores) and collects the rows. */
export async function forEachSize(ctx: BenchContext, measure: (size: number) => Promise<BenchRow[]>): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of ctx.sizes) rows.push(...(await measure(size)));
  return rows;
}
