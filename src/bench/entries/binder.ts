/**
 * The printed binder for 100 generated runbooks (issue budget: ≤ 60 s wall, ≤ 1.5 GB peak
 * memory). The site is built once and not timed here; `lifeboat pdf` is measured over its whole
 * process tree, Chromium's processes included (see measure-tree.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withinBudget, type BenchEntry } from '../bench-entry.ts';
import { npmScriptArgs } from '../../cli/npm-script.ts';
import { writeRunbookCorpus } from '../corpus.ts';
import { REPO } from '../sites/site-tool.ts';
import { measure, measureRuns } from '../measure.ts';
import { measureTree, type TreeMeasurement } from '../measure-tree.ts';

/** The budget is set for this many runbooks, whatever `--sizes` says (except in a `--smoke` run). */
const RUNBOOKS = 100;
/** `lifeboat NAME` as the repository's npm script runs it. */
const lifeboat = (name: string) => npmScriptArgs(REPO, name);

export const binderEntry: BenchEntry = {
  name: 'binder',
  description: `lifeboat pdf for ${RUNBOOKS} generated runbooks (whole process tree, Chromium included)`,
  async run(ctx) {
    const size = ctx.smoke ? Math.min(...ctx.sizes) : RUNBOOKS;
    // In the run's folder inside the checkout, as the other Lifeboat builds are (with the project
    // in /tmp, this checkout's build failed: "ENOENT … /@astrojs/starlight/routes/static/index.astro").
    const work = mkdtempSync(join(ctx.sites.work, 'binder-'));
    try {
      const runbooks = join(work, 'runbooks');
      const out = join(work, 'dist');
      const config = join(work, 'lifeboat.config.yaml');
      await writeRunbookCorpus(runbooks, size);
      writeFileSync(config, 'clusters: { primary: prod, dr: dr }\n');
      ctx.log(`binder: building the site for ${size} runbooks (not timed)…`);
      const built = await measure(process.execPath, [...lifeboat('build'), '--config', config, '--runbooks', runbooks, '--out', out]);
      if (built.code !== 0) throw new Error(`binder: the site did not build:\n${built.stderr.slice(-2000)}`);
      ctx.log('binder: printing…');
      let last: TreeMeasurement | undefined;
      const result = await measureRuns(ctx.runs, async () => (last = await measureTree(process.execPath, [...lifeboat('pdf'), '--config', config, '--out', out])));
      const row = { wallMs: result.wallMs, peakRssMb: result.peakRssMb! };
      return [
        {
          entry: 'binder',
          case: `lifeboat pdf, ${size} runbooks`,
          size,
          ...row,
          extra: {
            pages: Number(/\((\d+) pages/.exec(result.stdout)?.[1] ?? 0),
            'binder MB': Number(/pages, ([\d.]+) MB\)/.exec(result.stdout)?.[1] ?? 0),
            'CPU s': Number((last!.cpuMs / 1000).toFixed(1)),
            'PSS MB': Math.round(last!.peakPssMb),
          },
          ...(size === RUNBOOKS ? { budget: withinBudget(row, { wallMs: 60_000, peakRssMb: 1500 }) } : {}),
        },
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
