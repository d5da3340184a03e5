/**
 * Restores seen in the clusters: Velero Restores of a backup the runbook restores from — the
 * schedules it requires or names with `--from-schedule`, and the backups it names with
 * `--from-backup`. A completed one, without errors, is a measured restore test; one that
 * completed with errors, partially failed or failed is a failed test. It measures the restore
 * alone, not the whole procedure, so it counts for "was it tested recently", and for the RTO only
 * where the runbook says the restore is all it does (`rtoFromRestores`).
 */
import { itemsOf } from '../facts/queries.ts';
import type { FactsSnapshot, RestoreFact } from '../schema/facts.ts';
import type { RestorePlan } from './restore-sources.ts';

export interface ObservedRestore {
  cluster: string;
  /** The schedule its backup came from, or the backup the runbook names. */
  source: string;
  restore: RestoreFact;
  /** Completed with no errors. */
  succeeded: boolean;
  /** Seconds from start to completion, when both are known. */
  seconds?: number;
}

export function observedRestores(plan: RestorePlan, facts: ReadonlyMap<string, FactsSnapshot>, clusters: readonly string[]): ObservedRestore[] {
  const schedules = new Set(plan.sources.flatMap((s) => (s.schedule ? [s.schedule] : [])));
  const backups = new Set(plan.sources.flatMap((s) => (s.backup ? [s.backup] : [])));
  if (schedules.size === 0 && backups.size === 0) return [];
  const found: ObservedRestore[] = [];
  for (const cluster of new Set(clusters)) {
    const restores = itemsOf(facts.get(cluster), 'restores', cluster);
    if (!restores.known) continue;
    for (const restore of restores.value) {
      const source = backups.has(restore.backup) ? restore.backup : scheduleOf(restore, schedules);
      if (!source) continue;
      const start = Date.parse(restore.startTimestamp ?? '');
      const end = Date.parse(restore.completionTimestamp ?? '');
      found.push({
        cluster,
        source,
        restore,
        succeeded: restore.phase === 'Completed' && !restore.errors,
        ...(Number.isFinite(start) && Number.isFinite(end) && end >= start ? { seconds: Math.round((end - start) / 1000) } : {}),
      });
    }
  }
  return found.sort((a, b) => (b.restore.completionTimestamp ?? b.restore.startTimestamp ?? '').localeCompare(a.restore.completionTimestamp ?? a.restore.startTimestamp ?? ''));
}

/** `--from-schedule` sets scheduleName; otherwise Velero names a schedule's backups `<schedule>-<yyyyMMddHHmmss>`. */
function scheduleOf(restore: RestoreFact, schedules: ReadonlySet<string>): string | undefined {
  if (restore.schedule && schedules.has(restore.schedule)) return restore.schedule;
  return [...schedules].find((s) => restore.backup.startsWith(`${s}-`) && /^\d{14}$/.test(restore.backup.slice(s.length + 1)));
}
