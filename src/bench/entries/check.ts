/**
 * `lifeboat check` over N generated runbooks against two large facts snapshots (2,000 CRDs,
 * 5,000 Services, 200 namespaces each). Budget: ≤ 1 s wall for the whole process at 1,000.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withinBudget, type BenchEntry, type BenchRow } from '../bench-entry.ts';
import { writeRunbookCorpus, writeScaleFacts } from '../corpus.ts';
import { measure, measureRuns } from '../measure.ts';
import { npmScriptArgs } from '../../cli/npm-script.ts';
import { REPO } from '../sites/site-tool.ts';

export const checkEntry: BenchEntry = {
  name: 'check',
  description: 'lifeboat check over N runbooks against large facts snapshots',
  async run(ctx) {
    const work = mkdtempSync(join(tmpdir(), 'lifeboat-bench-check-'));
    try {
      await writeScaleFacts(join(work, 'facts'), ['prod', 'dr']);
      writeFileSync(join(work, 'lifeboat.config.yaml'), 'clusters: { primary: prod, dr: dr }\nfacts: facts\n');
      const rows: BenchRow[] = [];
      // What `lifeboat check` runs, timed without npm's own start; that start is measured once
      // beside it (it is the same for any collection). The first run after a change to the
      // sources bundles them (src/cli/bundled-entry.js): not timed. The first timed run also
      // writes the bundle's code cache, which the median leaves out.
      const command = npmScriptArgs(REPO, 'check');
      await measure(process.execPath, [...command, '--help']);
      const direct = await measure(process.execPath, [...command, '--help']);
      const viaNpm = await measure('npm', ['run', '--silent', 'check', '--', '--help'], { cwd: REPO }).catch(() => undefined);
      const npmStartMs = viaNpm?.code === 0 ? Math.round(viaNpm.wallMs - direct.wallMs) : undefined;
      for (const size of ctx.sizes) {
        const runbooks = join(work, `runbooks-${size}`);
        await writeRunbookCorpus(runbooks, size);
        ctx.log(`check: ${size} runbooks…`);
        // Findings are expected (the corpus references a StorageClass DR lacks): exit 1 is fine.
        const result = await measureRuns(ctx.runs, async () => {
          const m = await measure(process.execPath, [...command, '--config', join(work, 'lifeboat.config.yaml'), '--runbooks', runbooks, '--format', 'json']);
          return { ...m, code: m.code === 1 && m.stdout.includes('"version": 1') ? 0 : m.code };
        });
        const row = { wallMs: result.wallMs, ...(result.peakRssMb !== undefined ? { peakRssMb: result.peakRssMb } : {}) };
        rows.push({
          entry: 'check',
          case: `lifeboat check, ${size} runbooks`,
          size,
          ...row,
          extra: { issues: JSON.parse(result.stdout).issues.length, ...(npmStartMs !== undefined ? { npmStartMs } : {}) },
          ...(size === 1000 ? { budget: withinBudget(row, { wallMs: 1000 }) } : {}),
        });
      }
      return rows;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
