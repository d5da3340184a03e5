/**
 * Lookups the backup rules make for every runbook, built once per snapshot: a check reads the
 * same snapshots for a thousand runbooks, and snapshots do not change while it runs. Measured at
 * 1,000 runbooks against the bench's scale facts (2,000 CRDs, 300 restores per cluster): the two
 * backup rules took ~60% of the checks' CPU when each runbook scanned the lists itself.
 */
import type { FactsSnapshot, KindItem, RestoreFact } from '../schema/facts.ts';

function perSnapshot<T>(build: (snapshot: FactsSnapshot) => T): (snapshot: FactsSnapshot) => T {
  const cache = new WeakMap<FactsSnapshot, T>();
  return (snapshot) => {
    let value = cache.get(snapshot);
    if (value === undefined) cache.set(snapshot, (value = build(snapshot)));
    return value;
  };
}

/** CRD name by `<group>/<Kind>`. */
export const crdNamesByKind = perSnapshot((snapshot) => {
  const crds = snapshot.kinds.customResourceDefinitions;
  return new Map(crds.status === 'ok' ? crds.items.map((c: KindItem<'customResourceDefinitions'>) => [`${c.group}/${c.kind}`, c.name]) : []);
});

/** The CRD of a `<group>/<Kind>`, from the facts of any cluster the runbook maps. */
export function crdLookup(ctx: { clusters: Readonly<Record<string, string>>; facts: ReadonlyMap<string, FactsSnapshot> }): (groupKind: string) => string | undefined {
  const indexes = [...new Set(Object.values(ctx.clusters))].flatMap((cluster) => {
    const snapshot = ctx.facts.get(cluster);
    return snapshot ? [crdNamesByKind(snapshot)] : [];
  });
  return (groupKind) => {
    for (const index of indexes) {
      const name = index.get(groupKind);
      if (name) return name;
    }
    return undefined;
  };
}

/** A restore seen in a cluster, as a test of the backup or schedule it came from (`source`). */
export interface ObservedRestore {
  cluster: string;
  /** The schedule its backup came from, or the backup's own name. */
  source: string;
  restore: RestoreFact;
  /** Completed with no errors. */
  succeeded: boolean;
  /** Seconds from start to completion, when both are known. */
  seconds?: number;
  /** Completion time, else start: what "newest" means. */
  at: string;
}

export interface RestoreIndex {
  /** By the backup restored; newest first. */
  byBackup: Map<string, ObservedRestore[]>;
  /** By `spec.scheduleName`, and by the schedule Velero's `<schedule>-<yyyyMMddHHmmss>` backup name gives; newest first. */
  bySchedule: Map<string, ObservedRestore[]>;
}

export const restoreIndex = perSnapshot((snapshot): RestoreIndex => {
  const index: RestoreIndex = { byBackup: new Map(), bySchedule: new Map() };
  const restores = snapshot.kinds.restores;
  if (restores?.status !== 'ok') return index;
  const add = (map: Map<string, ObservedRestore[]>, source: string, restore: RestoreFact) => {
    const start = Date.parse(restore.startTimestamp ?? '');
    const end = Date.parse(restore.completionTimestamp ?? '');
    const observed: ObservedRestore = {
      cluster: snapshot.cluster,
      source,
      restore,
      succeeded: restore.phase === 'Completed' && !restore.errors,
      ...(Number.isFinite(start) && Number.isFinite(end) && end >= start ? { seconds: Math.round((end - start) / 1000) } : {}),
      at: restore.completionTimestamp ?? restore.startTimestamp ?? '',
    };
    const list = map.get(source);
    if (list) list.push(observed);
    else map.set(source, [observed]);
  };
  for (const restore of restores.items) {
    add(index.byBackup, restore.backup, restore);
    const named = /^(.+)-\d{14}$/.exec(restore.backup)?.[1];
    if (restore.schedule) add(index.bySchedule, restore.schedule, restore);
    if (named && named !== restore.schedule) add(index.bySchedule, named, restore);
  }
  for (const map of [index.byBackup, index.bySchedule]) for (const list of map.values()) list.sort(newestFirst);
  return index;
});

export const newestFirst = (a: ObservedRestore, b: ObservedRestore) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);

const sets = new WeakMap<readonly string[], ReadonlySet<string>>();
/** A list of names from a snapshot as a set, built once per list. */
export function setOf(list: readonly string[]): ReadonlySet<string> {
  let set = sets.get(list);
  if (!set) sets.set(list, (set = new Set(list)));
  return set;
}
