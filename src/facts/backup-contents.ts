/**
 * The `backupContents` kind of a snapshot: the inventories of the newest completed backup of each
 * schedule some runbook restores from, and of each backup a runbook names, in this cluster.
 * Nothing else is read from the bucket, and nothing at all when no runbook restores here.
 */
import type { BackupFact, FactsSnapshot, KindFacts } from '../schema/facts.ts';
import type { InventoryWants } from '../checks/restore-sources.ts';
import { readInventories, type BucketAccess, type InventoryRequest } from './backup-inventory.ts';

export interface BackupContentsOptions {
  /** Per cluster name: what its runbooks restore from. */
  wants: ReadonlyMap<string, InventoryWants>;
  /** Per cluster name: how to reach its bucket. */
  access: Readonly<Record<string, BucketAccess>>;
  timeoutMs: number;
  concurrency: number;
}

export async function collectBackupContents(snapshot: FactsSnapshot, options: BackupContentsOptions): Promise<KindFacts<'backupContents'>> {
  const wants = options.wants.get(snapshot.cluster);
  if (!wants || (wants.schedules.size === 0 && wants.backups.size === 0)) return { status: 'ok', items: [] };
  const { backups, backupStorageLocations: locations } = snapshot.kinds;
  if (backups.status !== 'ok') return { status: backups.status, reason: `the backups could not be read (${backups.reason}), so neither could what they hold` };
  const requests = new Map<string, InventoryRequest>();
  const add = (backup: BackupFact) =>
    requests.set(`${backup.namespace}/${backup.name}`, {
      backup,
      location: locations.status === 'ok' ? locations.items.find((l) => l.namespace === backup.namespace && l.name === backup.storageLocation) : undefined,
    });
  for (const schedule of wants.schedules) {
    const newest = newestCompleted(backups.items.filter((b) => b.schedule === schedule));
    if (newest) add(newest);
  }
  for (const name of wants.backups) {
    const backup = backups.items.find((b) => b.name === name);
    if (backup) add(backup);
  }
  const items = await readInventories([...requests.values()], { access: options.access[snapshot.cluster], timeoutMs: options.timeoutMs, concurrency: options.concurrency, cluster: snapshot.cluster });
  return { status: 'ok', items };
}

/** The backup `velero restore create --from-schedule` would use: the newest Completed one by start time. */
export function newestCompleted(backups: readonly BackupFact[]): BackupFact | undefined {
  let newest: BackupFact | undefined;
  for (const b of backups) if (b.phase === 'Completed' && (!newest || started(b) > started(newest))) newest = b;
  return newest;
}

/** When a backup started (its completion when the start is unknown): what "newest" means for backups. */
export const started = (b: BackupFact) => b.startTimestamp ?? b.completionTimestamp ?? '';
