/**
 * The GitHub Actions job summary: a verdict, the counts, and a table of every issue whose
 * location links to the file at the checked commit (`blob/<sha>/file#L14`).
 */
import { sortIssues, type Issue } from '../errors/issue.ts';
import { docsFor } from './catalogue.ts';
import { summaryLine } from './cli.ts';
import { countIssues, describeChecked, fileUri, type ReportContext } from './reporter.ts';

/**
 * Rows shown at most. GitHub rejects a summary over 1 MiB, and past a few hundred rows a table
 * stops being read anyway.
 */
export const MAX_SUMMARY_ROWS = 500;

export function formatStepSummary(issues: readonly Issue[], context: ReportContext): string {
  const { errors, warnings } = countIssues(issues);
  const verdict = errors ? 'Lifeboat check failed' : warnings ? 'Lifeboat check passed with warnings' : 'Lifeboat check passed';
  const lines = [`## ${verdict}`, '', summaryLine(issues, describeChecked(context.runbookCount)), ''];
  if (!issues.length) return lines.join('\n');
  lines.push('| Location | Severity | Code | Message |', '| --- | --- | --- | --- |');
  const sorted = sortIssues([...issues]);
  for (const issue of sorted.slice(0, MAX_SUMMARY_ROWS)) {
    const docs = docsFor(issue.code, context.site);
    const code = docs ? `[\`${issue.code}\`](${markdownUrl(docs)})` : `\`${issue.code}\``;
    const message = escapeMarkdownCell(issue.message) + (issue.hint ? `<br>${escapeMarkdownCell(issue.hint)}` : '');
    lines.push(`| ${formatLocationLink(issue, context)} | ${issue.severity} | ${code} | ${message} |`);
  }
  if (sorted.length > MAX_SUMMARY_ROWS) {
    lines.push('', `${sorted.length - MAX_SUMMARY_ROWS} more not shown; run \`lifeboat check\` for the full report.`);
  }
  return `${lines.join('\n')}\n`;
}

/** `file:line`, linked to the file at the commit when the repository and commit are known. */
function formatLocationLink(issue: Issue, context: Pick<ReportContext, 'repositoryUrl' | 'commitSha'>): string {
  const line = issue.position.type === 'source' ? issue.position.line : undefined;
  const text = escapeMarkdown(line ? `${issue.file}:${line}` : issue.file);
  if (!context.repositoryUrl || !context.commitSha) return text;
  const repository = context.repositoryUrl.replace(/\/+$/, '').replace(/\.git$/, '');
  const url = `${repository}/blob/${encodeURIComponent(context.commitSha)}/${fileUri(issue.file)}${line ? `#L${line}` : ''}`;
  return `[${text}](${markdownUrl(url)})`;
}

/** Parentheses would end a Markdown link destination early. */
const markdownUrl = (url: string) => url.replaceAll('(', '%28').replaceAll(')', '%29');

/**
 * Backslash-escapes what GitHub Markdown would interpret: emphasis, links, HTML tags, table pipes,
 * and `@mentions` and `#123` references, which would notify people or link issues.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&@#]/g, '\\$&').replace(/\r?\n/g, '<br>');
}

/**
 * Escapes a table cell but keeps `code spans`, which messages use for values and fixes. Inside a
 * code span only the pipe needs escaping (GitHub splits cells before it parses code).
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 ? part.replaceAll('|', '\\|') : escapeMarkdown(part)))
    .join('');
}
