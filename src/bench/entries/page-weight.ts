/**
 * Page weight: what the first visit to the median runbook page (by HTML size) transfers, the
 * HTML and the CSS and JS it loads, compressed (search index excluded; see page-weight.ts), for
 * Lifeboat and for plain Starlight on the same content. Budget (issue 8): ≤ 30 KB compressed at
 * any size, counted with gzip (the larger of the two).
 */
import { withinBudget, type BenchEntry, type BenchRow } from '../bench-entry.ts';
import { toKb } from '../folder-size.ts';
import { medianPageLoad } from '../page-weight.ts';
import { isBuilt } from '../site-builds.ts';
import { lifeboatSite } from '../sites/lifeboat.ts';
import { starlightSite } from '../sites/starlight.ts';

const BUDGET_KB = 30;

export const pageWeightEntry: BenchEntry = {
  name: 'page-weight',
  description: 'compressed first load of the median runbook page (HTML + CSS + JS), vs plain Starlight',
  async run(ctx) {
    const rows: BenchRow[] = [];
    for (const size of ctx.sizes) {
      const ours = await ctx.sites.build(lifeboatSite, size, { timed: false });
      const load = isBuilt(ours) ? await medianPageLoad(ours.out) : undefined;
      if (!load) throw new Error(`the Lifeboat site for ${size} runbooks has no runbook pages`);
      const peer = await ctx.sites.build(starlightSite, size, { timed: false });
      const peerLoad = isBuilt(peer) ? await medianPageLoad(peer.out) : undefined;
      const html = load.files[0]!;
      rows.push({
        entry: 'page-weight',
        case: 'median runbook page, first load',
        size,
        extra: {
          'gzip KB': toKb(load.gzip),
          'brotli KB': toKb(load.brotli),
          'raw KB': toKb(load.bytes),
          'HTML gzip KB': toKb(html.gzip),
          files: load.files.length,
          ...(peerLoad
            ? { 'Starlight gzip KB': toKb(peerLoad.gzip), 'Starlight brotli KB': toKb(peerLoad.brotli), 'Starlight HTML gzip KB': toKb(peerLoad.files[0]!.gzip) }
            : { Starlight: `skipped (${isBuilt(peer) ? 'no runbook pages' : peer.skipped})` }),
        },
        budget: withinBudget({}, { limits: [{ what: 'gzip', value: toKb(load.gzip), max: BUDGET_KB, unit: ' KB' }] }),
        detail: { page: load.page, files: load.files, ...(peerLoad ? { starlightPage: peerLoad.page, starlightFiles: peerLoad.files } : {}) },
      });
    }
    return rows;
  },
};
