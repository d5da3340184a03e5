/**
 * The one runbook model every rendering and check reads: the validated fields plus, for MDX
 * runbooks, the steps written as components in the body. The web page, the offline edition and
 * the PDF are renderings of this, not copies of the logic.
 */
import type { Position } from '../errors/issue.ts';
import type { RunbookData, Step, StepSection } from '../schema/runbook.ts';

/** A `<Step>` written in an MDX body. Its `path` is `['$body', index]`. */
export interface BodyStep {
  section: StepSection;
  step: Step;
}

export interface Runbook {
  /** Path relative to the working directory, forward slashes: what reports print. */
  file: string;
  /** Absolute path, for the site build. */
  absolutePath: string;
  format: 'yaml' | 'mdx';
  data: RunbookData;
  /** Steps from the MDX body, in document order (empty for YAML). */
  bodySteps: BodyStep[];
  /**
   * False when the MDX body could not be read completely (syntax error, unknown component), so
   * rules that count body steps stay quiet instead of piling a second error on the first.
   */
  bodyComplete: boolean;
  /** Decision ids placed in the MDX body with `<Decision id="…">`, with where they are. */
  bodyDecisions: { id: string; position: Position }[];
  /** Set when the runbook is private (src/private/access.ts): its opaque address and who may read it. */
  access?: { slug: string; audiences: string[] };
  /** Source position of a path: data paths such as `['steps', 0, 'commands', 1, 'run']`, or `['$body', 0, …]`. */
  locate(path: readonly (string | number)[]): Position;
  /** Position of character `offset` inside the string at `path` (a word inside a command). */
  locateInValue(path: readonly (string | number)[], offset: number): Position;
}

/** A step wherever it was written, with the path that locates it. */
export interface StepRef {
  section: StepSection;
  step: Step;
  path: (string | number)[];
}

const stepRefs = new WeakMap<object, readonly StepRef[]>();

/**
 * Every step of a runbook in reading order: frontmatter/YAML sections, then MDX body steps.
 * Made once per runbook: seven rules ask for them (8 MB of short-lived lists at 1,000 runbooks
 * when each call made its own).
 */
export function allSteps(runbook: Pick<Runbook, 'data' | 'bodySteps'>): readonly StepRef[] {
  const known = stepRefs.get(runbook);
  if (known) return known;
  const refs: StepRef[] = [];
  for (const section of ['prechecks', 'steps', 'verify', 'rollback'] as const) {
    (runbook.data[section] ?? []).forEach((step, i) => refs.push({ section, step, path: [section, i] }));
  }
  runbook.bodySteps.forEach(({ section, step }, i) => refs.push({ section, step, path: ['$body', i] }));
  stepRefs.set(runbook, refs);
  return refs;
}
