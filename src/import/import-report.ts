/**
 * What an import did, per source page and in total: which layout it recognised, what was mapped
 * onto the runbook model, what was kept as prose, what was dropped (each with its source line),
 * and which required fields fell back to defaults. Reporters print it; tests read it.
 */
import type { DefaultedField } from './import-defaults.ts';
import { normalizeHeading } from './section-roles.ts';

/** What happened to one piece of a page: became part of the runbook, stayed prose, or was dropped. */
export type ItemKind = 'mapped' | 'prose' | 'dropped';

/** One line of a page report: the source line, what happened and to what. */
export interface ReportItem {
  line: number;
  kind: ItemKind;
  what: string;
}

/** The common layouts of runbook pages, recognised by their section names. */
export type Layout = 'alert' | 'symptoms' | 'sop' | 'procedure' | 'free-form';

/** What happened to one source page. */
export interface FileReport {
  /** The source page as given (relative to the working directory). */
  source: string;
  status: 'imported' | 'skipped' | 'failed';
  /** Why a page was skipped or failed. */
  reason?: string;
  /** The runbook file written (or that would be, with `--dry-run`). */
  target?: string;
  id?: string;
  layout?: Layout;
  defaulted: DefaultedField[];
  items: ReportItem[];
  /** Sections (headings, and the text before the first one) that became steps, or stayed prose. */
  sections: { steps: number; prose: number };
}

const LAYOUT_SECTIONS: [Layout, string[]][] = [
  ['alert', ['meaning', 'impact', 'diagnosis', 'mitigation']],
  ['symptoms', ['symptoms', 'causes', 'resolution']],
  ['sop', ['description', 'actions']],
];

/** The layout a page's headings follow: at least two of a layout's section names, or a procedure. */
export function detectLayout(headings: readonly string[]): Layout {
  const names = new Set(headings.map(normalizeHeading));
  for (const [layout, sections] of LAYOUT_SECTIONS) {
    if (sections.filter((s) => names.has(s)).length >= 2) return layout;
  }
  return [...names].some((n) => /\b(procedure|steps?|rollback|preflight|prerequisites)\b/.test(n)) ? 'procedure' : 'free-form';
}

/** The totals of a run, printed under the per-page report. */
export interface ImportTotals {
  files: number;
  imported: number;
  skipped: number;
  failed: number;
  /** Sections that became steps and sections kept as prose. */
  stepSections: number;
  proseSections: number;
  mapped: number;
  prose: number;
  dropped: number;
  layouts: Partial<Record<Layout, number>>;
  defaults: Partial<Record<DefaultedField, number>>;
}

/** Adds up a run's reports. */
export function totalReports(reports: readonly FileReport[]): ImportTotals {
  const totals: ImportTotals = { files: reports.length, imported: 0, skipped: 0, failed: 0, stepSections: 0, proseSections: 0, mapped: 0, prose: 0, dropped: 0, layouts: {}, defaults: {} };
  for (const report of reports) {
    totals[report.status]++;
    totals.stepSections += report.sections.steps;
    totals.proseSections += report.sections.prose;
    for (const item of report.items) totals[item.kind]++;
    if (report.layout && report.status === 'imported') totals.layouts[report.layout] = (totals.layouts[report.layout] ?? 0) + 1;
    for (const field of report.defaulted) totals.defaults[field] = (totals.defaults[field] ?? 0) + 1;
  }
  return totals;
}
