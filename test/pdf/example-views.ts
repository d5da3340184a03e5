/**
 * What the example runbooks should print, from the runbook model (the same view the pages are
 * rendered from): titles, numbered sections and steps, and every command with placeholders filled
 * (from vars, clusters and the example's demo facts).
 */
import { loadConfig } from '../../src/config/load-config.ts';
import { loadProject } from '../../src/load/load-project.ts';
import { buildRunbookView, type CommandView, type DecisionView, type SectionView } from '../../src/site/runbook-view.ts';
import { REPO } from '../support/run-script.ts';

export interface ExampleView {
  id: string;
  title: string;
  service: string;
  tier: number;
  absolutePath: string;
  sections: SectionView[];
  commands: CommandView[];
  /** The decision tree as the page renders it; the first is the root. */
  decisions: DecisionView[];
}

export async function loadExampleViews(): Promise<ExampleView[]> {
  const { config } = loadConfig({}, {}, REPO);
  if (!config) throw new Error('the example configuration does not load');
  // Facts too: commands may be filled from them, exactly as the build fills them.
  const { runbooks, facts } = await loadProject(config);
  const index = new Map(runbooks.map((r) => [r.data.id, { title: r.data.title, decisionIds: new Set((r.data.decisions ?? []).map((d) => d.id)) }]));
  return runbooks.map((r) => {
    const entry = { runbook: r.data, file: r.file, format: r.format, bodySteps: r.bodySteps, bodyDecisions: r.bodyDecisions.map((d) => d.id) };
    const view = buildRunbookView(entry, { base: '/', clusters: config.clusters, vars: config.vars, facts, index });
    return {
      id: r.data.id,
      title: r.data.title,
      service: r.data.service,
      tier: r.data.tier,
      absolutePath: r.absolutePath,
      sections: view.sections,
      commands: view.sections.flatMap((s) => s.steps.flatMap((step) => step.commands)),
      decisions: view.decisions,
    };
  });
}
