import type { BodyStep, Runbook } from '../load/runbook-model.ts';
import type { RunbookData } from '../schema/runbook.ts';

/** What the `runbooks` collection stores per entry: the serialisable part of the runbook model. */
export interface RunbookEntry {
  runbook: RunbookData;
  file: string;
  format: 'yaml' | 'mdx';
  bodySteps: BodyStep[];
  bodyDecisions: string[];
  /** Present when the runbook is private: its opaque address and who may read it. */
  access?: { slug: string; audiences: string[] };
}

/** What every page shows of a private runbook in place of its title: nothing of it. */
export const LOCKED_TITLE = 'Private runbook';

/** Where a runbook's page is: its id, or a private runbook's opaque slug. */
export const pageSlug = (entry: Pick<RunbookEntry, 'runbook' | 'access'>) => entry.access?.slug ?? entry.runbook.id;

/** The collection entry of a loaded runbook. */
export function toRunbookEntry(runbook: Runbook): RunbookEntry {
  return {
    runbook: runbook.data,
    file: runbook.file,
    format: runbook.format,
    bodySteps: runbook.bodySteps,
    bodyDecisions: runbook.bodyDecisions.map((d) => d.id),
    ...(runbook.access ? { access: runbook.access } : {}),
  };
}

/**
 * Every runbook by id with what cross-runbook links need (ViewContext.index). A private runbook
 * is linked by its slug and named "Private runbook": a public page that links to it must not
 * spell its title.
 */
export function runbookIndex(entries: readonly RunbookEntry[]): Map<string, { title: string; slug: string; locked: boolean; decisionIds: Set<string> }> {
  return new Map(
    entries.map((entry) => [
      entry.runbook.id,
      { title: entry.access ? LOCKED_TITLE : entry.runbook.title, slug: pageSlug(entry), locked: Boolean(entry.access), decisionIds: new Set((entry.runbook.decisions ?? []).map((d) => d.id)) },
    ]),
  );
}
