/**
 * `{{ facts.<role>.… }}` placeholders: values read from the snapshot of the cluster a role maps
 * to, so a command can name, say, the newest backup that actually completed.
 *
 * | placeholder | value |
 * |---|---|
 * | `facts.<role>.context` | kubeconfig context the facts came from |
 * | `facts.<role>.server` | API server host |
 * | `facts.<role>.serverVersion` | Kubernetes version |
 * | `facts.<role>.defaultStorageClass` | name of the default StorageClass |
 * | `facts.<role>.lastBackup.<schedule>` | newest Completed Velero backup of that schedule |
 */
import type { FactsSnapshot } from '../schema/facts.ts';
import { itemsOf, newestSuccessfulBackup } from './queries.ts';

export const FACT_PLACEHOLDER = /^facts\.([a-z][a-z0-9-]*)\.(context|server|serverVersion|defaultStorageClass|lastBackup\.[a-z0-9][a-z0-9.-]*)$/;

/** Example names, for did-you-mean hints. */
export const FACT_PLACEHOLDER_KEYS = ['context', 'server', 'serverVersion', 'defaultStorageClass', 'lastBackup.<schedule>'];

export type FactValue = { value: string } | { unavailable: string };

/**
 * The value of a facts placeholder, or why it has none. Undefined when `name` is not a facts
 * placeholder at all (or names a role that maps to no cluster): then it is simply unknown.
 */
export function resolveFactPlaceholder(
  name: string,
  clusters: Readonly<Record<string, string>>,
  snapshots: ReadonlyMap<string, FactsSnapshot>,
): FactValue | undefined {
  const match = FACT_PLACEHOLDER.exec(name);
  if (!match) return undefined;
  const [, role, key] = match as unknown as [string, string, string];
  const cluster = clusters[role];
  if (!cluster) return undefined;
  const snapshot = snapshots.get(cluster);
  if (!snapshot) return { unavailable: `no facts were collected for cluster "${cluster}"` };
  if (key === 'context') return { value: snapshot.context };
  if (key === 'server') return { value: snapshot.server };
  if (key === 'serverVersion')
    return snapshot.serverVersion.status === 'ok' ? { value: snapshot.serverVersion.gitVersion } : { unavailable: `the server version of "${cluster}" is ${snapshot.serverVersion.status}` };
  if (key === 'defaultStorageClass') {
    const classes = itemsOf(snapshot, 'storageClasses', cluster);
    if (!classes.known) return { unavailable: classes.why };
    const found = classes.value.find((c) => c.default);
    return found ? { value: found.name } : { unavailable: `"${cluster}" has no default StorageClass` };
  }
  const schedule = key.slice('lastBackup.'.length);
  const backup = newestSuccessfulBackup(snapshot, cluster, { schedule });
  if (!backup.known) return { unavailable: backup.why };
  return backup.value ? { value: backup.value.name } : { unavailable: `no backup of schedule "${schedule}" in "${cluster}" has completed` };
}

/** What the page shows for a fact it cannot fill: visibly not a value, and it fails if pasted. */
export const unavailableMarker = (name: string) => `<unknown: ${name}>`;
