/** `lifeboat import`: turn existing Markdown runbooks into Lifeboat runbooks, with a report. */
import { relative, resolve, sep } from 'node:path';
import { EXIT, exitWithUsage, parseCommandLine, useColor } from '../cli-kit.ts';
import type { Issue } from '../../errors/issue.ts';
import { findSources } from '../../import/find-sources.ts';
import { readImportDefaults, type ImportSettings } from '../../import/import-defaults.ts';
import { planImport } from '../../import/plan-import.ts';
import { readExistingRunbooks, writeImport } from '../../import/write-import.ts';
import { formatCliReport } from '../../reporters/cli.ts';
import { formatImportReport } from '../../reporters/import-report.ts';

const USAGE = `Usage: lifeboat import SRC… --out DIR [--format mdx|yaml] [--dry-run] [--force]
         [--service NAME] [--owner TEAM]… [--tier N] [--cluster ROLE] [--defaults FILE] [--quiet] [--json]

Turns Markdown runbooks (files, or folders read recursively; Hugo/Jekyll front matter or none)
into Lifeboat runbooks under DIR/<service>/<id>.mdx, and reports per page what was mapped, kept
as prose or dropped, with source lines. Existing files are never replaced without --force.
Exit codes: 0 every page imported or skipped as empty, 1 a runbook could not be written,
2 usage error, missing source or invalid defaults file.

  --out DIR         folder to write the runbooks to (required)
  --format FORMAT   mdx (default: prose kept between steps) or yaml (prose in step bodies)
  --dry-run         plan and report, write nothing
  --force           replace runbook files that already exist
  --service NAME    service of every imported runbook (default: from front matter or folder)
  --owner TEAM      owning team (repeatable; default: front matter, defaults file, "unassigned")
  --tier N          tier 0-3 of every imported runbook (default 3)
  --cluster ROLE    set this cluster role on commands that run kubectl, oc or velero, so
                    lifeboat check verifies the namespaces and CRDs they name
  --defaults FILE   YAML with service, owners, escalation, tier, rto, rpo, lastReviewed, tags
                    and clusters for pages that lack them
  --quiet           list only pages with something dropped, skipped or failed
  --json            print the report as JSON`;

const { values: flags, positionals } = parseCommandLine(
  {
    out: { type: 'string' },
    format: { type: 'string', default: 'mdx' },
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    service: { type: 'string' },
    owner: { type: 'string', multiple: true },
    tier: { type: 'string' },
    cluster: { type: 'string' },
    defaults: { type: 'string' },
    quiet: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  USAGE,
  process.argv.slice(2),
  true,
);
const usageError = (message: string): never => exitWithUsage(message, USAGE);
const printIssues = (issues: Issue[]) => process.stderr.write(`${formatCliReport(issues, { color: useColor(process.stderr) })}\n`);

if (!positionals.length) usageError('Name at least one Markdown file or folder to import.');
if (!flags.out) usageError('--out DIR is required: the folder the runbooks are written to.');
if (flags.format !== 'mdx' && flags.format !== 'yaml') usageError(`--format must be mdx or yaml, not "${flags.format}".`);
if (flags.tier !== undefined && !/^[0-3]$/.test(flags.tier)) usageError(`--tier must be 0, 1, 2 or 3, not "${flags.tier}".`);
if (flags.cluster !== undefined && !/^[a-z][a-z0-9-]*$/.test(flags.cluster)) usageError(`--cluster must be a role such as "primary", not "${flags.cluster}".`);

const cwd = process.cwd();
const display = (path: string) => relative(cwd, path).split(sep).join('/') || '.';
const settings: ImportSettings = {
  format: flags.format as 'mdx' | 'yaml',
  defaults: {},
  ...(flags.service ? { service: flags.service } : {}),
  ...(flags.owner?.length ? { owners: flags.owner } : {}),
  ...(flags.tier !== undefined ? { tier: Number(flags.tier) } : {}),
  ...(flags.cluster ? { cluster: flags.cluster } : {}),
};
if (flags.defaults) {
  const read = await readImportDefaults(flags.defaults);
  if ('issue' in read) {
    printIssues([read.issue]);
    process.exit(EXIT.usage);
  }
  settings.defaults = read.defaults;
}

const found = await findSources(positionals, cwd);
if (found.issues.length) {
  printIssues(found.issues);
  process.exit(EXIT.usage);
}
const outDir = resolve(cwd, flags.out!);
const sources = new Set(found.pages.map((p) => p.display));
const taken = new Set((await readExistingRunbooks(outDir)).filter((r) => !r.importedFrom || !sources.has(r.importedFrom)).map((r) => r.id));
const plan = planImport(found.pages, settings, taken);
const written = await writeImport(outDir, plan.files, { force: !!flags.force, dryRun: !!flags['dry-run'], display });
const reports = plan.reports.map((r) => (written.failed.has(r.source) ? { ...r, status: 'failed' as const, reason: 'the runbook file was not written (see below)' } : r));

if (flags.json) process.stdout.write(`${JSON.stringify({ out: display(outDir), dryRun: !!flags['dry-run'], reports, issues: written.issues }, null, 2)}\n`);
else process.stdout.write(formatImportReport(reports, { out: display(outDir), dryRun: !!flags['dry-run'], quiet: !!flags.quiet, ignored: found.ignored }));
if (written.issues.length && !flags.json) printIssues(written.issues);
process.exitCode = written.issues.length ? EXIT.failed : EXIT.ok;
