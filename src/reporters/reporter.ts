/**
 * The one interface every output format implements, so `lifeboat check --format X` only picks a
 * function from `formats` and writes what it returns. Reporters are pure: they never print, read
 * the environment or exit; whatever they need arrives in the `ReportContext`.
 */
import type { Issue } from '../errors/issue.ts';
import { compareText } from '../util/compare-text.ts';

/** What a reporter knows besides the issues. Only `toolVersion` and `runbookCount` are required. */
export interface ReportContext {
  /** Lifeboat's version, e.g. `"0.1.0"` (SARIF `tool.driver.version`). */
  toolVersion: string;
  /** Number of runbook files checked, for the summary line ("12 runbook files checked"). */
  runbookCount: number;
  /**
   * Every file checked, relative to the working directory with forward slashes. JUnit writes a
   * passing test case for each one without issues; without it, only files with issues appear.
   */
  files?: readonly string[];
  /** Public site URL, for links to the error pages, e.g. `"https://runbooks.example.com"`. */
  site?: string;
  /** Commit the files were checked at, for links such as `blob/<sha>/file#L14`. */
  commitSha?: string;
  /** Repository web URL, e.g. `"https://github.com/acme/runbooks"`. Links need it and `commitSha`. */
  repositoryUrl?: string;
  /** Text of a reported file, or `undefined` when it cannot be read (no code frame then). */
  readSource?: (file: string) => string | undefined;
  /** ANSI colours in the text report (the edge decides: a TTY without NO_COLOR). */
  color?: boolean;
}

/** What a reporter returns; the edge writes it. */
export interface ReportOutput {
  /** Everything for standard output, ending with a newline. */
  stdout: string;
  /**
   * Markdown for the GitHub Actions job summary. `lifeboat check` (src/cli/commands/check.ts) appends it to the file named
   * by `$GITHUB_STEP_SUMMARY` when that variable is set.
   */
  stepSummary?: string;
}

/** Turns issues into one output format. */
export type Reporter = (issues: readonly Issue[], context: ReportContext) => ReportOutput;

/** Error, warning and file counts, the same in every format. */
export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number; files: number } {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { errors, warnings: issues.length - errors, files: new Set(issues.map((i) => i.file)).size };
}

/** "1 runbook file" / "12 runbook files", as the summary lines say it. */
export function describeChecked(runbookCount: number): string {
  return `${runbookCount} runbook file${runbookCount === 1 ? '' : 's'}`;
}

/** Files in report order: every checked file and every file with an issue, sorted. */
export function reportedFiles(issues: readonly Issue[], context: Pick<ReportContext, 'files'>): string[] {
  return [...new Set([...(context.files ?? []), ...issues.map((i) => i.file)])].sort(compareText);
}

/** Reads a file through the context, treating a throwing reader like an unreadable file. */
export function readSourceSafely(context: Pick<ReportContext, 'readSource'>, file: string): string | undefined {
  try {
    return context.readSource?.(file);
  } catch {
    return undefined;
  }
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
export function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
