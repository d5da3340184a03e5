/**
 * Restores seen in the clusters: Velero Restores of backups from a schedule the runbook restores
 * from (its `requires` Schedules). A completed one, without errors, is a measured restore test;
 * one that completed with errors or failed is a failed test. It measures the restore alone, not
 * the whole procedure, so it counts for "was it tested recently", never for the RTO's duration.
 */
import { itemsOf } from '../facts/queries.ts';
import type { RestoreFact } from '../schema/facts.ts';
import type { CheckContext } from './check-context.ts';

export interface ObservedRestore {
  cluster: string;
  schedule: string;
  restore: RestoreFact;
  /** Completed with no errors. */
  succeeded: boolean;
}

export function observedRestores(ctx: Pick<CheckContext, 'runbook' | 'clusters' | 'facts'>): ObservedRestore[] {
  const schedules = new Set((ctx.runbook.data.requires ?? []).filter((r) => r.kind === 'Schedule').map((r) => r.name));
  if (schedules.size === 0) return [];
  const found: ObservedRestore[] = [];
  for (const cluster of new Set(Object.values(ctx.clusters))) {
    const restores = itemsOf(ctx.facts.get(cluster), 'restores', cluster);
    if (!restores.known) continue;
    for (const restore of restores.value) {
      // Velero names a schedule's backups `<schedule>-<yyyyMMddHHmmss>`; `--from-schedule` also sets scheduleName.
      const schedule = restore.schedule && schedules.has(restore.schedule)
        ? restore.schedule
        : [...schedules].find((s) => restore.backup.startsWith(`${s}-`) && /^\d{14}$/.test(restore.backup.slice(s.length + 1)));
      if (!schedule) continue;
      found.push({ cluster, schedule, restore, succeeded: restore.phase === 'Completed' && !restore.errors });
    }
  }
  return found;
}
