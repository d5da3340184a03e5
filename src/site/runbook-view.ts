/**
 * Turns the runbook model into what the page (and later the binder and offline edition) shows:
 * numbered sections and steps, filled-in commands, resolved clusters and gotos. Pure data, so
 * every rendering reads the same numbers and the same links.
 */
import { commandLines, type CommandPiece, type FactTimes } from '../command/command-lines.ts';
import { joinCommandLines, type OneLine } from '../command/one-line.ts';
import { runbookScope } from '../facts/runbook-scope.ts';
import { fillPlaceholders, type PlaceholderScope } from '../load/placeholders.ts';
import type { FactsSnapshot } from '../schema/facts.ts';
import { durationSeconds } from '../schema/primitives.ts';
import type { Answer, Command, Drill, RunbookData, Step, StepSection } from '../schema/runbook.ts';
import type { FiledRecord } from '../drills/check-record.ts';
import type { RunbookEntry } from './runbook-entry.ts';
import { recordedDrills, stepMeasures, type RecordedDrill, type StepMeasure } from './drill-evidence.ts';

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
  /** `run` cut into its lines, with the values that came from the cluster facts apart. */
  lines: CommandPiece[][];
  /** `run` as one line, when it has several and the shell allows joining them (one-line.ts). */
  oneLine?: OneLine;
}

export interface StepView extends Omit<Step, 'commands'> {
  anchor: string;
  /** `2.3`: section number, step number. Stable across web, print and offline. */
  number: string;
  section: StepSection;
  /** Written in the MDX body (rendered there) rather than in the fields. */
  inBody: boolean;
  /**
   * The section heading an MDX body step opens: set on the first body step of a section, and
   * again wherever the body goes back to a section after another one, so a rollback step never
   * reads as part of the verify output above it.
   */
  opensSection?: SectionHeading;
  commands: CommandView[];
  /** What drill records measured of this step (the newest time, and how many drills). */
  measured?: StepMeasure;
}

