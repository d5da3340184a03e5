/**
 * Questions runbooks ask of a snapshot. Each answer says whether it is known: a kind that could
 * not be read gives `unknown` with the reason, never a confident "none".
 */
import type { BackupFact, FactKind, FactsSnapshot, KindItem } from '../schema/facts.ts';
import { compareText } from '../util/compare-text.ts';

export type Answer<T> = { known: true; value: T } | { known: false; why: string };

/** Items of a kind, or why they are unknown. */
export function itemsOf<K extends FactKind>(snapshot: FactsSnapshot | undefined, kind: K, cluster: string): Answer<KindItem<K>[]> {
  if (!snapshot) return { known: false, why: `no facts were collected for cluster "${cluster}"` };
  const facts = snapshot.kinds[kind];
  if (!facts) return { known: false, why: `${kind} are not in the snapshot of "${cluster}": it was collected by an older Lifeboat (run \`lifeboat facts\` again)` };
  if (facts.status === 'ok') return { known: true, value: facts.items as KindItem<K>[] };
  return { known: false, why: `${kind} in "${cluster}" are ${facts.status === 'error' ? 'unreadable' : facts.status} (${facts.reason})` };
}

/** The newest backup that completed, optionally only those of one schedule or covering a namespace. */
export function newestSuccessfulBackup(
  snapshot: FactsSnapshot | undefined,
  cluster: string,
  filter: { schedule?: string; namespace?: string } = {},
): Answer<BackupFact | undefined> {
  const backups = itemsOf(snapshot, 'backups', cluster);
  if (!backups.known) return backups;
  const matching = backups.value.filter(
    (b) =>
      b.phase === 'Completed' &&
      (filter.schedule === undefined || b.schedule === filter.schedule) &&
      (filter.namespace === undefined || covers(b, filter.namespace)),
  );
  const time = (b: BackupFact) => b.completionTimestamp ?? b.startTimestamp ?? '';
  return { known: true, value: matching.sort((a, b) => compareText(time(b), time(a)))[0] };
}

/** Whether a backup includes a namespace (an empty or `*` include list means all namespaces). */
export function covers(backup: Pick<BackupFact, 'includedNamespaces' | 'excludedNamespaces'>, namespace: string): boolean {
  if (backup.excludedNamespaces.includes(namespace)) return false;
  const included = backup.includedNamespaces;
  return included.length === 0 || included.includes('*') || included.includes(namespace);
}
