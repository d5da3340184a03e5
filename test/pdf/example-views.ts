/**
 * What the example runbooks should print, from the runbook model (the same view the pages are
 * rendered from): titles, numbered sections and steps, and every command with placeholders filled.
 */
import { loadConfig } from '../../src/config/load-config.ts';
import { loadRunbooks } from '../../src/load/load-runbooks.ts';
import { buildRunbookView, type CommandView, type SectionView } from '../../src/site/runbook-view.ts';
import { REPO } from '../support/run-script.ts';

export interface ExampleView {
  id: string;
  title: string;
  service: string;
  tier: number;
  absolutePath: string;
  sections: SectionView[];
  commands: CommandView[];
}

export async function loadExampleViews(): Promise<ExampleView[]> {
  const { config } = loadConfig({}, {}, REPO);
  if (!config) throw new Error('the example configuration does not load');
  const { runbooks } = await loadRunbooks(config.runbooksDir, { clusters: config.clusters, vars: config.vars, cwd: REPO });
  const index = new Map(runbooks.map((r) => [r.data.id, { title: r.data.title, decisionIds: new Set((r.data.decisions ?? []).map((d) => d.id)) }]));
  return runbooks.map((r) => {
    const entry = { runbook: r.data, file: r.file, format: r.format, bodySteps: r.bodySteps, bodyDecisions: r.bodyDecisions.map((d) => d.id) };
    const view = buildRunbookView(entry, { base: '/', clusters: config.clusters, vars: config.vars, index });
    return {
      id: r.data.id,
      title: r.data.title,
      service: r.data.service,
      tier: r.data.tier,
      absolutePath: r.absolutePath,
      sections: view.sections,
      commands: view.sections.flatMap((s) => s.steps.flatMap((step) => step.commands)),
    };
  });
}
