import type { Issue } from '../errors/issue.ts';
import { describeCode, docsFor } from './catalogue.ts';
import type { Reporter } from './reporter.ts';

export interface JsonReportOptions {
  /**
   * Add `title` (from the catalogue) and `docs` (the error page, when `site` is set) to each
   * issue; both are `null` when unknown. Off by default, so existing callers get the same output.
   */
  describe?: boolean;
  /** Public site URL, for `docs`. */
  site?: string;
}

/** Machine-readable report: stable field names, version for future changes. */
export function formatJsonReport(issues: readonly Issue[], extra: Record<string, unknown> = {}, options: JsonReportOptions = {}): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return JSON.stringify(
    {
      version: 1,
      summary: { errors, warnings: issues.length - errors, filesWithIssues: new Set(issues.map((i) => i.file)).size, ...extra },
      issues: issues.map((i) => ({
        code: i.code,
        severity: i.severity,
        file: i.file,
        line: i.position.type === 'source' ? i.position.line : null,
        column: i.position.type === 'source' ? i.position.column : null,
        path: i.path,
        message: i.message,
        hint: i.hint ?? null,
        ...(options.describe ? { title: describeCode(i.code)?.title ?? null, docs: docsFor(i.code, options.site) ?? null } : {}),
      })),
    },
    null,
    2,
  );
}

/**
 * `--format json`: the report above with `title` and `docs` per issue (additions within version 1)
 * and `summary.runbookFiles`.
 */
export const jsonReporter: Reporter = (issues, context) => ({
  stdout: `${formatJsonReport(issues, { runbookFiles: context.runbookCount }, { describe: true, site: context.site })}\n`,
});
