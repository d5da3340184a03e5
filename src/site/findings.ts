/**
 * The readiness findings the site shows. `lifeboat build` runs the checks and hands the result
 * over in a file (LIFEBOAT_FINDINGS); `astro dev` computes them itself, so both show the same.
 */
import { readFile } from 'node:fs/promises';
import { runChecks } from '../checks/run-checks.ts';
import type { Issue } from '../errors/issue.ts';
import { loadProject } from '../load/load-project.ts';
import type { LifeboatConfig } from '../config/config-schema.ts';

export async function loadFindings(config: LifeboatConfig): Promise<Issue[]> {
  const file = process.env.LIFEBOAT_FINDINGS;
  if (file) return JSON.parse(await readFile(file, 'utf8')) as Issue[];
  const { runbooks, facts, drills } = await loadProject(config);
  return runChecks(runbooks, facts, config, { now: new Date(), records: drills.byRunbook });
}

/** Readiness status of one runbook, from its findings: the worst category wins. */
export type ReadinessStatus = 'ok' | 'broken references' | 'RPO breach' | 'stale drill' | 'unknown facts';

const CATEGORY: Record<string, ReadinessStatus> = {
  RpoBreached: 'RPO breach',
  NamespaceNotBackedUp: 'RPO breach',
  DrillTooSlow: 'stale drill',
  NoRecentDrill: 'stale drill',
  StepSlowerThanEstimate: 'stale drill',
  RtoNeverPlausible: 'stale drill',
  ReviewOverdue: 'stale drill',
  FactsUnknown: 'unknown facts',
};
/** The kinds from worst to best; "ok" only for a runbook with no finding. */
export const READINESS_ORDER: ReadinessStatus[] = ['broken references', 'RPO breach', 'stale drill', 'unknown facts', 'ok'];

/** Every kind of problem in `findings`, worst first; `['ok']` when there is none. */
export function readinessKinds(findings: readonly Issue[]): ReadinessStatus[] {
  const statuses = new Set(findings.map((f) => CATEGORY[f.code] ?? 'broken references'));
  const kinds = READINESS_ORDER.filter((s) => statuses.has(s));
  return kinds.length > 0 ? kinds : ['ok'];
}

/** The worst kind of problem in `findings`, or "ok". */
export function readinessStatus(findings: readonly Issue[]): ReadinessStatus {
  return readinessKinds(findings)[0]!;
}
