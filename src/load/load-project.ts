/**
 * Everything `check` and `build` read: the facts snapshots first (placeholders may use them),
 * then every runbook. Invalid snapshots are reported and left out, so their clusters count as
 * unknown; they never make a runbook invalid.
 */
import type { LifeboatConfig } from '../config/config-schema.ts';
import { loadFacts } from '../facts/snapshot-file.ts';
import type { FactsSnapshot } from '../schema/facts.ts';
import { sortIssues } from '../errors/issue.ts';
import { loadRunbooks, type LoadResult } from './load-runbooks.ts';

export interface ProjectLoad extends LoadResult {
  facts: ReadonlyMap<string, FactsSnapshot>;
}

export async function loadProject(config: Pick<LifeboatConfig, 'runbooksDir' | 'factsDir' | 'clusters' | 'vars' | 'cwd'>): Promise<ProjectLoad> {
  const facts = await loadFacts(config.factsDir, config.cwd);
  const result = await loadRunbooks(config.runbooksDir, { cwd: config.cwd, clusters: config.clusters, vars: config.vars, facts: facts.snapshots });
  return { ...result, issues: sortIssues([...facts.issues, ...result.issues]), facts: facts.snapshots };
}
