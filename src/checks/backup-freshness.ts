/**
 * How fresh is the newest completed backup of a schedule, or covering a namespace, across the
 * clusters a runbook uses? Ages are measured at each snapshot's `collectedAt` — the moment the
 * facts describe — not at check time, so an old snapshot does not invent a breach.
 */
import { formatDuration } from '../schema/primitives.ts';
import type { BackupFact, FactsSnapshot } from '../schema/facts.ts';
import { covers } from '../facts/queries.ts';

export interface Freshness {
  /** Newest Completed backup, with its age in seconds at facts time. */
  newest?: { backup: BackupFact; cluster: string; ageSeconds: number };
  /** Newest backup of any phase, when it is newer than `newest` and did not complete. */
  failedAfter?: BackupFact;
  /** Clusters whose backups were readable. */
  clusters: string[];
  /** Why some clusters' backups were not readable. */
  unknown: string[];
}

export function backupFreshness(
  clusters: readonly string[],
  facts: ReadonlyMap<string, FactsSnapshot>,
  matches: (b: BackupFact) => boolean,
): Freshness {
  const result: Freshness = { clusters: [], unknown: [] };
  let newestAny: BackupFact | undefined;
  for (const cluster of new Set(clusters)) {
    const snapshot = facts.get(cluster);
    const backups = snapshot?.kinds.backups;
    if (!snapshot || !backups) {
      result.unknown.push(`no facts were collected for cluster "${cluster}"`);
      continue;
    }
    if (backups.status !== 'ok') {
      result.unknown.push(`backups in "${cluster}" are ${backups.status} (${backups.reason})`);
      continue;
    }
    result.clusters.push(cluster);
    const at = Date.parse(snapshot.collectedAt);
    for (const b of backups.items.filter(matches)) {
      if (!newestAny || start(b) > start(newestAny)) newestAny = b;
      if (b.phase !== 'Completed') continue;
      if (!result.newest || start(b) > start(result.newest.backup)) {
        result.newest = { backup: b, cluster, ageSeconds: Math.max(0, (at - Date.parse(start(b))) / 1000) };
      }
    }
  }
  if (newestAny && newestAny.phase !== 'Completed' && (!result.newest || start(newestAny) > start(result.newest.backup))) result.failedAfter = newestAny;
  return result;
}

const start = (b: BackupFact) => b.startTimestamp ?? b.completionTimestamp ?? '';

export const coveringNamespace = (namespace: string) => (b: BackupFact) => covers(b, namespace);
export const ofSchedule = (schedule: string) => (b: BackupFact) => b.schedule === schedule;

/** "28h4m" → readable age for messages. */
export const ageText = (seconds: number) => formatDuration(Math.round(seconds / 60) * 60) || 'under a minute';
