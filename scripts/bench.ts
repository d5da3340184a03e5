/** `npm run bench`: measure Lifeboat against its budgets and its peers; print a table, write bench/results.json. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { EXIT, exitWithUsage, parseFlags } from '../src/cli/cli-kit.ts';
import { ENTRIES } from '../src/bench/all-entries.ts';
import type { BenchRow } from '../src/bench/bench-entry.ts';
import { formatBenchTable } from '../src/bench/format-table.ts';
import { SiteBuilds } from '../src/bench/site-builds.ts';
import { REPO } from '../src/bench/sites/site-tool.ts';

const USAGE = `Usage: npm run bench -- [--sizes 100,1000] [--only NAME[,NAME]] [--runs 3]

Runs each benchmark entry (median of --runs runs, peak RSS of the largest process), prints one
table with the peers measured in the same run and the issues' budgets, and writes
bench/results.json. Progress goes to stderr, the table to stdout.

  --sizes N,N   runbook counts for the entries measured at several sizes (default 100,1000;
                the issue's growth curve is 100,1000,3000)
  --only NAME   run only these entries (comma-separated)
  --runs N      timed runs per measurement; the median wall time is kept (default 3)
  --out FILE    where to write the results (default bench/results.json)
  --no-install  install nothing: a peer that is not installed is reported as skipped
  --smoke       only check that every entry runs, quickly: binder prints the smallest of
                --sizes instead of 100 runbooks, facts reads a small cluster, and no budget
                is judged on those two. test/bench.test.ts runs
                \`--smoke --sizes 5 --runs 1 --no-install\` in npm test

Entries:
${ENTRIES.map((e) => `  ${e.name.padEnd(12)}${e.description}`).join('\n')}

Hugo and MkDocs Material are installed with apt-get when missing (as root or with sudo -n;
not with --no-install); a peer that cannot be installed or built is reported as skipped, with
the reason.`;

const flags = parseFlags(
  {
    sizes: { type: 'string', default: '100,1000' },
    only: { type: 'string' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench/results.json' },
    'no-install': { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
  USAGE,
);
const sizes = flags.sizes.split(',').map(Number);
const runs = Number(flags.runs);
const only = flags.only?.split(',');
if (sizes.some((n) => !Number.isInteger(n) || n <= 0) || !Number.isInteger(runs) || runs < 1) {
  exitWithUsage('--sizes takes whole numbers (e.g. 100,1000) and --runs a whole number ≥ 1.', USAGE);
}
const unknown = only?.filter((name) => !ENTRIES.some((e) => e.name === name)) ?? [];
if (unknown.length) {
  exitWithUsage(`Unknown entry ${unknown.join(', ')}.`, USAGE);
}

const rows: BenchRow[] = [];
// The machine may be shared: the load average before and after each entry goes with its figures.
const load: { entry: string; before: number[]; after: number[] }[] = [];
const log = (line: string) => process.stderr.write(`${line}\n`);
// Inside the checkout (gitignored): the plain Starlight peer finds this checkout's packages from there.
await mkdir(join(REPO, '.lifeboat-tmp'), { recursive: true });
const work = await mkdtemp(join(REPO, '.lifeboat-tmp', 'bench-'));
const ctx = { sizes, runs, smoke: flags.smoke, log, sites: new SiteBuilds(work, runs, log, { install: !flags['no-install'] }) };
try {
  for (const entry of ENTRIES.filter((e) => !only || only.includes(e.name))) {
    ctx.log(`▶ ${entry.name}: ${entry.description}`);
    const before = loadavg();
    rows.push(...(await entry.run(ctx)));
    load.push({ entry: entry.name, before, after: loadavg() });
  }
} finally {
  await ctx.sites.dispose();
}
const out = resolve(flags.out);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), runs, sizes, ...(flags.smoke ? { smoke: true } : {}), load, rows }, null, 2)}\n`);
const inHere = relative(process.cwd(), out);
const shown = inHere && !inHere.startsWith('..') ? inHere : out;
const loadLines = load.map((l) => `  ${l.entry}: ${l.before.map((v) => v.toFixed(2)).join(' ')} → ${l.after.map((v) => v.toFixed(2)).join(' ')}`);
process.stdout.write(`${formatBenchTable(rows)}\n\nLoad average (1, 5, 15 min) before → after each entry:\n${loadLines.join('\n')}\n\nWrote ${shown}.\n`);
process.exitCode = EXIT.ok;
