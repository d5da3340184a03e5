/**
 * GitHub Actions: one workflow command per issue on standard output, which GitHub turns into an
 * annotation on the file and line, plus a job summary table (`github-summary.ts`).
 *
 * ```
 * ::error file=runbooks/a.yaml,line=14,col=18,title=UnknownNamespace::Namespace "payments-prd" …%0AKnown namespaces: …
 * ```
 *
 * GitHub shows at most 10 error and 10 warning annotations per step; the summary lists them all.
 */
import { sortIssues } from '../errors/issue.ts';
import { summaryLine } from './cli.ts';
import { formatStepSummary } from './github-summary.ts';
import { describeChecked, type Reporter } from './reporter.ts';

/** Escapes a command's message as `@actions/core` does (`escapeData`). */
export function escapeCommandData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a command property value as `@actions/core` does (`escapeProperty`). */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** `::command key=value,…::message`, skipping undefined properties. */
export function formatWorkflowCommand(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeCommandData(message)}`;
}

/**
 * The GitHub report, for `--format github`: annotations then the summary line on standard output,
 * and the job summary markdown as `stepSummary`.
 */
export const githubReporter: Reporter = (issues, context) => {
  const commands = sortIssues([...issues]).map((issue) => {
    const position = issue.position.type === 'source' ? { line: issue.position.line, col: issue.position.column } : {};
    const message = issue.hint ? `${issue.message}\n${issue.hint}` : issue.message;
    return formatWorkflowCommand(issue.severity, { file: issue.file, ...position, title: issue.code }, message);
  });
  return {
    stdout: `${[...commands, summaryLine(issues, describeChecked(context.runbookCount))].join('\n')}\n`,
    stepSummary: formatStepSummary(issues, context),
  };
};
