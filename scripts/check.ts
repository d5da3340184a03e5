/** `npm run check`: validate every runbook without building. */
import { CONFIG_FLAGS, CONFIG_HELP, EXIT, loadConfigOrExit, parseFlags, useColor } from '../src/cli/cli-kit.ts';
import { relative } from 'node:path';
import { runChecks } from '../src/checks/run-checks.ts';
import { hasErrors, sortIssues } from '../src/errors/issue.ts';
import { loadProject } from '../src/load/load-project.ts';
import { formatCliReport } from '../src/reporters/cli.ts';
import { formatJsonReport } from '../src/reporters/json.ts';

const USAGE = `Usage: npm run check -- [--runbooks DIR] [--facts DIR] [--format text|json] [--strict]

Validates every runbook (YAML syntax, schema, MDX, ids, gotos, decision trees, cluster roles,
placeholders), then checks it against the collected cluster facts: every required resource
exists, backups meet the RPO, drills fit the RTO, reviews are recent, DR matches primary.
Prints every problem with file:line:col, a code and a hint.
Exit codes: 0 no errors, 1 errors or findings at error level (or any warning with --strict),
2 usage or configuration error.

  --format FORMAT   text (default) or json
  --strict          treat warnings as errors, including references that cannot be checked
                    because facts are missing or unreadable ("unknown")
  --no-facts        check the runbooks' form only (no readiness checks against facts)

Set LIFEBOAT_NOW (ISO time) to judge drill and review ages at a fixed moment.

${CONFIG_HELP}`;

const flags = parseFlags({ ...CONFIG_FLAGS, format: { type: 'string', default: 'text' }, strict: { type: 'boolean' }, 'no-facts': { type: 'boolean' } }, USAGE);
if (flags.format !== 'text' && flags.format !== 'json') {
  process.stderr.write(`--format must be "text" or "json", not "${flags.format}".\n\n${USAGE}\n`);
  process.exit(EXIT.usage);
}
const config = loadConfigOrExit(flags);
const { runbooks, issues: formatIssues, files, facts } = await loadProject(config);
const now = process.env.LIFEBOAT_NOW ? new Date(process.env.LIFEBOAT_NOW) : new Date();
const findings = flags['no-facts'] ? [] : runChecks(runbooks, facts, config, { now, strict: flags.strict, factsDisplayDir: relative(config.cwd, config.factsDir) || '.' });
const issues = sortIssues([...formatIssues, ...findings]);
const reported = flags.strict ? issues.map((i) => ({ ...i, severity: 'error' as const })) : issues;
const checked = `${files} runbook file${files === 1 ? '' : 's'}`;
process.stdout.write(
  flags.format === 'json'
    ? `${formatJsonReport(reported, { runbookFiles: files })}\n`
    : `${formatCliReport(reported, { color: useColor(), site: config.site, checked })}\n`,
);
process.exitCode = hasErrors(reported) ? EXIT.failed : EXIT.ok;