/** A numbered section heading ("4. Rollback") as the page, its contents list and the binder show it. */
export interface SectionHeading {
  /** Anchor: the section key, or `<key>-<n>` for a section heading the page already has. */
  id: string;
  /** "4. Rollback". */
  text: string;
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

/** Where one cluster's facts on this page came from, for the provenance line. */
export interface ClusterFactsView {
  role: string;
  cluster: string;
  /** Absent when no snapshot exists for the cluster. */
  snapshot?: { context: string; server: string; collectedAt: string; unreadable: string[] };
  /** Why the facts could not be refreshed for this build (prefer-live fell back). */
  stale?: string;
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
  /** Drill records of this runbook (drills/<id>/), newest first. */
  records: RecordedDrill[];
  /** Placeholder scope in force for this runbook (vars, clusters, facts). */
  scope: PlaceholderScope;
  /** Facts provenance for each cluster role the runbook uses. */
  clusterFacts: ClusterFactsView[];
  /** When each cluster role's facts were collected, for marking the values commands take from them. */
  factTimes: FactTimes;
}

export interface ViewContext {
  base: string;
  clusters: Readonly<Record<string, string>>;
  vars: Readonly<Record<string, string>>;
  /** Facts snapshots by cluster name. */
  facts: ReadonlyMap<string, FactsSnapshot>;
  /** Clusters whose facts are stale for this build, with why. */
  stale?: ReadonlyMap<string, string>;
  /** Every runbook by id: its title and decision ids, for cross-runbook links. */
  index: ReadonlyMap<string, { title: string; slug?: string; locked?: boolean; decisionIds: ReadonlySet<string> }>;
  /** Valid drill records by runbook id. */
  records?: ReadonlyMap<string, readonly FiledRecord[]>;
}

/**
 * The text a copy button copies: the command without trailing newlines (a YAML `|` block adds
 * one), so pasting into a terminal never runs it before the on-call presses Enter. Expected
 * output is trimmed the same way, so YAML and MDX render it identically.
 */
export const trimCommand = (run: string) => run.replace(/\s+$/, '');

/** A command filled in for the page: YAML steps and MDX `<Command>` both come through here. */
export function commandView(command: Command, scope: PlaceholderScope, factTimes: FactTimes, ids: { domId: string; clusterName?: string | undefined }): CommandView {
  const { run, lines } = commandLines(command.run, scope, factTimes);
  const oneLine = joinCommandLines(run);
  return {
    ...command,
    run,
    lines,
    ...(oneLine === undefined ? {} : { oneLine }),
    expect: command.expect === undefined ? undefined : trimCommand(fillPlaceholders(command.expect, scope)),
    domId: ids.domId,
    clusterName: ids.clusterName,
  };
}

/** When the facts behind each cluster role were collected; undefined where none were. */
function factTimesOf(clusters: Readonly<Record<string, string>>, facts: ViewContext['facts']): FactTimes {
  return Object.fromEntries(
    Object.entries(clusters).map(([role, cluster]) => {
      const snapshot = facts.get(cluster);
      return [role, snapshot ? { cluster, collectedAt: snapshot.collectedAt } : undefined];
    }),
  );
}

export const runbookHref = (base: string, id: string) => `${base.replace(/\/$/, '')}/runbooks/${id}/`;

export function buildRunbookView(entry: RunbookEntry, ctx: ViewContext): RunbookView {
  const data = entry.runbook;
  const clusterMap = { ...ctx.clusters, ...data.clusters };
  const scope = runbookScope(data, ctx);
  const fill = (text: string) => fillPlaceholders(text, scope);
  const factTimes = factTimesOf(clusterMap, ctx.facts);

  const raw: { section: StepSection; step: Step; inBody: boolean }[] = [];
  for (const section of ['prechecks', 'steps', 'verify', 'rollback'] as const) {
    for (const step of data[section] ?? []) raw.push({ section, step, inBody: false });
  }
  for (const { section, step } of entry.bodySteps) raw.push({ section, step, inBody: true });

  const records = ctx.records?.get(data.id) ?? [];
  const measures = stepMeasures(records);
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
      ...(measures.has(step.id) ? { measured: measures.get(step.id)! } : {}),
      commands: (step.commands ?? []).map((command, c) =>
        commandView(command, scope, factTimes, { domId: `cmd-${step.id}-${c + 1}`, clusterName: command.cluster ? clusterMap[command.cluster] : undefined }),
      ),
    }));
    steps.forEach((s) => stepsById.set(s.id, s));
    sections.push({ key, title: SECTION_TITLES[key], number, steps });
  }
  headBodySections(entry, sections, stepsById);

  const decisionIds = new Set((data.decisions ?? []).map((d) => d.id));
  const target = (answer: Answer): AnswerTarget => {
    if (answer.runbook !== undefined) {
      const other = ctx.index.get(answer.runbook);
      // A private runbook is linked by its slug, with no anchor: its step and decision ids are its text.
      if (other?.locked) return { kind: 'runbook', id: other.slug!, href: runbookHref(ctx.base, other.slug!), label: other.title };
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
  const recorded = recordedDrills(records);
  // The header's "last drill" is the newest measured one, typed in or recorded.
  const newestRecord = recorded.find((r) => r.measured);
  const lastDrill = newestRecord && (!drills[0] || newestRecord.date >= drills[0].date)
    ? { date: newestRecord.date, duration: newestRecord.duration, result: newestRecord.result, kind: newestRecord.kind }
    : drills[0];
  return {
    data,
    sections,
    stepsById,
    decisions,
    clusters: Object.entries(clusterMap).map(([role, name]) => ({ role, name })),
    drills,
    ...(lastDrill ? { lastDrill } : {}),
    records: recorded,
    scope,
    factTimes,
    clusterFacts: usedRoles(data, sections, Object.keys(clusterMap))
      .filter((role) => clusterMap[role])
      .map((role) => clusterFactsView(role, clusterMap[role]!, ctx)),
  };
}

/**
 * Gives MDX body steps the section headings YAML steps get from their fields: each run of body
 * steps in one section opens with "N. Title". The first heading of a section takes the section's
 * key as anchor (as a YAML page does) unless the fields already render that section.
 */
function headBodySections(entry: RunbookEntry, sections: SectionView[], stepsById: Map<string, StepView>): void {
  // Headings of each section so far, counting the one the fields render.
  const headings = new Map(sections.filter((s) => s.steps.some((st) => !st.inBody)).map((s) => [s.key, 1]));
  let previous: StepSection | undefined;
  for (const { section: key, step } of entry.bodySteps) {
    const view = stepsById.get(step.id);
    const section = sections.find((s) => s.key === key);
    if (!view || !section || key === previous) continue;
    previous = key;
    const n = (headings.get(key) ?? 0) + 1;
    headings.set(key, n);
    const id = n === 1 ? key : `${key}-${n}`;
    view.opensSection = { id, text: `${section.number}. ${section.title}` };
  }
}

/** Roles the runbook's commands, requirements and placeholders use; every mapped role if none. */
function usedRoles(data: RunbookData, sections: SectionView[], mapped: string[]): string[] {
  const roles = new Set<string>();
  for (const step of sections.flatMap((s) => s.steps)) for (const c of step.commands) if (c.cluster) roles.add(c.cluster);
  for (const r of data.requires ?? []) roles.add(r.cluster);
  const texts = JSON.stringify([data.prechecks, data.steps, data.verify, data.rollback, data.decisions]);
  for (const m of texts.matchAll(/\{\{\s*(?:cluster|facts)\.([a-z][a-z0-9-]*)/g)) roles.add(m[1]!);
  return roles.size ? [...roles].sort() : mapped.sort();
}

/** Where `role`'s facts came from, how old they are, and what could not be read (also the readiness page's cluster rows). */
export function clusterFactsView(role: string, cluster: string, ctx: Pick<ViewContext, 'facts' | 'stale'>): ClusterFactsView {
  const snapshot = ctx.facts.get(cluster);
  const stale = ctx.stale?.get(cluster);
  return {
    role,
    cluster,
    ...(snapshot
      ? {
          snapshot: {
            context: snapshot.context,
            server: snapshot.server,
            collectedAt: snapshot.collectedAt,
            unreadable: Object.entries(snapshot.kinds)
              .filter(([, k]) => k.status === 'forbidden' || k.status === 'error')
              .map(([kind, k]) => `${kind} (${k.status})`),
          },
        }
      : {}),
    ...(stale ? { stale } : {}),
  };
}

/** Whether the newest drill's measured duration fits the RTO (with nothing to spare implied). */
export function drillWithinRto(drill: Drill, rto: string): boolean {
  return durationSeconds(drill.duration) <= durationSeconds(rto);
}
