/**
 * Restores seen in the clusters: Velero Restores of a backup the runbook restores from — the
 * schedules it requires or names with `--from-schedule`, and the backups it names with
 * `--from-backup`. A completed one, without errors, is a measured restore test; one that
 * completed with errors, partially failed or failed is a failed test. It measures the restore
 * alone, not the whole procedure, so it counts for "was it tested recently", and for the RTO only
 * where the runbook says the restore is all it does (`rtoFromRestores`).
 *
 * The gate asks only for the newest restore of each source and the newest success, so these are
 * read from the heads of the index's newest-first lists; only the page's full history merges them.
 * Merging and sorting every list for every runbook was ~2.5% of a whole check at 1,000 runbooks
 * against the bench's 300 restores per cluster (CPU profile, 2026-12-06), for answers the heads give.
 */
import { itemsOf } from '../facts/queries.ts';
import type { FactsSnapshot, RestoreFact } from '../schema/facts.ts';
import { newestFirst, restoreIndex, type ObservedRestore } from './fact-indexes.ts';
import type { RestorePlan } from './restore-sources.ts';

export type { ObservedRestore } from './fact-indexes.ts';

/** Per source and cluster, the restores of it, newest first. */
export interface ObservedRestores {
  /**
   * Shared with every runbook: read them, never change them. A restore of a backup the runbook
   * names is listed under that backup only, not also under its schedule.
   */
  lists: readonly (readonly ObservedRestore[])[];
}

export function observedRestores(plan: RestorePlan, facts: ReadonlyMap<string, FactsSnapshot>, clusters: readonly string[]): ObservedRestores {
  const schedules = new Set(plan.sources.flatMap((s) => (s.schedule ? [s.schedule] : [])));
  const backups = new Set(plan.sources.flatMap((s) => (s.backup ? [s.backup] : [])));
  const lists: (readonly ObservedRestore[])[] = [];
  for (const cluster of new Set(clusters)) {
    const snapshot = facts.get(cluster);
    if (schedules.size + backups.size === 0 || !snapshot || !itemsOf(snapshot, 'restores', cluster).known) continue;
    const index = restoreIndex(snapshot);
    for (const backup of backups) lists.push(index.byBackup.get(backup) ?? []);
    for (const schedule of schedules) {
      const list = index.bySchedule.get(schedule) ?? [];
      // Rare (a runbook naming both a schedule and one of its backups): copy without those.
      lists.push(backups.size > 0 && list.some((o) => backups.has(o.restore.backup)) ? list.filter((o) => !backups.has(o.restore.backup)) : list);
    }
  }
  return { lists: lists.filter((l) => l.length > 0) };
}

/** The newest restore of each source (a schedule or backup name), over all clusters. */
export function newestPerSource({ lists }: ObservedRestores): Map<string, ObservedRestore> {
  const newest = new Map<string, ObservedRestore>();
  for (const [head] of lists) {
    const known = newest.get(head!.source);
    if (!known || newestFirst(head!, known) < 0) newest.set(head!.source, head!);
  }
  return newest;
}

/** The newest successful restore of any source. */
export function newestSuccess({ lists }: ObservedRestores): ObservedRestore | undefined {
  let newest: ObservedRestore | undefined;
  for (const list of lists) {
    const success = list.find((o) => o.succeeded);
    if (success && (!newest || newestFirst(success, newest) < 0)) newest = success;
  }
  return newest;
}

/** Every observed restore, newest first, each once. */
export function allObserved({ lists }: ObservedRestores): ObservedRestore[] {
  const seen = new Set<RestoreFact>();
  return lists.flat().filter((o) => !seen.has(o.restore) && Boolean(seen.add(o.restore))).sort(newestFirst);
}
