/**
 * What the API server serves, from discovery. Aggregated discovery (apidiscovery.k8s.io/v2, on by
 * default since Kubernetes 1.30) answers in one request with every group, version and resource,
 * which lets the collector read CustomResourceDefinitions as metadata only: their kind, scope and
 * served versions come from here instead of from each CRD's spec, whose OpenAPI schema is most of
 * its bytes (~26 KB each for Crossplane-style providers; see the facts benchmark's large-CRD case).
 */
import type { KubeClient } from './kube-client.ts';
import { getJson, type RequestPolicy } from './list-all.ts';

/** Aggregated discovery if the server has it, else the legacy group list; both are JSON. */
const DISCOVERY_ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';

/** A served resource as discovery describes it. */
export interface ServedResource {
  kind: string;
  /** `Namespaced` or `Cluster`. */
  scope: string;
  /** Served versions, the preferred one first. */
  versions: string[];
}

export interface Discovery {
  /** `group/version` strings served, plus `v1` for the core group. */
  served: Set<string>;
  /** By `<plural>.<group>`, which is also the name of the CRD that defines it; absent with legacy discovery. */
  resources?: Map<string, ServedResource>;
}

type AggregatedList = {
  kind: 'APIGroupDiscoveryList';
  items?: { metadata?: { name?: string }; versions?: { version?: string; resources?: { resource?: string; scope?: string; responseKind?: { kind?: string } }[] }[] }[];
};
type LegacyList = { kind?: string; groups?: { versions?: { groupVersion?: string }[] }[] };

/** Discovery of `/apis`, or undefined when discovery itself is unavailable. */
export async function discover(client: KubeClient, policy: RequestPolicy): Promise<Discovery | undefined> {
  let list: AggregatedList | LegacyList;
  try {
    list = (await getJson(client, '/apis', policy, DISCOVERY_ACCEPT)) as AggregatedList | LegacyList;
  } catch {
    // Without discovery, ask for every kind and let a 404 say "absent".
    return undefined;
  }
  const served = new Set(['v1']);
  if (list.kind !== 'APIGroupDiscoveryList') {
    for (const group of (list as LegacyList).groups ?? []) for (const v of group.versions ?? []) if (v.groupVersion) served.add(v.groupVersion);
    return { served };
  }
  const resources = new Map<string, ServedResource>();
  for (const group of (list as AggregatedList).items ?? []) {
    const name = group.metadata?.name;
    if (!name) continue;
    for (const { version, resources: listed } of group.versions ?? []) {
      if (!version) continue;
      served.add(`${name}/${version}`);
      for (const r of listed ?? []) {
        if (!r.resource) continue;
        const key = `${r.resource}.${name}`;
        const known = resources.get(key);
        if (known) known.versions.push(version);
        else resources.set(key, { kind: String(r.responseKind?.kind ?? ''), scope: String(r.scope ?? ''), versions: [version] });
      }
    }
  }
  return { served, resources };
}
