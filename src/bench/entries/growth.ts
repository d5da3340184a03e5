/**
 * How Lifeboat's build grows with the collection: build time, peak RSS and output size at each
 * --sizes size (the issue asks for 100, 1,000 and 3,000), then the growth between consecutive
 * sizes. Budget (issue 8): 1,000 → 3,000 no worse than 3.3× in time and output size, applied to
 * every step as 1.1 × the size ratio. Output parts that grow faster than that are named.
 */
import { withinBudget, type BenchEntry, type BenchRow } from '../bench-entry.ts';
import { measureFolder, toMb } from '../folder-size.ts';
import { growthSteps, type SizePoint } from '../growth.ts';
import { formatRatio } from '../format-table.ts';
import { isBuilt } from '../site-builds.ts';
import { lifeboatSite } from '../sites/lifeboat.ts';

const round = (n: number) => Math.round(n * 100) / 100;

export const growthEntry: BenchEntry = {
  name: 'growth',
  description: 'Lifeboat build time, peak RSS and output size at each size, and how they grow',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const points: SizePoint[] = [];
    for (const size of [...ctx.sizes].sort((a, b) => a - b)) {
      const site = await ctx.sites.build(lifeboatSite, size, { timed: true });
      if (!isBuilt(site) || !site.timing) throw new Error('the Lifeboat build was not timed');
      const dist = await measureFolder(site.out);
      const point = { size, wallMs: site.timing.wallMs, ...(site.timing.peakRssMb !== undefined ? { peakRssMb: site.timing.peakRssMb } : {}), distBytes: dist.bytes, parts: dist.parts };
      points.push(point);
      rows.push({
        entry: 'growth',
        case: 'Lifeboat build',
        size,
        wallMs: point.wallMs,
        ...(point.peakRssMb !== undefined ? { peakRssMb: point.peakRssMb } : {}),
        extra: { 'dist MB': toMb(dist.bytes), files: dist.files, 'ms/runbook': Math.round(point.wallMs / size) },
        detail: { partsBytes: dist.parts },
      });
    }
    for (const step of growthSteps(points)) {
      const limits = [
        { what: 'time', value: round(step.timeRatio), max: round(step.allowed), unit: '×' },
        { what: 'dist', value: round(step.distRatio), max: round(step.allowed), unit: '×' },
      ];
      rows.push({
        entry: 'growth',
        case: `${step.from} → ${step.to} runbooks (${formatRatio(step.sizeRatio)})`,
        extra: {
          'time ×': round(step.timeRatio),
          'dist ×': round(step.distRatio),
          ...(step.rssRatio !== undefined ? { 'RSS ×': round(step.rssRatio) } : {}),
          ...(step.fasterThanLinear.length ? { 'faster than linear': step.fasterThanLinear.map((p) => `${p.part} ${formatRatio(p.ratio)}`).join(',') } : {}),
        },
        budget: withinBudget({}, { limits }),
        detail: { ...step },
      });
    }
    return rows;
  },
};
