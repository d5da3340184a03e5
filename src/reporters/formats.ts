/**
 * Every `--format` of `lifeboat check`, behind the one `Reporter` interface. The edge picks one
 * by name, writes `stdout`, and appends `stepSummary` to `$GITHUB_STEP_SUMMARY` when it is set.
 */
import { githubReporter } from './github-actions.ts';
import { jsonReporter } from './json.ts';
import { junitReporter } from './junit.ts';
import type { Reporter } from './reporter.ts';
import { sarifReporter } from './sarif.ts';
import { textReporter } from './text.ts';

/** Names accepted by `--format`. */
export type ReportFormat = 'text' | 'json' | 'junit' | 'sarif' | 'github';

export const formats: Record<ReportFormat, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  junit: junitReporter,
  sarif: sarifReporter,
  github: githubReporter,
};

/** The format names, for usage text and error messages: `text|json|junit|sarif|github`. */
export const REPORT_FORMATS = Object.keys(formats) as ReportFormat[];

export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(formats, name);
}
