/** `npm run bench`: measure Lifeboat against its budgets and its peers; print a table, write bench/results.json. */
import { mkdir, writeFile } from 'node:fs/promises';
import { EXIT, parseFlags } from '../src/cli/cli-kit.ts';
import type { BenchEntry, BenchRow } from '../src/bench/bench-entry.ts';
import { binderEntry } from '../src/bench/entries/binder.ts';
import { checkEntry } from '../src/bench/entries/check.ts';
import { deployEntry } from '../src/bench/entries/deploy.ts';
import { factsEntry } from '../src/bench/entries/facts.ts';
import { offlineEntry } from '../src/bench/entries/offline.ts';
import { formatBenchTable } from '../src/bench/format-table.ts';

const ENTRIES: BenchEntry[] = [checkEntry, factsEntry, deployEntry, binderEntry, offlineEntry];

const USAGE = `Usage: npm run bench -- [--sizes 100,1000] [--only NAME[,NAME]] [--runs 3]

Runs each benchmark entry (median of --runs runs, peak RSS of the largest process), prints one
table with the peers measured in the same run and the issues' budgets, and writes
bench/results.json. Entries: ${ENTRIES.map((e) => e.name).join(', ')}.`;

const flags = parseFlags(
  { sizes: { type: 'string', default: '100,1000' }, only: { type: 'string' }, runs: { type: 'string', default: '3' }, help: { type: 'boolean', short: 'h' } },
  USAGE,
);
const sizes = flags.sizes.split(',').map(Number);
const runs = Number(flags.runs);
const only = flags.only?.split(',');
if (sizes.some((n) => !Number.isInteger(n) || n <= 0) || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--sizes takes whole numbers (e.g. 100,1000) and --runs a whole number ≥ 1.\n\n${USAGE}\n`);
  process.exit(EXIT.usage);
}
const unknown = only?.filter((name) => !ENTRIES.some((e) => e.name === name)) ?? [];
if (unknown.length) {
  process.stderr.write(`Unknown entry ${unknown.join(', ')}.\n\n${USAGE}\n`);
  process.exit(EXIT.usage);
}

const rows: BenchRow[] = [];
const ctx = { sizes, runs, log: (line: string) => process.stderr.write(`${line}\n`) };
for (const entry of ENTRIES.filter((e) => !only || only.includes(e.name))) {
  ctx.log(`▶ ${entry.name}: ${entry.description}`);
  rows.push(...(await entry.run(ctx)));
}
await mkdir('bench', { recursive: true });
await writeFile('bench/results.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), runs, sizes, rows }, null, 2)}\n`);
process.stdout.write(`${formatBenchTable(rows)}\n\nWrote bench/results.json.\n`);
process.exitCode = EXIT.ok;
