/**
 * JUnit XML in the flavour Jenkins and GitLab read: one `<testsuite>` per checked file, one
 * `<testcase>` per issue, and one passing `<testcase name="no problems">` per clean file, so the
 * totals count files as well as findings.
 *
 * - Errors are `<failure message type>`: message = the issue message, type = the code, and the
 *   content is the same block the terminal shows (location, message, hint, docs, code frame).
 * - Warnings are `<skipped message>` with that block as content. JUnit has no warning state: a
 *   failure would turn the build red (Jenkins: unstable) although warnings never block, and
 *   `<system-out>` is hidden in most UIs. Skipped keeps warnings visible and counted (GitLab and
 *   Jenkins list them as skipped) without failing anything; `--strict` turns them into failures.
 * - `errors` is always 0: in JUnit it means the test itself crashed, which a finding is not.
 */
import type { Issue } from '../errors/issue.ts';
import { readSourceSafely, reportedFiles, type ReportContext, type Reporter } from './reporter.ts';
import { formatIssue, groupByFile } from './text.ts';
import { escapeXmlText, xmlTag } from './xml.ts';

/** The JUnit report, for `--format junit`. */
export const junitReporter: Reporter = (issues, context) => ({ stdout: `${formatJunitReport(issues, context)}\n` });

export function formatJunitReport(issues: readonly Issue[], context: ReportContext): string {
  const groups = groupByFile(issues);
  const suites: string[] = [];
  const totals = { tests: 0, failures: 0, skipped: 0 };
  for (const file of reportedFiles(issues, context)) {
    const fileIssues = groups.get(file) ?? [];
    const failures = fileIssues.filter((i) => i.severity === 'error').length;
    const counts = { tests: Math.max(1, fileIssues.length), failures, errors: 0, skipped: fileIssues.length - failures };
    const source = fileIssues.length ? readSourceSafely(context, file) : undefined;
    const cases = fileIssues.length
      ? fileIssues.map((issue) => formatTestCase(issue, source, context))
      : [`    ${xmlTag('testcase', { classname: file, name: 'no problems', file }, true)}`];
    suites.push(`  ${xmlTag('testsuite', { name: file, ...counts })}`, ...cases, '  </testsuite>');
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.skipped += counts.skipped;
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    xmlTag('testsuites', { name: 'Lifeboat', tests: totals.tests, failures: totals.failures, errors: 0, skipped: totals.skipped }),
    ...suites,
    '</testsuites>',
  ].join('\n');
}

function formatTestCase(issue: Issue, source: string | undefined, context: ReportContext): string {
  const line = issue.position.type === 'source' ? issue.position.line : undefined;
  const at = issue.position.type === 'source' ? ` at ${issue.position.line}:${issue.position.column}` : '';
  const testcase = xmlTag('testcase', { classname: issue.file, name: `${issue.code}${at}`, file: issue.file, line });
  // The terminal's block for this issue, without colours, under its file name.
  const text = escapeXmlText([issue.file, ...formatIssue(issue, source, { site: context.site })].join('\n'));
  const result =
    issue.severity === 'error'
      ? `${xmlTag('failure', { message: issue.message, type: issue.code })}${text}</failure>`
      : `${xmlTag('skipped', { message: issue.message })}${text}</skipped>`;
  return `    ${testcase}\n      ${result}\n    </testcase>`;
}
