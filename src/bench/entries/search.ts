/**
 * Search: the Pagefind index Lifeboat writes, per indexed page and per runbook (the issue's
 * figure is at 1,000 runbooks), next to plain Starlight's for the same content. The runtime
 * (scripts and WebAssembly, the same at any size) is reported apart. No budget in the issue.
 */
import { forEachSize, type BenchEntry } from '../bench-entry.ts';
import { toKb, toMb } from '../folder-size.ts';
import { hasFigure, readBothSites } from '../read-sites.ts';
import { measureSearchIndex } from '../search-index.ts';

export const searchEntry: BenchEntry = {
  name: 'search',
  description: 'Pagefind index bytes per page, vs plain Starlight',
  run: (ctx) =>
    forEachSize(ctx, async (size) => {
      const { ours: index, starlight } = await readBothSites(ctx, size, 'Pagefind index', measureSearchIndex);
      return [
        {
          entry: 'search',
          case: 'Pagefind index',
          size,
          extra: {
            'index MB': toMb(index.indexBytes),
            'pages indexed': index.pages,
            'bytes/page': Math.round(index.indexBytes / index.pages),
            'bytes/runbook': Math.round(index.indexBytes / size),
            'runtime KB': toKb(index.runtimeBytes),
            ...(hasFigure(starlight)
              ? { 'Starlight bytes/page': Math.round(starlight.indexBytes / starlight.pages), 'Starlight bytes/runbook': Math.round(starlight.indexBytes / size) }
              : { Starlight: `skipped (${starlight.skipped})` }),
          },
          detail: { lifeboat: index, ...(hasFigure(starlight) ? { starlight } : {}) },
        },
      ];
    }),
};
