import { errorsData, type ErrorCode } from './errors-data.ts';
import { compareText } from '../util/compare-text.ts';

/** Where in a file a problem sits. Lines and columns are 1-based, as editors show them. */
export type Position = { type: 'source'; line: number; column: number } | { type: 'unavailable' };

/** `error` stops `check` and `build`; `warning` is reported and never blocks. */
export type Severity = 'error' | 'warning';

/**
 * One problem, as data. Everything in `src/` returns these; only the reporters at the edge print
 * them, so every output format (terminal, JSON, CI annotations) says the same thing.
 */
export interface Issue {
  /** Stable catalogue name, e.g. `UnknownKey`. Never renamed: people search for it. */
  code: ErrorCode;
  severity: Severity;
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** Path inside the document, e.g. `['steps', 2, 'commands', 0, 'run']`. */
  path: (string | number)[];
  position: Position;
  /** What is wrong and why, from the author's side. No location, no "Error:" prefix. */
  message: string;
  /** What to do, with the exact fix when it is known. */
  hint?: string;
  /** For findings about one cluster: its name (dashboards count per cluster). */
  cluster?: string;
}

export const noPosition: Position = { type: 'unavailable' };

/** Builds a source position, clamping to 1 so a zero offset never prints as `:0:0`. */
export function at(line: number, column: number): Position {
  return { type: 'source', line: Math.max(1, line), column: Math.max(1, column) };
}

/** Formats `file:line:col` (or just `file`) the way editors and CI annotations link it. */
export function formatLocation(issue: Pick<Issue, 'file' | 'position'>): string {
  return issue.position.type === 'source'
    ? `${issue.file}:${issue.position.line}:${issue.position.column}`
    : issue.file;
}

/** Renders an issue path as authors write it: `steps[2].commands[0].run`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/** Sorts issues by file, then line, then column, so reports read top to bottom. */
export function sortIssues(issues: Issue[]): Issue[] {
  const line = (i: Issue) => (i.position.type === 'source' ? i.position.line : 0);
  const col = (i: Issue) => (i.position.type === 'source' ? i.position.column : 0);
  return [...issues].sort(
    (a, b) => compareText(a.file, b.file) || line(a) - line(b) || col(a) - col(b) || compareText(a.code, b.code),
  );
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/**
 * Problems that stop `lifeboat build`: format errors in runbooks. Findings about the world and
 * facts problems (an unreadable snapshot) never do — the site is needed most when the world is broken.
 */
export function blocksBuild(issue: Issue): boolean {
  const data = errorsData[issue.code] as { finding?: true; neverBlocksBuild?: true } | undefined;
  return issue.severity === 'error' && !data?.finding && !data?.neverBlocksBuild;
}
