import type { Issue } from '../errors/issue.ts';

/** Machine-readable report: stable field names, version for future changes. */
export function formatJsonReport(issues: readonly Issue[], extra: Record<string, unknown> = {}): string {
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
      })),
    },
    null,
    2,
  );
}
