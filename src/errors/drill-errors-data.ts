/**
 * Problems of drill records (`drills/<runbook>/<date>-<kind>.yaml`, filed by `lifeboat drill add`):
 * a record the gate cannot trust is an error with its position and a hint, never a drill that
 * silently counts. Same shape as `errors-data.ts`; a record's form (YAML, fields, types) uses the
 * format codes (YamlSyntax, MissingField, InvalidType…) like a runbook's.
 */
import type { ErrorData } from './errors-data.ts';

const EXAMPLE = `version: 1
runbook: velero-restore-namespace
kind: game-day
who: [Ana]
startedAt: 2026-11-28T09:00:00Z
endedAt: 2026-11-28T09:41:00Z
result: pass
steps:
  - { id: check-bsl, start: 2026-11-28T09:00:10Z, end: 2026-11-28T09:03:00Z, outcome: done }`;

export const drillErrorsData = {
  DrillRunbookUnknown: {
    title: 'Drill record of an unknown runbook',
    severity: 'error',
    message: (p: { runbook: string; expected?: string }) =>
      p.expected
        ? `This drill record is of runbook "${p.runbook}" but sits in drills/${p.expected}/, the folder of another runbook.`
        : `This drill record is of runbook "${p.runbook}", which no runbook in this project has as its id.`,
    hint: (p: { runbook: string; suggestion?: string; expected?: string }) =>
      p.expected
        ? `Move it to drills/${p.runbook}/ if \`runbook:\` is right, or correct \`runbook:\`: a record belongs in the folder of its own runbook.`
        : p.suggestion
          ? `Did you mean "${p.suggestion}"? Correct \`runbook:\`, or remove the record if the runbook was deleted.`
          : 'Correct `runbook:`, or remove the record if the runbook was deleted.',
    description: 'A drill record names the runbook it measured. A record for a runbook that does not exist, or filed under another runbook\'s folder, would count for the wrong procedure.',
    example: EXAMPLE.replace('velero-restore-namespace', 'velero-restore-namepsace'),
    fix: 'Correct the runbook id, or file the record under drills/<its runbook>/.',
  },
  DrillStepUnknown: {
    title: 'Drill record names a step the runbook does not have',
    severity: 'error',
    message: (p: { step: string; runbook: string }) => `Step "${p.step}" is not a step of runbook "${p.runbook}" as it stands now.`,
    hint: (p: { suggestion?: string; steps: string }) =>
      `${p.suggestion ? `Did you mean "${p.suggestion}"? ` : ''}Its steps are: ${p.steps}. A step renamed since the drill needs the record corrected by hand.`,
    description: 'Per-step times are compared with each step\'s estimate. A step id the runbook no longer has (renamed or removed since the drill) cannot be compared and is refused.',
    example: EXAMPLE.replace('id: check-bsl', 'id: check-backup-location-old'),
    fix: 'Use the step\'s current id, or remove the step from the record.',
  },
  DrillTimesInvalid: {
    title: 'Drill record times out of order',
    severity: 'error',
    message: (p: { detail: string }) => `This drill record's times cannot be right: ${p.detail}.`,
    hint: (p: { hint?: string }) => p.hint ?? 'Times are ISO 8601 with a zone, e.g. 2026-11-28T09:14:03Z; each end comes after its start, within the drill.',
    description: 'A drill measures time. A step that ends before it starts, a drill that lasts zero seconds or less, or a record from the future would give the gate a measurement that was never taken.',
    example: EXAMPLE.replace('endedAt: 2026-11-28T09:41:00Z', 'endedAt: 2026-11-28T08:41:00Z'),
    fix: 'Correct the times (the record the page downloads is always in order: a record edited by hand is the usual cause).',
  },
  DrillDuplicate: {
    title: 'Drill record already filed',
    severity: 'error',
    message: (p: { other: string }) => `The same drill (same runbook, kind and start) is already filed as ${p.other}.`,
    hint: () => 'Nothing to do if it is the same drill. Two drills never start at the same second: check the record\'s startedAt.',
    description: 'Each drill counts once. Filing the same record twice (or a copy under another name) would count it twice.',
    example: EXAMPLE,
    fix: 'Remove the copy.',
  },
} as const satisfies Record<string, ErrorData<never>>;
