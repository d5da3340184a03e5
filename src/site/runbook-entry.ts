import type { BodyStep, Runbook } from '../load/runbook-model.ts';
import type { RunbookData } from '../schema/runbook.ts';

/** What the `runbooks` collection stores per entry: the serialisable part of the runbook model. */
export interface RunbookEntry {
  runbook: RunbookData;
  file: string;
  format: 'yaml' | 'mdx';
  bodySteps: BodyStep[];
  bodyDecisions: string[];
}

/** The collection entry of a loaded runbook. */
export function toRunbookEntry(runbook: Runbook): RunbookEntry {
  return {
    runbook: runbook.data,
    file: runbook.file,
    format: runbook.format,
    bodySteps: runbook.bodySteps,
    bodyDecisions: runbook.bodyDecisions.map((d) => d.id),
  };
}

/** Every runbook by id with what cross-runbook links need (ViewContext.index). */
export function runbookIndex(entries: readonly RunbookEntry[]): Map<string, { title: string; decisionIds: Set<string> }> {
  return new Map(entries.map(({ runbook }) => [runbook.id, { title: runbook.title, decisionIds: new Set((runbook.decisions ?? []).map((d) => d.id)) }]));
}
