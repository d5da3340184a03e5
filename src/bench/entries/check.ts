/**
 * `npm run check` over N generated runbooks against two large facts snapshots (2,000 CRDs,
 * 5,000 Services, 200 namespaces each). Budget: ≤ 1 s wall for the whole process at 1,000.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withinBudget, type BenchEntry, type BenchRow } from '../bench-entry.ts';
import { writeRunbookCorpus, writeScaleFacts } from '../corpus.ts';
import { measure, measureRuns } from '../measure.ts';

export const checkEntry: BenchEntry = {
  name: 'check',
  description: 'npm run check over N runbooks against large facts snapshots',
  async run(ctx) {
    const work = mkdtempSync(join(tmpdir(), 'lifeboat-bench-check-'));
    try {
      await writeScaleFacts(join(work, 'facts'), ['prod', 'dr']);
      writeFileSync(join(work, 'lifeboat.config.yaml'), 'clusters: { primary: prod, dr: dr }\nfacts: facts\n');
      const rows: BenchRow[] = [];
      for (const size of ctx.sizes) {
        const runbooks = join(work, `runbooks-${size}`);
        await writeRunbookCorpus(runbooks, size);
        ctx.log(`check: ${size} runbooks…`);
        const script = new URL('../../../scripts/check.ts', import.meta.url).pathname;
        // Findings are expected (the corpus references a StorageClass DR lacks): exit 1 is fine.
        const result = await measureRuns(ctx.runs, async () => {
          const m = await measure(process.execPath, [script, '--config', join(work, 'lifeboat.config.yaml'), '--runbooks', runbooks, '--format', 'json']);
          return { ...m, code: m.code === 1 && m.stdout.includes('"version": 1') ? 0 : m.code };
        });
        const row = { wallMs: result.wallMs, ...(result.peakRssMb !== undefined ? { peakRssMb: result.peakRssMb } : {}) };
        rows.push({
          entry: 'check',
          case: `npm run check, ${size} runbooks`,
          size,
          ...row,
          extra: { issues: JSON.parse(result.stdout).issues.length },
          ...(size === 1000 ? { budget: withinBudget(row, { wallMs: 1000 }) } : {}),
        });
      }
      return rows;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
