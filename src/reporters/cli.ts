/**
 * The terminal report: one block per issue, location first so terminals and editors link it,
 * then the message, the hint and the docs page, and a one-line summary at the end.
 */
import { styleText } from 'node:util';
import { formatLocation, type Issue } from '../errors/issue.ts';
import { docsUrl } from './docs-url.ts';

export interface CliReportOptions {
  /** Colour output (default: off; scripts turn it on for a TTY without NO_COLOR). */
  color?: boolean;
  /** Public site URL, for links to the error pages. */
  site?: string;
  /** What was checked, for the summary line ("12 runbooks"). */
  checked?: string;
}

export function formatCliReport(issues: readonly Issue[], options: CliReportOptions = {}): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) =>
    options.color ? styleText(style, text, { validateStream: false }) : text;
  const lines: string[] = [];
  for (const issue of issues) {
    const severity = issue.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
    lines.push(`${paint('bold', formatLocation(issue))}  ${severity}  ${paint('cyan', issue.code)}`);
    lines.push(`  ${issue.message}`);
    if (issue.hint) lines.push(`  ${paint('dim', 'hint:')} ${issue.hint}`);
    if (options.site) lines.push(`  ${paint('dim', 'docs:')} ${docsUrl(options.site, issue.code)}`);
    lines.push('');
  }
  lines.push(summaryLine(issues, options.checked));
  return lines.join('\n');
}

export function summaryLine(issues: readonly Issue[], checked?: string): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const files = new Set(issues.map((i) => i.file)).size;
  const scope = checked ? ` (${checked} checked)` : '';
  if (issues.length === 0) return `No problems found${scope}.`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}${scope}.`;
}
