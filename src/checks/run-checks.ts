/**
 * Runs every readiness check over every runbook against the facts, then applies the configured
 * severities (`checks.severity`) and `--strict` (unknown becomes an error). Returns findings as
 * issues; nothing here prints or exits.
 */
import type { LifeboatConfig } from '../config/config-schema.ts';
import { createIssue } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';
import { runbookScope } from '../facts/runbook-scope.ts';
import type { Runbook } from '../load/runbook-model.ts';
import { durationSeconds } from '../schema/primitives.ts';
import type { FactsSnapshot } from '../schema/facts.ts';
import { createCheckContext, type Check, type CheckSettings } from './check-context.ts';
import { createFindingLimit } from './finding-limit.ts';
import { PARITY_KIND_NAMES, parityGaps } from './parity.ts';
import { emptyRestored, mergeRestored, restoredBy } from './restored-namespaces.ts';
import { commandReferencesExist } from './rules/command-references-exist.ts';
import { drHasParity } from './rules/dr-has-parity.ts';
import { requirementsExist } from './rules/requirements-exist.ts';
import { reviewIsRecent } from './rules/review-is-recent.ts';
import { rpoIsMet } from './rules/rpo-is-met.ts';
import { backupJobsAreHealthy } from './rules/backup-jobs-are-healthy.ts';
import { backupsHoldWhatRestoresNeed } from './rules/backups-hold-what-restores-need.ts';
import { rtoIsTested } from './rules/rto-is-tested.ts';
import { stepsFitEstimates } from './rules/steps-fit-estimates.ts';
import type { FiledRecord } from '../drills/check-record.ts';

export const CHECKS: Check[] = [requirementsExist, commandReferencesExist, rpoIsMet, backupJobsAreHealthy, backupsHoldWhatRestoresNeed, rtoIsTested, stepsFitEstimates, reviewIsRecent, drHasParity];

export interface RunChecksOptions {
  now: Date;
  /** Unknown facts become errors. */
  strict?: boolean;
  /** Where site-level findings (parity gaps no runbook uses) are reported. */
  factsDisplayDir?: string;
  /** Valid drill records by runbook id (load-project's `drills.byRunbook`). */
  records?: ReadonlyMap<string, readonly FiledRecord[]>;
}

type CheckConfig = Pick<LifeboatConfig, 'clusters' | 'vars' | 'checks' | 'parity'>;

export function settingsFrom(config: CheckConfig, now: Date): CheckSettings {
  return {
    now,
    reviewMaxAgeSeconds: durationSeconds(config.checks.reviewMaxAge),
    drillMaxAgeSeconds: durationSeconds(config.checks.drillMaxAge),
    rtoMargin: config.checks.rtoMargin,
    stepOverrun: config.checks.stepOverrun,
    parity: config.parity,
  };
}

export function runChecks(
  runbooks: readonly Runbook[],
  facts: ReadonlyMap<string, FactsSnapshot>,
  config: CheckConfig,
  options: RunChecksOptions,
): Issue[] {
  const settings = settingsFrom(config, options.now);
  const primaryCluster = config.clusters[config.parity.primary];
  const drCluster = config.clusters[config.parity.dr];
  const gaps = primaryCluster && drCluster ? parityGaps(facts.get(primaryCluster), facts.get(drCluster)) : new Map();
  const issues: Issue[] = [];
  const limit = createFindingLimit();
  const scopes = new Map(runbooks.map((r) => [r.data.id, runbookScope(r.data, { clusters: config.clusters, vars: config.vars, facts })]));
  const byId = new Map(runbooks.map((r) => [r.data.id, r]));
  for (const runbook of runbooks) {
    const scope = scopes.get(runbook.data.id)!;
    const before = emptyRestored();
    for (const id of runbook.data.after ?? []) {
      const earlier = byId.get(id);
      if (earlier) mergeRestored(before, restoredBy(earlier, { ...config.clusters, ...earlier.data.clusters }, scopes.get(id)!));
    }
    const ctx = createCheckContext({ facts, settings, parityGaps: gaps, siteClusters: config.clusters, records: options.records ?? new Map() }, runbook, scope, before, issues, limit);
    for (const check of CHECKS) check(ctx);
  }
  // Gaps no runbook relies on still matter: report them once, as warnings, on the DR facts.
  // (A runbook requiring it in either role already has its own error.)
  const roles = new Set([config.parity.primary, config.parity.dr]);
  const used = new Set(runbooks.flatMap((r) => (r.data.requires ?? []).filter((q) => roles.has(q.cluster)).map((q) => `${q.kind}/${q.name}`)));
  for (const [kind, names] of gaps) {
    const kindName = PARITY_KIND_NAMES[kind as keyof typeof PARITY_KIND_NAMES];
    for (const name of names) {
      if (used.has(`${kindName}/${name}`)) continue;
      const file = `${options.factsDisplayDir ?? 'facts'}/${drCluster}.json`;
      if (!limit.admit(file, 'ParityGap')) continue;
      const issue = createIssue(
        'ParityGap',
        { file, path: ['kinds', kind], cluster: drCluster! },
        { kind: kindName, name, primary: primaryCluster!, dr: drCluster!, used: '', hint: `Create it in "${drCluster}", or confirm the DR cluster does not need it.` },
      );
      issues.push({ ...issue, severity: 'warning' });
    }
  }
  const summaries = limit.summaries((code) => config.checks.severity[code] === 'off');
  return applySeverities([...issues, ...summaries], config.checks.severity, options.strict ?? false);
}

function applySeverities(issues: Issue[], severity: Record<string, 'error' | 'warning' | 'off'>, strict: boolean): Issue[] {
  return issues.flatMap((issue) => {
    const configured = severity[issue.code];
    if (configured === 'off') return [];
    const level = configured ?? issue.severity;
    return [{ ...issue, severity: strict && issue.code === 'FactsUnknown' ? 'error' : level }];
  });
}
