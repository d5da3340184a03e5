/**
 * Does a resource exist in a cluster's facts? Three honest answers: found, missing (with the
 * names that do exist, for did-you-mean), or unknown (no snapshot, or the kind was not readable).
 *
 * A thousand runbooks ask the same questions thousands of times (every `-n` of every command),
 * so each kind is indexed once per snapshot and suggestions are remembered per name.
 */
import { didYouMean } from '../errors/did-you-mean.ts';
import { itemsOf } from '../facts/queries.ts';
import type { FactKind, FactsSnapshot, KindItem } from '../schema/facts.ts';

export type Lookup<T> =
  | { state: 'found'; item: T }
  | { state: 'missing'; candidates: string[]; suggestion?: string }
  | { state: 'unknown'; why: string };

type Named = { name: string; namespace?: string };
interface Index {
  byName: Map<string, Named>;
  names: string[];
  suggestions: Map<string, string | undefined>;
}
const indexes = new WeakMap<FactsSnapshot, Map<string, Index>>();

/**
 * Candidates did-you-mean may compare per snapshot (a few seconds' worth). Each suggestion costs
 * one comparison per name of its kind, so a runbook naming 100,000 missing namespaces in a cluster
 * of 150,000 would take hours; past the budget, a missing name gets no suggestion (the finding
 * still lists the known names).
 */
export const SUGGESTION_BUDGET = 30_000_000;
const spent = new WeakMap<FactsSnapshot, number>();

function indexOf(snapshot: FactsSnapshot, kind: FactKind, items: Named[], namespace: string | undefined): Index {
  let perSnapshot = indexes.get(snapshot);
  if (!perSnapshot) indexes.set(snapshot, (perSnapshot = new Map()));
  const key = `${kind}/${namespace ?? ''}`;
  let index = perSnapshot.get(key);
  if (!index) {
    const inScope = namespace === undefined ? items : items.filter((i) => i.namespace === namespace);
    index = { byName: new Map(inScope.map((i) => [i.name, i])), names: inScope.map((i) => i.name), suggestions: new Map() };
    perSnapshot.set(key, index);
  }
  return index;
}

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
  const index = indexOf(snapshot!, kind, items.value as Named[], namespace);
  const item = index.byName.get(name);
  if (item) return { state: 'found', item: item as KindItem<K> };
  if (!index.suggestions.has(name)) {
    const used = spent.get(snapshot!) ?? 0;
    const affordable = used + index.names.length <= SUGGESTION_BUDGET;
    if (affordable) spent.set(snapshot!, used + index.names.length);
    index.suggestions.set(name, affordable ? didYouMean(name, index.names) : undefined);
  }
  const suggestion = index.suggestions.get(name);
  return { state: 'missing', candidates: index.names, ...(suggestion ? { suggestion } : {}) };
}
