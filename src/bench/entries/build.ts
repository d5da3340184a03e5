/**
 * Full build over N runbooks: Lifeboat's `npm run build`, and in the same run the same content
 * as plain Markdown built by plain Starlight, Hugo and MkDocs Material. One row per peer, with
 * Lifeboat's time as a ratio to the peer's and both output folders' sizes. Budget (issue 8):
 * ≤ 0.5× plain Starlight's time at every size; ≤ 1 GB peak RSS and ≤ 25 MB of output up to 1,000.
 */
import { ratioOf, withinBudget, type BenchEntry, type BenchRow, type BudgetLimit } from '../bench-entry.ts';
import { measureFolder, toMb } from '../folder-size.ts';
import { isBuilt } from '../site-builds.ts';
import { hugoSite } from '../sites/hugo.ts';
import { lifeboatSite } from '../sites/lifeboat.ts';
import { mkdocsSite } from '../sites/mkdocs.ts';
import { starlightSite } from '../sites/starlight.ts';

const PEERS = [starlightSite, hugoSite, mkdocsSite];
/** Budgets the issue sets at 1,000 runbooks, and so at any smaller size too. */
const DIST_MB = 25;
const RSS_MB = 1024;
const STARLIGHT_RATIO = 0.5;

export const buildEntry: BenchEntry = {
  name: 'build',
  description: 'full build over N runbooks: Lifeboat vs plain Starlight, Hugo and MkDocs Material on the same content',
  async run(ctx) {
    const rows: BenchRow[] = [];
    for (const size of ctx.sizes) {
      const ours = await ctx.sites.build(lifeboatSite, size, { timed: true });
      if (!isBuilt(ours) || !ours.timing) throw new Error('the Lifeboat build was not timed');
      const dist = await measureFolder(ours.out);
      const row = { wallMs: ours.timing.wallMs, ...(ours.timing.peakRssMb !== undefined ? { peakRssMb: ours.timing.peakRssMb } : {}) };
      for (const tool of PEERS) {
        const peer = await ctx.sites.build(tool, size, { timed: true });
        const peerTiming = isBuilt(peer) ? peer.timing : undefined;
        const limits: BudgetLimit[] = [];
        if (tool === starlightSite && peerTiming) limits.push({ what: 'time vs Starlight', value: ratioOf(row.wallMs, peerTiming.wallMs) ?? Infinity, max: STARLIGHT_RATIO, unit: '×' });
        if (size <= 1000) limits.push({ what: 'dist', value: toMb(dist.bytes), max: DIST_MB, unit: ' MB' });
        rows.push({
          entry: 'build',
          case: `Lifeboat vs ${tool.name}`,
          size,
          ...row,
          peer: peerTiming
            ? { name: tool.name, wallMs: peerTiming.wallMs, ...(peerTiming.peakRssMb !== undefined ? { peakRssMb: peerTiming.peakRssMb } : {}) }
            : { name: tool.name, skipped: isBuilt(peer) ? 'not timed' : peer.skipped },
          extra: { 'dist MB': toMb(dist.bytes), files: dist.files, ...(isBuilt(peer) ? { 'peer out MB': toMb((await measureFolder(peer.out)).bytes) } : {}) },
          // Lifeboat's own budgets go on the plain Starlight row only, so each is counted once.
          ...(tool === starlightSite ? { budget: withinBudget(row, { ...(size <= 1000 ? { peakRssMb: RSS_MB } : {}), limits }) } : {}),
          detail: { runsMs: ours.timing.runs, ...(peerTiming ? { peerRunsMs: peerTiming.runs } : {}) },
        });
      }
    }
    return rows;
  },
};
