/**
 * What each backup a runbook restores from is, as the facts know it: the backup a restore would
 * use (for a schedule, the newest that Completed, as `velero restore create --from-schedule`
 * picks it), a newer one that did not complete, and what the backup holds — or why that is
 * unknown. Shared by the gate and by the page's backup evidence.
 */
import type { BackupContentsFact, BackupFact, FactsSnapshot } from '../schema/facts.ts';
import { itemsOf, type Answer } from '../facts/queries.ts';
import { newestCompleted, started } from '../facts/backup-contents.ts';
import type { RestoreSource } from './restore-sources.ts';

export type Contents = Extract<BackupContentsFact['inventory'], { status: 'ok' }>;

export interface ResolvedSource {
  source: RestoreSource;
  /** The backup a restore from this source uses; undefined when there is none (or it is unknown). */
  backup?: BackupFact;
  /** For a schedule: its newest backup, when that one is newer than `backup` and did not complete. */
  newer?: BackupFact;
  /** Whether the backups could be read at all. */
  backups: Answer<true>;
  /** What `backup` holds; unknown with the reason (inventory missing, bucket refused, not read). */
  contents: Answer<Contents> & { unread?: Unread };
}

/** Why the contents are unknown: the inventory's own status, or that it was never read. */
export type Unread = Exclude<BackupContentsFact['inventory']['status'], 'ok'> | 'not-read';

export function resolveSource(source: RestoreSource, facts: ReadonlyMap<string, FactsSnapshot>): ResolvedSource {
  const snapshot = facts.get(source.cluster);
  const backups = itemsOf(snapshot, 'backups', source.cluster);
  if (!backups.known) return { source, backups, contents: backups };
  let backup: BackupFact | undefined;
  let newer: BackupFact | undefined;
  if (source.schedule) {
    const ofSchedule = backups.value.filter((b) => b.schedule === source.schedule);
    backup = newestCompleted(ofSchedule);
    const newest = ofSchedule.reduce<BackupFact | undefined>((n, b) => (!n || started(b) > started(n) ? b : n), undefined);
    if (newest && newest !== backup && (!backup || started(newest) > started(backup)) && newest.phase !== 'InProgress' && newest.phase !== 'New') newer = newest;
  } else {
    backup = backups.value.find((b) => b.name === source.backup);
  }
  const base = { source, backups: { known: true as const, value: true as const }, ...(backup ? { backup } : {}), ...(newer ? { newer } : {}) };
  if (!backup) return { ...base, contents: { known: false, why: 'there is no backup to read' } };
  return { ...base, contents: contentsOf(snapshot, source.cluster, backup) };
}

function contentsOf(snapshot: FactsSnapshot | undefined, cluster: string, backup: BackupFact): ResolvedSource['contents'] {
  const all = itemsOf(snapshot, 'backupContents', cluster);
  if (!all.known) return { ...all, unread: 'not-read' };
  const item = all.value.find((c) => c.namespace === backup.namespace && c.name === backup.name);
  if (!item) return { known: false, unread: 'not-read', why: `its inventory was not read when the facts of "${cluster}" were collected (no runbook restored from it then): run \`lifeboat facts\` again` };
  if (item.inventory.status !== 'ok') return { known: false, unread: item.inventory.status, why: item.inventory.reason };
  return { known: true, value: item.inventory };
}

/** "backup X (the newest completed of schedule S in C)" for messages. */
export function describeBackup(r: ResolvedSource): string {
  const name = r.backup?.name ?? '(none)';
  return r.source.schedule ? `backup ${name} (the newest completed backup of schedule "${r.source.schedule}" in "${r.source.cluster}")` : `backup ${name} (in "${r.source.cluster}")`;
}
