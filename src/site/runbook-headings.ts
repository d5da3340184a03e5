/**
 * The headings of a runbook page in the order the page shows them, for "On this page". MDX body
 * steps sit between the fields' Steps and Verify sections, under the section headings the view
 * gave them, so the list and the page never disagree about which section a step is in.
 */
import type { RunbookView, SectionView } from './runbook-view.ts';
import type { Heading } from './toc.ts';

/** What the page shows besides the steps. */
export interface PageParts {
  findings: boolean;
  requires: boolean;
  /** The decision tree is shown as its own section (not placed in an MDX body). */
  tree: boolean;
  /** The page has a Backups section (the runbook restores from backups, or relies on backup CronJobs). */
  backups?: boolean;
}

export function runbookHeadings(view: Pick<RunbookView, 'sections'>, bodyStepIds: readonly string[], parts: PageParts): Heading[] {
  const written = (key: SectionView['key']): Heading[] => {
    const section = view.sections.find((s) => s.key === key);
    const steps = section?.steps.filter((st) => !st.inBody) ?? [];
    if (!section || steps.length === 0) return [];
    return [{ depth: 2, slug: section.key, text: `${section.number}. ${section.title}` }, ...steps.map(stepHeading)];
  };
  const byId = new Map(view.sections.flatMap((s) => s.steps).map((st) => [st.id, st]));
  const body = bodyStepIds.flatMap((id): Heading[] => {
    const step = byId.get(id);
    if (!step) return [];
    return [...(step.opensSection ? [{ depth: 2, slug: step.opensSection.id, text: step.opensSection.text }] : []), stepHeading(step)];
  });
  return [
    ...(parts.findings ? [{ depth: 2, slug: 'findings', text: 'Readiness' }] : []),
    { depth: 2, slug: 'escalation', text: 'Escalation' },
    ...(parts.requires ? [{ depth: 2, slug: 'requires', text: 'Depends on' }] : []),
    ...written('prechecks'),
    ...written('steps'),
    ...body,
    ...(parts.tree ? [{ depth: 2, slug: 'decision-tree', text: 'Decision tree' }] : []),
    ...written('verify'),
    ...written('rollback'),
    ...(parts.backups ? [{ depth: 2, slug: 'backups', text: 'Backups' }] : []),
    { depth: 2, slug: 'drills', text: 'Drill history' },
  ];
}

const stepHeading = (step: SectionView['steps'][number]): Heading => ({ depth: 3, slug: step.anchor, text: `${step.number} ${step.title}` });
