/**
 * Page weight: what the first visit to the median runbook page (by HTML size) transfers, the
 * HTML and the CSS and JS it loads, compressed (search index excluded; see page-weight.ts), for
 * Lifeboat and for plain Starlight on the same content. Budget (issue 8): ≤ 30 KB compressed at
 * any size, counted with gzip (the larger of the two).
 */
import { forEachSize, withinBudget, type BenchEntry } from '../bench-entry.ts';
import { toKb } from '../folder-size.ts';
import { medianPageLoad } from '../page-weight.ts';
import { hasFigure, readBothSites } from '../read-sites.ts';

const BUDGET_KB = 30;

export const pageWeightEntry: BenchEntry = {
  name: 'page-weight',
  description: 'compressed first load of the median runbook page (HTML + CSS + JS), vs plain Starlight',
  run: (ctx) =>
    forEachSize(ctx, async (size) => {
      const { ours: load, starlight } = await readBothSites(ctx, size, 'runbook pages', medianPageLoad);
      const figures = (prefix: string, l: typeof load) => ({
        [`${prefix}gzip KB`]: toKb(l.gzip),
        [`${prefix}brotli KB`]: toKb(l.brotli),
        [`${prefix}HTML gzip KB`]: toKb(l.files[0]!.gzip),
      });
      return [
        {
          entry: 'page-weight',
          case: 'median runbook page, first load',
          size,
          extra: {
            ...figures('', load),
            'raw KB': toKb(load.bytes),
            files: load.files.length,
            ...(hasFigure(starlight) ? figures('Starlight ', starlight) : { Starlight: `skipped (${starlight.skipped})` }),
          },
          budget: withinBudget({}, { limits: [{ what: 'gzip', value: toKb(load.gzip), max: BUDGET_KB, unit: ' KB' }] }),
          detail: { page: load.page, files: load.files, ...(hasFigure(starlight) ? { starlightPage: starlight.page, starlightFiles: starlight.files } : {}) },
        },
      ];
    }),
};
