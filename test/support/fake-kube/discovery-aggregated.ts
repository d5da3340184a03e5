/**
 * Aggregated discovery (`apidiscovery.k8s.io/v2`, GA in Kubernetes 1.30): `/api` and `/apis`
 * each answer with every group, version and resource in one document, when the client asks
 * for it in `Accept`. Off by default (`FakeKubeOptions.aggregatedDiscovery`); without it,
 * kubectl falls back to one legacy request per group version, which is slow with 2,000 CRDs.
 */
import { servedGroups } from './discovery.ts';
import type { ResourceDef } from './resources.ts';

/** Content type of an aggregated discovery answer; kubectl checks it before parsing. */
export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Whether an `Accept` header asks for aggregated discovery v2. */
export function wantsAggregated(accept: string | undefined): boolean {
  return accept !== undefined && accept.split(',').some((t) => /as=APIGroupDiscoveryList/.test(t) && /v=v2(;|$)/.test(t.replace(/\s/g, '')));
}

/** The two aggregated documents, keyed by path (`/api`, `/apis`), in legacy discovery's group order. */
export function buildAggregatedDiscovery(defs: Map<string, ResourceDef>): Map<string, string> {
  const byGroup = new Map<string, Map<string, Record<string, unknown>[]>>();
  for (const def of defs.values()) {
    const versions = byGroup.get(def.group) ?? new Map<string, Record<string, unknown>[]>();
    for (const version of def.versions) {
      const d = def.discovery;
      versions.set(version, [...(versions.get(version) ?? []), {
        resource: def.plural,
        responseKind: { group: def.group, version, kind: def.kind },
        scope: def.namespaced ? 'Namespaced' : 'Cluster',
        singularResource: d.singularName,
        verbs: d.verbs,
        ...(d.shortNames ? { shortNames: d.shortNames } : {}),
        ...(d.categories ? { categories: d.categories } : {}),
      }]);
    }
    byGroup.set(def.group, versions);
  }
  const item = (group: string, preferredFirst: string[]) => ({
    metadata: { name: group, creationTimestamp: null },
    versions: preferredFirst.map((version) => ({
      version,
      resources: byGroup.get(group)!.get(version)!.sort((a, b) => (String(a.resource) < String(b.resource) ? -1 : 1)),
      freshness: 'Current',
    })),
  });
  const list = (items: unknown[]) => JSON.stringify({ kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items });
  return new Map([
    ['/api', list(byGroup.has('') ? [item('', ['v1'])] : [])],
    ['/apis', list(servedGroups(defs).map((g) => item(g.name, g.versions)))],
  ]);
}
