/**
 * The terminal report of `lifeboat import`: per page what it became and, line by line, what was
 * mapped, kept as prose or dropped; then the totals and the defaults to replace. `--json` prints
 * the same data for scripts.
 */
import type { DefaultedField } from '../import/import-defaults.ts';
import { totalReports, type FileReport } from '../import/import-report.ts';

/** How the report is printed. */
export interface ImportReportOptions {
  /** Output folder as shown to the reader. */
  out: string;
  dryRun: boolean;
  /** Only pages with something dropped, skipped or failed, and the totals. */
  quiet: boolean;
  /** Non-Markdown files skipped in the source folders. */
  ignored: number;
}

const KIND_WIDTH = 'dropped'.length;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatFile(report: FileReport, out: string): string[] {
  if (report.status === 'skipped') return [`${report.source}: skipped, ${report.reason}.`];
  if (report.status === 'failed' && !report.target) return [`${report.source}: failed, ${report.reason}.`];
  const layout = report.layout ? ` (${report.layout} layout)` : '';
  const failed = report.status === 'failed' ? ` — NOT WRITTEN: ${report.reason}` : '';
  const lines = [`${report.source} → ${out}/${report.target}${layout}${failed}`];
  const width = String(Math.max(1, ...report.items.map((i) => i.line))).length;
  for (const item of report.items) lines.push(`  ${String(item.line).padStart(width)}  ${item.kind.padEnd(KIND_WIDTH)}  ${item.what}`);
  if (report.defaulted.length) lines.push(`  defaults: ${report.defaulted.join(', ')}`);
  return lines;
}

/** The whole report as text. */
export function formatImportReport(reports: readonly FileReport[], options: ImportReportOptions): string {
  const shown = options.quiet ? reports.filter((r) => r.status !== 'imported' || r.items.some((i) => i.kind === 'dropped')) : reports;
  const lines = shown.flatMap((r) => [...formatFile(r, options.out), '']);
  const t = totalReports(reports);
  const verb = options.dryRun ? 'Would import' : 'Imported';
  lines.push(
    `${verb} ${t.imported} of ${plural(t.files, 'page')} into ${options.out} (${t.skipped} skipped, ${t.failed} failed${options.ignored ? `, ${plural(options.ignored, 'other file')} ignored` : ''}).`,
    `Sections: ${t.stepSections} became steps, ${t.proseSections} kept as prose. Items: ${t.mapped} mapped, ${t.prose} kept as prose, ${t.dropped} dropped.`,
  );
  const layouts = Object.entries(t.layouts).map(([layout, n]) => `${layout} ${n}`);
  if (layouts.length) lines.push(`Layouts: ${layouts.join(', ')}.`);
  const defaults = (Object.entries(t.defaults) as [DefaultedField, number][]).map(([field, n]) => `${field} ${n}`);
  if (defaults.length) {
    lines.push(`Defaults written (marked "# import default"): ${defaults.join(', ')}. Set them with --owner, --tier, --defaults FILE, or by editing the runbooks.`);
  }
  if (options.dryRun) lines.push('Dry run: nothing was written.');
  return `${lines.join('\n')}\n`;
}
