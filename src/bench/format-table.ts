import type { BenchRow } from './bench-entry.ts';

const seconds = (ms?: number) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
const mb = (v?: number) => (v === undefined ? '—' : `${Math.round(v)} MB`);
/** A ratio as the table prints it, e.g. `0.48×`. */
export const formatRatio = (ratio: number) => `${ratio.toFixed(2)}×`;

/** The verdict and each limit, with ✗ after the ones this row missed. */
function formatBudget(row: BenchRow, budget: NonNullable<BenchRow['budget']>): string {
  const missed = (value: number | undefined, max: number) => (value === undefined || value > max ? ' ✗' : '');
  const limits = [
    budget.wallMs !== undefined && `≤ ${seconds(budget.wallMs)}${missed(row.wallMs, budget.wallMs)}`,
    budget.peakRssMb !== undefined && `≤ ${budget.peakRssMb} MB${missed(row.peakRssMb, budget.peakRssMb)}`,
    ...(budget.limits ?? []).map((l) => `${l.what} ≤ ${l.max}${l.unit}${missed(l.value, l.max)}`),
  ].filter(Boolean);
  return `${budget.met ? 'met' : 'MISSED'} (${limits.join(', ')})`;
}

/** One line per row: figures, the peer and the ratio to it, the budget verdict. */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const header = ['entry', 'case', 'wall (median)', 'peak RSS', 'peer', 'ratio', 'budget', 'extra'];
  const lines = rows.map((r) => {
    const peer = r.peer ? ('skipped' in r.peer ? `${r.peer.name}: skipped (${r.peer.skipped})` : `${r.peer.name} ${seconds(r.peer.wallMs)}, ${mb(r.peer.peakRssMb)}`) : '';
    const ratio = r.peer && !('skipped' in r.peer) && r.wallMs !== undefined ? formatRatio(r.wallMs / r.peer.wallMs) : '';
    const extra = Object.entries(r.extra ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
    return [r.entry, `${r.case}${r.size ? ` (N=${r.size})` : ''}`, seconds(r.wallMs), mb(r.peakRssMb), peer, ratio, r.budget ? formatBudget(r, r.budget) : '', extra];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}
