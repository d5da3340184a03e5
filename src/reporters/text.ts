/**
 * The terminal report, grouped by file: the file once, then each issue in line order with
 * `line:col  severity  Code`, the message, the hint, the docs page and a code frame, and a summary
 * line at the end.
 *
 * ```
 * runbooks/payments/restore-db.yaml
 *   runbooks/payments/restore-db.yaml:14:18  error  UnknownNamespace
 *     Namespace "payments-prd" in steps[2].target does not exist in cluster "eu-1".
 *     hint: Known namespaces: payments, payments-staging. Did you mean "payments"?
 *     docs: https://runbooks.example/errors/unknown-namespace/
 *       12 |   - id: scale
 *       13 |     target:
 *     > 14 |       namespace: payments-prd
 *          |                  ^
 * ```
 */
import { styleText } from 'node:util';
import { formatLocation, sortIssues, type Issue } from '../errors/issue.ts';
import { docsFor } from './catalogue.ts';
import { summaryLine } from './cli.ts';
import { formatCodeFrame } from './code-frame.ts';
import { describeChecked, readSourceSafely, type ReportContext, type Reporter } from './reporter.ts';
import { appendAll } from '../util/collections.ts';

type Style = Parameters<typeof styleText>[0];

/** The text report, for `--format text` (the default). */
export const textReporter: Reporter = (issues, context) => ({ stdout: `${formatTextReport(issues, context)}\n` });

/** The grouped report without the final newline. */
export function formatTextReport(issues: readonly Issue[], context: ReportContext): string {
  const paint = (style: Style, text: string) => (context.color ? styleText(style, text, { validateStream: false }) : text);
  const lines: string[] = [];
  for (const [file, fileIssues] of groupByFile(issues)) {
    lines.push(paint(['bold', 'underline'], file));
    const source = readSourceSafely(context, file);
    for (const issue of fileIssues) appendAll(lines, formatIssue(issue, source, context, paint)).push('');
  }
  lines.push(summaryLine(issues, describeChecked(context.runbookCount)));
  return lines.join('\n');
}

/**
 * One issue as indented lines (the location, message, hint, docs and code frame), without the
 * file. JUnit reuses it for the failure text.
 */
export function formatIssue(
  issue: Issue,
  source: string | undefined,
  context: Pick<ReportContext, 'site' | 'color'>,
  paint: (style: Style, text: string) => string = (_, text) => text,
): string[] {
  // The full file:line:col on every issue, so terminals and editors can open it with one click.
  const at = `${formatLocation(issue)}  `;
  const severity = issue.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
  const indent = (text: string) => text.replaceAll('\n', '\n    ');
  const lines = [`  ${at}${severity}  ${paint('cyan', issue.code)}`, `    ${indent(issue.message)}`];
  if (issue.hint) lines.push(`    ${paint('dim', 'hint:')} ${indent(issue.hint)}`);
  const docs = docsFor(issue.code, context.site);
  if (docs) lines.push(`    ${paint('dim', 'docs:')} ${docs}`);
  if (source !== undefined && issue.position.type === 'source') {
    const frame = formatCodeFrame(source, issue.position.line, issue.position.column, { color: context.color });
    if (frame) lines.push(...frame.split('\n').map((line) => `    ${line}`));
  }
  return lines;
}

/** Issues by file, files in path order and issues in line order. */
export function groupByFile(issues: readonly Issue[]): Map<string, Issue[]> {
  const groups = new Map<string, Issue[]>();
  for (const issue of sortIssues([...issues])) {
    const group = groups.get(issue.file);
    if (group) group.push(issue);
    else groups.set(issue.file, [issue]);
  }
  return groups;
}
