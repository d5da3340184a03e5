/** Pure arithmetic of the growth entry: how figures scale from one collection size to the next. */

export interface SizePoint {
  size: number;
  wallMs: number;
  peakRssMb?: number;
  distBytes: number;
  /** Output bytes per top-level file or folder. */
  parts: Record<string, number>;
}

/** The allowance: 1,000 → 3,000 runbooks may cost at most 3.3× (1.1 × the size ratio). */
export const GROWTH_SLACK = 1.1;

export interface Growth {
  from: number;
  to: number;
  /** How many times more runbooks. */
  sizeRatio: number;
  timeRatio: number;
  distRatio: number;
  rssRatio?: number;
  /** The most any figure may grow: `GROWTH_SLACK` × sizeRatio. */
  allowed: number;
  /** Output parts that grew more than allowed (and are at least 1% of the larger output), largest ratio first. */
  fasterThanLinear: { part: string; ratio: number; fromBytes: number; toBytes: number }[];
}

/** Growth between consecutive points, sorted by size. */
export function growthSteps(points: readonly SizePoint[]): Growth[] {
  const sorted = [...points].sort((a, b) => a.size - b.size);
  return sorted.slice(1).map((to, k) => {
    const from = sorted[k]!;
    const sizeRatio = to.size / from.size;
    const allowed = GROWTH_SLACK * sizeRatio;
    const fasterThanLinear = Object.entries(to.parts)
      .map(([part, toBytes]) => ({ part, toBytes, fromBytes: from.parts[part] ?? 0, ratio: toBytes / (from.parts[part] ?? 0) }))
      .filter((p) => p.ratio > allowed && p.toBytes >= to.distBytes / 100)
      .sort((a, b) => b.ratio - a.ratio);
    return {
      from: from.size,
      to: to.size,
      sizeRatio,
      timeRatio: to.wallMs / from.wallMs,
      distRatio: to.distBytes / from.distBytes,
      ...(from.peakRssMb && to.peakRssMb ? { rssRatio: to.peakRssMb / from.peakRssMb } : {}),
      allowed,
      fasterThanLinear,
    };
  });
}
