/**
 * Full build over N runbooks: Lifeboat's `lifeboat build`, and in the same run the same content
 * as plain Markdown built by plain Starlight, Hugo and MkDocs Material. One row per peer, with
 * Lifeboat's time as a ratio to the peer's and both output folders' sizes. Budget (issue 8):
 * ≤ 0.5× plain Starlight's time from 1,000 runbooks up (the issue's size: below it both builds
 * are mostly fixed start-up cost, and Lifeboat's also checks, indexes and packs the offline
 * edition, so the ratio is printed but not judged); ≤ 1 GB peak RSS and ≤ 25 MB of output at
 * 1,000 runbooks, and so at any smaller size too.
 */
import { forEachSize, ratioOf, withinBudget, type BenchEntry, type BenchRow, type BudgetLimit } from '../bench-entry.ts';
import { measureFolder, toMb } from '../folder-size.ts';
import { isBuilt, type SiteBuild } from '../site-builds.ts';
import { hugoSite } from '../sites/hugo.ts';
import { lifeboatSite } from '../sites/lifeboat.ts';
import { mkdocsSite } from '../sites/mkdocs.ts';
import { starlightSite } from '../sites/starlight.ts';

const PEERS = [starlightSite, hugoSite, mkdocsSite];
const DIST_MB = 25;
const RSS_MB = 1024;
const STARLIGHT_RATIO = 0.5;

const timed = (site: SiteBuild) => ({ wallMs: site.timing!.wallMs, ...(site.timing!.peakRssMb !== undefined ? { peakRssMb: site.timing!.peakRssMb } : {}) });

export const buildEntry: BenchEntry = {
  name: 'build',
  description: 'full build over N runbooks: Lifeboat vs plain Starlight, Hugo and MkDocs Material on the same content',
  run: (ctx) =>
    forEachSize(ctx, async (size) => {
      const ours = await ctx.sites.build(lifeboatSite, size, { timed: true });
      if (!isBuilt(ours) || !ours.timing) throw new Error('The Lifeboat build was not timed.');
      const row = timed(ours);
      const dist = await measureFolder(ours.out);
      const rows: BenchRow[] = [];
      for (const tool of PEERS) {
        const peer = await ctx.sites.build(tool, size, { timed: true });
        const built = isBuilt(peer) && peer.timing ? peer : undefined;
        rows.push({
          entry: 'build',
          case: `Lifeboat vs ${tool.name}`,
          size,
          ...row,
          peer: built ? { name: tool.name, ...timed(built) } : { name: tool.name, skipped: isBuilt(peer) ? 'not timed' : peer.skipped },
          extra: { 'dist MB': toMb(dist.bytes), files: dist.files, ...(built ? { 'peer out MB': toMb((await measureFolder(built.out)).bytes) } : {}) },
          // Lifeboat's own budgets go on the plain Starlight row only, so that each counts once.
          ...(tool === starlightSite ? { budget: lifeboatBudget(row, size, toMb(dist.bytes), built?.timing?.wallMs) } : {}),
          detail: { runsMs: ours.timing.runs, ...(built ? { peerRunsMs: built.timing!.runs } : {}) },
        });
      }
      return rows;
    }),
};

function lifeboatBudget(row: { wallMs: number; peakRssMb?: number }, size: number, distMb: number, starlightMs?: number): BenchRow['budget'] {
  const limits: BudgetLimit[] = [];
  const ratio = starlightMs === undefined ? undefined : ratioOf(row.wallMs, starlightMs);
  if (ratio !== undefined && size >= 1000) limits.push({ what: 'time vs Starlight', value: Math.round(ratio * 100) / 100, max: STARLIGHT_RATIO, unit: '×' });
  if (size <= 1000) limits.push({ what: 'dist', value: distMb, max: DIST_MB, unit: ' MB' });
  return withinBudget(row, { ...(size <= 1000 ? { peakRssMb: RSS_MB } : {}), limits });
}
