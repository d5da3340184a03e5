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
import { newestFirst, restoreIndex, type ObservedRestore } from './fact-indexes.ts';
import type { RestorePlan } from './restore-sources.ts';

export type { ObservedRestore } from './fact-indexes.ts';

/** Newest first. The lists are shared between runbooks: read them, never change them. */
export function observedRestores(plan: RestorePlan, facts: ReadonlyMap<string, FactsSnapshot>, clusters: readonly string[]): readonly ObservedRestore[] {
  const schedules = new Set(plan.sources.flatMap((s) => (s.schedule ? [s.schedule] : [])));
  const backups = new Set(plan.sources.flatMap((s) => (s.backup ? [s.backup] : [])));
  if (schedules.size === 0 && backups.size === 0) return [];
  const lists: ObservedRestore[][] = [];
  for (const cluster of new Set(clusters)) {
    const snapshot = facts.get(cluster);
    if (!snapshot || !itemsOf(snapshot, 'restores', cluster).known) continue;
    const index = restoreIndex(snapshot);
    for (const backup of backups) lists.push(index.byBackup.get(backup) ?? []);
    for (const schedule of schedules) lists.push(index.bySchedule.get(schedule) ?? []);
  }
  const found = lists.filter((l) => l.length > 0);
  if (found.length <= 1) return found[0] ?? [];
  // A restore of a named backup of a required schedule is listed once, under the backup.
  const seen = new Set<RestoreFact>();
  return found.flat().filter((o) => !seen.has(o.restore) && Boolean(seen.add(o.restore))).sort(newestFirst);
}
