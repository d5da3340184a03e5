/**
 * Which backups' contents `lifeboat facts` reads: those the project's runbooks restore from.
 * Runbooks that do not load are left out and said so, never a reason to stop collecting.
 */
import type { LifeboatConfig } from '../config/config-schema.ts';
import { loadProject } from '../load/load-project.ts';
import { addWants, restorePlan, type InventoryWants } from '../checks/restore-sources.ts';
import { runbookScope } from './runbook-scope.ts';
import { durationSeconds } from '../schema/primitives.ts';
import type { BackupContentsOptions } from './backup-contents.ts';

export interface InventoryPlan {
  options: BackupContentsOptions;
  /** Runbook files that could not be read, so whatever they restore from is not inventoried. */
  unreadable: number;
}

type PlanConfig = Pick<LifeboatConfig, 'runbooksDir' | 'factsDir' | 'clusters' | 'vars' | 'cwd' | 'mdx' | 'markdown' | 'configFile' | 'backups'>;

export async function planInventories(config: PlanConfig): Promise<InventoryPlan> {
  const project = await loadProject(config);
  const wants = new Map<string, InventoryWants>();
  for (const runbook of project.runbooks) {
    const clusters = { ...config.clusters, ...runbook.data.clusters };
    addWants(wants, restorePlan(runbook, clusters, runbookScope(runbook.data, { clusters: config.clusters, vars: config.vars, facts: project.facts })));
  }
  return {
    options: { wants, access: config.backups.buckets, timeoutMs: durationSeconds(config.backups.timeout) * 1000, concurrency: config.backups.concurrency },
    unreadable: project.files - project.runbooks.length,
  };
}
