/**
 * A drill record against the project as it stands: its runbook exists (and owns the folder the
 * record is filed in), every step it names is a step of that runbook, its times are in order and
 * not in the future, and it is not already filed. Each problem is an issue at its position.
 */
import { createIssue } from '../errors/create-issue.ts';
import { didYouMean } from '../errors/did-you-mean.ts';
import type { Issue } from '../errors/issue.ts';
import { allSteps, type Runbook } from '../load/runbook-model.ts';
import type { YamlSource } from '../load/yaml-source.ts';
import type { DrillRecord } from './record-schema.ts';

export interface FiledRecord {
  /** As reports print it (relative, forward slashes). */
  file: string;
  record: DrillRecord;
  source: YamlSource;
}

export interface RecordContext {
  /** Runbooks by id (what a step list needs of them). */
  runbooks: ReadonlyMap<string, Pick<Runbook, 'data' | 'bodySteps'>>;
  now: Date;
  /** Records filed before this one: a drill already among them is a duplicate. */
  filed: readonly FiledRecord[];
  /** The runbook whose folder the record sits in, when it is filed. */
  folder?: string;
}

/** A clock a few minutes fast on the laptop that ran the drill is not a record from the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

export function checkDrillRecord(filed: FiledRecord, ctx: RecordContext): Issue[] {
  const { file, record, source } = filed;
  const issues: Issue[] = [];
  const site = (path: (string | number)[]) => ({ file, path, position: source.locate(path) });
  const runbook = ctx.runbooks.get(record.runbook);
  if (!runbook) {
    issues.push(createIssue('DrillRunbookUnknown', site(['runbook']), { runbook: record.runbook, suggestion: didYouMean(record.runbook, ctx.runbooks.keys()) }));
  } else if (ctx.folder !== undefined && ctx.folder !== record.runbook) {
    issues.push(createIssue('DrillRunbookUnknown', site(['runbook']), { runbook: record.runbook, expected: ctx.folder }));
  }
  if (runbook) {
    const ids = allSteps(runbook).map((ref) => ref.step.id);
    const known = new Set(ids);
    record.steps.forEach((step, i) => {
      if (known.has(step.id)) return;
      issues.push(createIssue('DrillStepUnknown', site(['steps', i, 'id']), { step: step.id, runbook: runbook.data.id, suggestion: didYouMean(step.id, ids), steps: ids.join(', ') }));
    });
  }
  issues.push(...timeIssues(record, ctx.now, site));
  const twin = ctx.filed.find((other) => other.record.runbook === record.runbook && other.record.kind === record.kind && Date.parse(other.record.startedAt) === Date.parse(record.startedAt));
  if (twin) issues.push(createIssue('DrillDuplicate', site(['startedAt']), { other: twin.file }));
  return issues;
}

type Site = (path: (string | number)[]) => { file: string; path: (string | number)[] };

function timeIssues(record: DrillRecord, now: Date, site: Site): Issue[] {
  const issues: Issue[] = [];
  const bad = (path: (string | number)[], detail: string, hint?: string) => issues.push(createIssue('DrillTimesInvalid', site(path), { detail, ...(hint ? { hint } : {}) }));
  const started = Date.parse(record.startedAt);
  const ended = Date.parse(record.endedAt);
  if (ended <= started) bad(['endedAt'], `it ends (${record.endedAt}) ${ended === started ? 'when' : 'before'} it starts (${record.startedAt}), so it measured no time`);
  if (ended > now.getTime() + CLOCK_SKEW_MS) {
    bad(['endedAt'], `it ends at ${record.endedAt}, in the future (it is now ${now.toISOString().replace(/\.\d+Z$/, 'Z')})`, 'A record is filed after its drill. Check the clock of the machine that ran it, and the time zone in the times.');
  }
  record.steps.forEach((step, i) => {
    const end = Date.parse(step.end);
    if (step.start === undefined) {
      if (step.outcome !== 'skipped') bad(['steps', i], `step "${step.id}" is ${step.outcome} but has no start time`, 'Only a skipped step may leave out `start` (finishing it implies the start).');
    } else if (end <= Date.parse(step.start)) {
      bad(['steps', i, 'end'], `step "${step.id}" ends (${step.end}) ${end === Date.parse(step.start) ? 'when' : 'before'} it starts (${step.start})`);
    }
    const first = step.start === undefined ? end : Date.parse(step.start);
    if (ended > started && (first < started || end > ended)) bad(['steps', i], `step "${step.id}" (${step.start ?? step.end} to ${step.end}) lies outside the drill (${record.startedAt} to ${record.endedAt})`);
  });
  return issues;
}

/** The record's measured duration, in seconds. */
export const recordSeconds = (record: DrillRecord) => Math.round((Date.parse(record.endedAt) - Date.parse(record.startedAt)) / 1000);
