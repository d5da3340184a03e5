/**
 * `lifeboat drill add FILE…`: files drill records (downloaded from the page's drill mode or
 * incident mode) as drills/<runbook-id>/<date>-<kind>.yaml after checking each against its
 * runbook as it stands. All or nothing: one bad record and no file is written.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkDrillRecord, recordSeconds, type FiledRecord } from '../../drills/check-record.ts';
import { readDrillRecord } from '../../drills/load-records.ts';
import { KIND_NAMES } from '../../drills/measured.ts';
import { recordFileName } from '../../drills/record-file.ts';
import { sortIssues, type Issue } from '../../errors/issue.ts';
import { loadProject } from '../../load/load-project.ts';
import { formatCliReport } from '../../reporters/cli.ts';
import { formatDuration } from '../../schema/primitives.ts';
import { CONFIG_FLAGS, CONFIG_HELP, EXIT, exitWithUsage, loadConfigOrExit, parseCommandLine, useColor } from '../cli-kit.ts';

const USAGE = `Usage: lifeboat drill add FILE… [--dry-run]

Files drill records (the YAML the page's drill mode or incident mode downloads) under the drills
folder as drills/<runbook-id>/<date>-<kind>.yaml, one file per drill. Each record is checked
against its runbook as it stands first: the runbook exists, every step it names is one of its
steps, times are in order and not in the future, and the drill is not filed already. One bad
record and nothing is written. \`lifeboat check\` then measures the RTO and step estimates from
the records.
Exit codes: 0 filed, 1 a record has a problem (nothing written), 2 usage error or a FILE that does
not exist.

  --dry-run         check the records and say where they would go; write nothing

Set LIFEBOAT_NOW (ISO time) to judge "in the future" at a fixed moment.

${CONFIG_HELP}`;

const { values: flags, positionals } = parseCommandLine({ ...CONFIG_FLAGS, 'dry-run': { type: 'boolean' } }, USAGE, process.argv.slice(2), true);
const [action, ...files] = positionals;
if (action !== 'add') exitWithUsage(action ? `"${action}" is not a drill action: the one there is, is "add".` : 'Say what to do: lifeboat drill add FILE…', USAGE);
if (files.length === 0) exitWithUsage('Name at least one drill record to add.', USAGE);
for (const file of files) if (!existsSync(file)) exitWithUsage(`"${file}" does not exist.`, USAGE);

const config = loadConfigOrExit(flags);
const now = process.env.LIFEBOAT_NOW ? new Date(process.env.LIFEBOAT_NOW) : new Date();
const project = await loadProject(config, { now });
const display = (path: string) => relative(config.cwd, path).split(sep).join('/');
const given = new Set(files.map((f) => display(resolve(f))));
// A record given again from inside the drills folder is checked as new, not as its own twin.
const filed: FiledRecord[] = [...project.drills.byRunbook.values()].flat().filter((r) => !given.has(r.file));
const runbooks = new Map(project.runbooks.map((r) => [r.data.id, r]));
const issues: Issue[] = [];
const planned: { from: string; to: string; record: FiledRecord['record'] }[] = [];
const taken = new Set<string>();
for (const file of files) {
  const read = readDrillRecord(resolve(file), display(resolve(file)));
  issues.push(...read.issues);
  if (!read.filed) continue;
  const problems = checkDrillRecord(read.filed, { runbooks, now, filed });
  issues.push(...problems);
  if (problems.length) continue;
  filed.push(read.filed);
  const to = recordFileName(config.drillsDir, read.filed.record, (path) => taken.has(path) || existsSync(path));
  taken.add(to);
  planned.push({ from: resolve(file), to, record: read.filed.record });
}

if (issues.length) {
  process.stderr.write(`${formatCliReport(sortIssues(issues), { color: useColor(process.stderr), checked: `${files.length} drill record${files.length === 1 ? '' : 's'}` })}\n`);
  process.stderr.write('Nothing was filed: fix the records above and add them again.\n');
  process.exit(EXIT.failed);
}
for (const { from, to, record } of planned) {
  if (!flags['dry-run']) {
    mkdirSync(dirname(to), { recursive: true });
    const temporary = join(dirname(to), `.${process.pid}.tmp`);
    writeFileSync(temporary, readFileSync(from));
    renameSync(temporary, to);
  }
  const what = `${runbooks.get(record.runbook)?.data.title ?? record.runbook}: ${KIND_NAMES[record.kind]}, ${formatDuration(recordSeconds(record))}, ${record.result}`;
  process.stdout.write(`${flags['dry-run'] ? 'Would file' : 'Filed'} ${display(to)} (${what})\n`);
}
process.exitCode = EXIT.ok;
