/**
 * Search: the Pagefind index Lifeboat writes, per indexed page and per runbook (the issue's
 * figure is at 1,000 runbooks), next to plain Starlight's for the same content. The runtime
 * (scripts and WebAssembly, the same at any size) is reported apart. No budget in the issue.
 */
import type { BenchEntry, BenchRow } from '../bench-entry.ts';
import { toKb, toMb } from '../folder-size.ts';
import { measureSearchIndex } from '../search-index.ts';
import { isBuilt } from '../site-builds.ts';
import { lifeboatSite } from '../sites/lifeboat.ts';
import { starlightSite } from '../sites/starlight.ts';

export const searchEntry: BenchEntry = {
  name: 'search',
  description: 'Pagefind index bytes per page, vs plain Starlight',
  async run(ctx) {
    const rows: BenchRow[] = [];
    for (const size of ctx.sizes) {
      const ours = await ctx.sites.build(lifeboatSite, size, { timed: false });
      const index = isBuilt(ours) ? await measureSearchIndex(ours.out) : undefined;
      if (!index) throw new Error(`the Lifeboat site for ${size} runbooks has no Pagefind index`);
      const peer = await ctx.sites.build(starlightSite, size, { timed: false });
      const peerIndex = isBuilt(peer) ? await measureSearchIndex(peer.out) : undefined;
      rows.push({
        entry: 'search',
        case: 'Pagefind index',
        size,
        extra: {
          'index MB': toMb(index.indexBytes),
          'pages indexed': index.pages,
          'bytes/page': Math.round(index.indexBytes / index.pages),
          'bytes/runbook': Math.round(index.indexBytes / size),
          'runtime KB': toKb(index.runtimeBytes),
          ...(peerIndex
            ? { 'Starlight bytes/page': Math.round(peerIndex.indexBytes / peerIndex.pages), 'Starlight bytes/runbook': Math.round(peerIndex.indexBytes / size) }
            : { Starlight: `skipped (${isBuilt(peer) ? 'no Pagefind index' : peer.skipped})` }),
        },
        detail: { lifeboat: index, ...(peerIndex ? { starlight: peerIndex } : {}) },
      });
    }
    return rows;
  },
};
