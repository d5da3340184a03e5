/**
 * Everything `check` and `build` read: the facts snapshots first (placeholders may use them),
 * then every runbook. Invalid snapshots are reported and left out, so their clusters count as
 * unknown; they never make a runbook invalid.
 */
import { dirname, relative } from 'node:path';
import { CONFIG_FILE } from '../config/load-config.ts';
import type { LifeboatConfig } from '../config/config-schema.ts';
import { loadFacts } from '../facts/snapshot-file.ts';
import { loadDrillRecords, NO_RECORDS, type DrillRecords } from '../drills/load-records.ts';
import type { FactsSnapshot } from '../schema/facts.ts';
import { sortIssues } from '../errors/issue.ts';
import { loadRunbooks, type LoadResult } from './load-runbooks.ts';
import { resolveAccess } from '../private/access.ts';
import { DEFAULT_MDX_POLICY, type MdxPolicy } from './mdx-code.ts';

export interface ProjectLoad extends LoadResult {
  facts: ReadonlyMap<string, FactsSnapshot>;
  /**
   * Drill records, checked against the runbooks. Their problems are apart from `issues`: `check`
   * reports them, and a build shows them but is never stopped by them (a bad record counts as no
   * drill, which the readiness findings already say).
   */
  drills: DrillRecords;
}

/** `now` judges drill records from the future (LIFEBOAT_NOW in the commands). */
export async function loadProject(config: ProjectConfig, { now = new Date() }: { now?: Date } = {}): Promise<ProjectLoad> {
  const facts = await loadFacts(config.factsDir, config.cwd);
  const startHere = config.home?.startHere.length ? { ids: config.home.startHere, file: relative(config.cwd, config.configFile ?? CONFIG_FILE).replaceAll('\\', '/') } : undefined;
  const result = await loadRunbooks(config.runbooksDir, { cwd: config.cwd, clusters: config.clusters, vars: config.vars, facts: facts.snapshots, mdx: mdxPolicy(config), ...(startHere ? { startHere } : {}) });
  const drills = config.drillsDir ? loadDrillRecords(config.drillsDir, result.runbooks, { cwd: config.cwd, now }) : NO_RECORDS;
  const access = await resolveAccess(result.runbooks, config);
  return { ...result, issues: sortIssues([...facts.issues, ...result.issues, ...access]), facts: facts.snapshots, drills };
}

type ProjectConfig = Pick<LifeboatConfig, 'runbooksDir' | 'factsDir' | 'clusters' | 'vars' | 'cwd'> &
  Partial<Pick<LifeboatConfig, 'mdx' | 'markdown' | 'configFile' | 'home' | 'drillsDir' | 'private'>>;

/** The `mdx` and `markdown` settings as the loader applies them; without them, the safe defaults. */
export function mdxPolicy(config: ProjectConfig): MdxPolicy {
  return {
    ...DEFAULT_MDX_POLICY,
    ...config.mdx,
    allowHtml: config.markdown?.allowHtml ?? false,
    root: config.configFile ? dirname(config.configFile) : config.cwd,
  };
}

/*
 * `lifeboat build` loads the project to check it, then runs Astro in the same process, whose
 * content loader would read and validate every runbook again (2 s at 1,000 runbooks). The build
 * hands its load over instead. Astro bundles the loader into a module instance of its own, so the
 * handover goes through a global, taken once: later syncs (the dev server's watch) read afresh.
 */
const HANDOVER = Symbol.for('lifeboat.projectLoad');
const keyOf = (config: ProjectConfig) => JSON.stringify([config.runbooksDir, config.factsDir, config.drillsDir, config.clusters, config.vars, config.cwd, mdxPolicy(config), config.private]);

/** Offers `load` to the next `takeProjectLoad` with the same configuration in this process. */
export function handOverProjectLoad(config: ProjectConfig, load: ProjectLoad): void {
  (globalThis as Record<symbol, unknown>)[HANDOVER] = { key: keyOf(config), load };
}

/** The load handed over for this configuration, once (`handedOver`); else a fresh `loadProject`. */
export async function takeProjectLoad(config: ProjectConfig): Promise<ProjectLoad & { handedOver: boolean }> {
  const slot = globalThis as Record<symbol, { key: string; load: ProjectLoad } | undefined>;
  const offered = slot[HANDOVER];
  slot[HANDOVER] = undefined;
  if (offered?.key === keyOf(config)) return { ...offered.load, handedOver: true };
  return { ...(await loadProject(config)), handedOver: false };
}
