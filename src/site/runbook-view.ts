/**
 * Turns the runbook model into what the page (and later the binder and offline edition) shows:
 * numbered sections and steps, filled-in commands, resolved clusters and gotos. Pure data, so
 * every rendering reads the same numbers and the same links.
 */
import { fillPlaceholders, placeholderValues } from '../load/placeholders.ts';
import { durationSeconds } from '../schema/primitives.ts';
import type { Answer, Command, Drill, RunbookData, Step, StepSection } from '../schema/runbook.ts';
import type { RunbookEntry } from './runbook-entry.ts';

export const SECTION_TITLES: Record<StepSection, string> = {
  prechecks: 'Pre-checks',
  steps: 'Steps',
  verify: 'Verify',
  rollback: 'Rollback',
};

export const TIER_LABELS = ['Tier 0 · critical', 'Tier 1 · high', 'Tier 2 · medium', 'Tier 3 · low'] as const;

export interface CommandView extends Command {
  /** DOM id of the command's code element. */
  domId: string;
  /** Cluster name the role maps to, when known. */
  clusterName?: string;
}

export interface StepView extends Omit<Step, 'commands'> {
  anchor: string;
  /** `2.3`: section number, step number. Stable across web, print and offline. */
  number: string;
  section: StepSection;
  /** Written in the MDX body (rendered there) rather than in the fields. */
  inBody: boolean;
  commands: CommandView[];
}

export interface SectionView {
  key: StepSection;
  title: string;
  number: number;
  steps: StepView[];
}

export type AnswerTarget =
  | { kind: 'decision'; id: string; href: string }
  | { kind: 'step'; id: string; href: string; label: string }
  | { kind: 'runbook'; id: string; href: string; label: string }
  | { kind: 'outcome'; text: string };

export interface DecisionView {
  id: string;
  anchor: string;
  question: string;
  body?: string;
  answers: { label: string; target: AnswerTarget }[];
}

export interface RunbookView {
  data: RunbookData;
  sections: SectionView[];
  stepsById: Map<string, StepView>;
  decisions: DecisionView[];
  clusters: { role: string; name: string }[];
  drills: Drill[];
  /** Newest drill, if any. */
  lastDrill?: Drill;
  /** Placeholder values in force for this runbook. */
  values: Record<string, string>;
}

export interface ViewContext {
  base: string;
  clusters: Readonly<Record<string, string>>;
  vars: Readonly<Record<string, string>>;
  /** Every runbook by id: its title and decision ids, for cross-runbook links. */
  index: ReadonlyMap<string, { title: string; decisionIds: ReadonlySet<string> }>;
}

/**
 * The text a copy button copies: the command without trailing newlines (a YAML `|` block adds
 * one), so pasting into a terminal never runs it before the on-call presses Enter. Expected
 * output is trimmed the same way, so YAML and MDX render it identically.
 */
export const trimCommand = (run: string) => run.replace(/\s+$/, '');

export const runbookHref = (base: string, id: string) => `${base.replace(/\/$/, '')}/runbooks/${id}/`;

export function buildRunbookView(entry: RunbookEntry, ctx: ViewContext): RunbookView {
  const data = entry.runbook;
  const clusterMap = { ...ctx.clusters, ...data.clusters };
  const values = placeholderValues(data.vars, ctx.vars, clusterMap);
  const fill = (text: string) => fillPlaceholders(text, values);

  const raw: { section: StepSection; step: Step; inBody: boolean }[] = [];
  for (const section of ['prechecks', 'steps', 'verify', 'rollback'] as const) {
    for (const step of data[section] ?? []) raw.push({ section, step, inBody: false });
  }
  for (const { section, step } of entry.bodySteps) raw.push({ section, step, inBody: true });

  const sections: SectionView[] = [];
  const stepsById = new Map<string, StepView>();
  for (const key of ['prechecks', 'steps', 'verify', 'rollback'] as const) {
    const members = raw.filter((r) => r.section === key);
    if (members.length === 0) continue;
    const number = sections.length + 1;
    const steps = members.map(({ step, inBody }, i): StepView => ({
      ...step,
      body: step.body === undefined ? undefined : fill(step.body),
      anchor: `step-${step.id}`,
      number: `${number}.${i + 1}`,
      section: key,
      inBody,
      commands: (step.commands ?? []).map((command, c) => ({
        ...command,
        run: trimCommand(fill(command.run)),
        expect: command.expect === undefined ? undefined : trimCommand(fill(command.expect)),
        domId: `cmd-${step.id}-${c + 1}`,
        clusterName: command.cluster ? clusterMap[command.cluster] : undefined,
      })),
    }));
    steps.forEach((s) => stepsById.set(s.id, s));
    sections.push({ key, title: SECTION_TITLES[key], number, steps });
  }

  const decisionIds = new Set((data.decisions ?? []).map((d) => d.id));
  const target = (answer: Answer): AnswerTarget => {
    if (answer.runbook !== undefined) {
      const other = ctx.index.get(answer.runbook);
      const anchor = answer.goto ? `#${other?.decisionIds.has(answer.goto) ? 'decision' : 'step'}-${answer.goto}` : '';
      return { kind: 'runbook', id: answer.runbook, href: runbookHref(ctx.base, answer.runbook) + anchor, label: other?.title ?? answer.runbook };
    }
    if (answer.goto !== undefined && decisionIds.has(answer.goto)) return { kind: 'decision', id: answer.goto, href: `#decision-${answer.goto}` };
    if (answer.goto !== undefined) {
      const step = stepsById.get(answer.goto);
      return { kind: 'step', id: answer.goto, href: `#step-${answer.goto}`, label: step ? `${step.number} ${step.title}` : answer.goto };
    }
    return { kind: 'outcome', text: answer.outcome ?? '' };
  };
  const decisions = (data.decisions ?? []).map((d) => ({
    id: d.id,
    anchor: `decision-${d.id}`,
    question: fill(d.question),
    body: d.body === undefined ? undefined : fill(d.body),
    answers: d.answers.map((a) => ({ label: a.label, target: target(a) })),
  }));

  const drills = [...(data.drills ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  return {
    data,
    sections,
    stepsById,
    decisions,
    clusters: Object.entries(clusterMap).map(([role, name]) => ({ role, name })),
    drills,
    lastDrill: drills[0],
    values,
  };
}

/** Whether the newest drill's measured duration fits the RTO (with nothing to spare implied). */
export function drillWithinRto(drill: Drill, rto: string): boolean {
  return durationSeconds(drill.duration) <= durationSeconds(rto);
}
