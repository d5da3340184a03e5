/** `npm run bench:pdf`: time and memory of printing the binder for N generated runbooks. */
import { EXIT, parseFlags } from '../src/cli/cli-kit.ts';
import { benchPdf, PDF_BUDGET } from '../src/bench/bench-pdf.ts';
import type { Measurement } from '../src/bench/measure-process.ts';

const USAGE = `Usage: npm run bench:pdf -- [--runbooks N] [--seed N]

Generates N realistic runbooks (default 100), builds the site, prints the binder, and reports
each step's wall time, CPU time and peak memory, summed over the whole process tree (Chromium
included): RSS counts shared pages in every process that maps them, PSS splits them. The
budget is checked against RSS, the stricter of the two. Figures vary with other load.
Exit codes: 0 within the binder budget (${PDF_BUDGET.wallMs / 1000} s, ${PDF_BUDGET.peakRssBytes / 1e9} GB), 1 over it or failed, 2 usage error.`;

const flags = parseFlags({ runbooks: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' }, help: { type: 'boolean', short: 'h' } }, USAGE);
const runbooks = Number(flags.runbooks);
const seed = Number(flags.seed);
if (!Number.isInteger(runbooks) || runbooks < 1 || !Number.isInteger(seed)) {
  process.stderr.write(`--runbooks must be a whole number ≥ 1 and --seed a whole number.\n\n${USAGE}\n`);
  process.exit(EXIT.usage);
}

const result = await benchPdf({ runbooks, seed });
const row = (step: string, m: Measurement) =>
  `${step.padEnd(6)} ${(m.wallMs / 1000).toFixed(1).padStart(7)} s ${(m.cpuMs / 1000).toFixed(1).padStart(7)} s ${(m.peakRssBytes / 1e6).toFixed(0).padStart(7)} MB ${(m.peakPssBytes / 1e6).toFixed(0).padStart(7)} MB`;
process.stdout.write(
  [
    `${result.runbooks} generated runbooks (seed ${seed})`,
    `step      wall       CPU  peak RSS  peak PSS (sums over the whole process tree)`,
    row('build', result.build),
    row('pdf', result.pdf),
    `binder: ${result.binderPages} pages, ${(result.binderBytes / 1e6).toFixed(1)} MB`,
    `pdf budget (${PDF_BUDGET.wallMs / 1000} s, ${PDF_BUDGET.peakRssBytes / 1e9} GB): ${result.withinBudget ? 'within' : 'OVER'}`,
  ].join('\n') + '\n',
);
process.exitCode = result.withinBudget ? EXIT.ok : EXIT.failed;
