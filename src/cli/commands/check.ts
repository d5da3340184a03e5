/**
 * The program behind `lifeboat check` (src/cli/start-cli.js runs `main()` bundled): validate every
 * runbook, then check it against the collected cluster facts.
 */
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import { runChecks } from '../../checks/run-checks.ts';
import { CONFIG_FLAGS, CONFIG_HELP, EXIT, exitWithUsage, loadConfigOrExit, parseFlags, useColor } from '../cli-kit.ts';
import { hasErrors, sortIssues } from '../../errors/issue.ts';
import { loadProject } from '../../load/load-project.ts';
import { formats, isReportFormat, REPORT_FORMATS } from '../../reporters/formats.ts';
import { createSourceReader, githubLinkContext } from '../../reporters/report-context.ts';

const USAGE = `Usage: lifeboat check [--runbooks DIR] [--facts DIR] [--format ${REPORT_FORMATS.join('|')}] [--strict] [--no-facts]

Validates every runbook (YAML syntax, schema, MDX, ids, gotos, decision trees, cluster roles,
placeholders), then checks it against the collected cluster facts: every required resource
exists, backups meet the RPO, drills fit the RTO, reviews are recent, DR matches primary.
Prints every problem with file:line:col, a code and a hint.
Exit codes: 0 no errors, 1 errors or findings at error level (or any warning with --strict),
2 usage or configuration error.

  --format FORMAT   text (default), json, junit (JUnit XML), sarif (SARIF 2.1.0) or github
                    (GitHub Actions annotations; also appends a summary to $GITHUB_STEP_SUMMARY)
  --strict          treat warnings as errors, including references that cannot be checked
                    because facts are missing or unreadable ("unknown")
  --no-facts        check the runbooks' form only (no readiness checks against facts)
  --show-private    show the source lines of private runbooks in reports too (code frames);
                    by default their problems are reported without them, for public CI logs

Set LIFEBOAT_NOW (ISO time) to judge drill and review ages at a fixed moment.

${CONFIG_HELP}`;

export async function main(): Promise<void> {
  const flags = parseFlags(
    { ...CONFIG_FLAGS, format: { type: 'string', default: 'text' }, strict: { type: 'boolean' }, 'no-facts': { type: 'boolean' }, 'show-private': { type: 'boolean' } },
    USAGE,
  );
  if (!isReportFormat(flags.format)) {
    exitWithUsage(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${flags.format}".`, USAGE);
  }
  const config = loadConfigOrExit(flags);
  const now = process.env.LIFEBOAT_NOW ? new Date(process.env.LIFEBOAT_NOW) : new Date();
  const { runbooks, issues: formatIssues, files, fileList, facts, sources, drills } = await loadProject(config, { now });
  const findings = flags['no-facts']
    ? []
    : runChecks(runbooks, facts, config, { now, strict: flags.strict, factsDisplayDir: relative(config.cwd, config.factsDir) || '.', records: drills.byRunbook });
  const issues = sortIssues([...formatIssues, ...drills.issues, ...findings]);
  const reported = flags.strict ? issues.map((i) => ({ ...i, severity: 'error' as const })) : issues;

  // A private runbook's problems are reported like any other, but CI logs may be public: its
  // source lines (commands, hosts) are left out of code frames unless asked for.
  const privateFiles = new Set(runbooks.filter((r) => r.access).map((r) => r.file));
  const readSource = createSourceReader(config.cwd, sources);
  const output = formats[flags.format](reported, {
    toolVersion: packageJson.version,
    runbookCount: files,
    files: fileList,
    ...(config.site ? { site: config.site } : {}),
    readSource: flags['show-private'] ? readSource : (file) => (privateFiles.has(file) ? undefined : readSource(file)),
    color: useColor(),
    ...githubLinkContext(process.env),
  });
  process.stdout.write(output.stdout);
  if (output.stepSummary && process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, output.stepSummary);
  process.exitCode = hasErrors(reported) ? EXIT.failed : EXIT.ok;
}
