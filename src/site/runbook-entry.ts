import type { BodyStep } from '../load/runbook-model.ts';
import type { RunbookData } from '../schema/runbook.ts';

/** What the `runbooks` collection stores per entry: the serialisable part of the runbook model. */
export interface RunbookEntry {
  runbook: RunbookData;
  file: string;
  format: 'yaml' | 'mdx';
  bodySteps: BodyStep[];
  bodyDecisions: string[];
}
