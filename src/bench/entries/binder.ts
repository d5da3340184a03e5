/**
 * The printed binder for 100 generated runbooks (issue budget: ≤ 60 s wall, ≤ 1.5 GB peak
 * memory). The site is built once and not timed here; `lifeboat pdf` is measured over its whole
 * process tree, Chromium's processes included (see measure-tree.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withinBudget, type BenchEntry } from '../bench-entry.ts';
import { writeRunbookCorpus } from '../corpus.ts';
import { measure, measureRuns } from '../measure.ts';
import { measureTree, type TreeMeasurement } from '../measure-tree.ts';

/** The budget is set for this many runbooks, whatever `--sizes` says. */
const RUNBOOKS = 100;
const script = (name: string) => new URL(`../../../scripts/${name}.ts`, import.meta.url).pathname;

export const binderEntry: BenchEntry = {
  name: 'binder',
  description: `lifeboat pdf for ${RUNBOOKS} generated runbooks (whole process tree, Chromium included)`,
  async run(ctx) {
    const work = mkdtempSync(join(tmpdir(), 'lifeboat-bench-binder-'));
    try {
      const runbooks = join(work, 'runbooks');
      const out = join(work, 'dist');
      const config = join(work, 'lifeboat.config.yaml');
      await writeRunbookCorpus(runbooks, RUNBOOKS);
      writeFileSync(config, 'clusters: { primary: prod, dr: dr }\n');
      ctx.log(`binder: building the site for ${RUNBOOKS} runbooks (not timed)…`);
      const built = await measure(process.execPath, [script('build'), '--config', config, '--runbooks', runbooks, '--out', out]);
      if (built.code !== 0) throw new Error(`binder: the site did not build:\n${built.stderr.slice(-2000)}`);
      ctx.log('binder: printing…');
      let last: TreeMeasurement | undefined;
      const result = await measureRuns(ctx.runs, async () => (last = await measureTree(process.execPath, [script('build-pdf'), '--config', config, '--out', out])));
      const row = { wallMs: result.wallMs, peakRssMb: result.peakRssMb! };
      return [
        {
          entry: 'binder',
          case: `lifeboat pdf, ${RUNBOOKS} runbooks`,
          size: RUNBOOKS,
          ...row,
          extra: {
            pages: Number(/\((\d+) pages/.exec(result.stdout)?.[1] ?? 0),
            'binder MB': Number(/pages, ([\d.]+) MB\)/.exec(result.stdout)?.[1] ?? 0),
            'CPU s': Number((last!.cpuMs / 1000).toFixed(1)),
            'PSS MB': Math.round(last!.peakPssMb),
          },
          budget: withinBudget(row, { wallMs: 60_000, peakRssMb: 1500 }),
        },
      ];
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
