/**
 * Does a resource exist in a cluster's facts? Three honest answers: found, missing (with the
 * names that do exist, for did-you-mean), or unknown (no snapshot, or the kind was not readable).
 */
import type { FactKind, FactsSnapshot, KindItem } from '../schema/facts.ts';
import { itemsOf } from '../facts/queries.ts';

export type Lookup<T> = { state: 'found'; item: T } | { state: 'missing'; candidates: string[] } | { state: 'unknown'; why: string };

/** Finds `name` (in `namespace`, for namespaced kinds) among a kind's facts. */
export function lookup<K extends FactKind>(
  snapshot: FactsSnapshot | undefined,
  cluster: string,
  kind: K,
  name: string,
  namespace?: string,
): Lookup<KindItem<K>> {
  const items = itemsOf(snapshot, kind, cluster);
  if (!items.known) return { state: 'unknown', why: items.why };
  const list = items.value as (KindItem<K> & { namespace?: string; name: string })[];
  const inScope = namespace === undefined ? list : list.filter((i) => i.namespace === namespace);
  const item = inScope.find((i) => i.name === name);
  if (item) return { state: 'found', item };
  return { state: 'missing', candidates: inScope.map((i) => i.name) };
}
