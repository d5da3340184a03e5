/**
 * Legacy (unaggregated) discovery documents: `/api`, `/apis`, `/apis/<group>`, `/api/v1` and
 * `/apis/<group>/<version>`, listing only what the fake cluster serves. Aggregated discovery
 * (`Accept: ...;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`) is answered with these
 * same documents and `Content-Type: application/json`, which tells kubectl to fall back.
 */
import { BUILT_IN_GROUP_ORDER, compareKubeVersions, type ResourceDef } from './resources.ts';

/** A served group and its versions, preferred first. */
export interface GroupVersions {
  name: string;
  versions: string[];
}

/** Served groups in the order kube-apiserver lists them: built-ins first, then CRD groups by name. */
export function servedGroups(defs: Map<string, ResourceDef>): GroupVersions[] {
  const groups = new Map<string, Set<string>>();
  for (const def of defs.values()) {
    if (def.group === '') continue;
    const versions = groups.get(def.group) ?? new Set<string>();
    def.versions.forEach((v) => versions.add(v));
    groups.set(def.group, versions);
  }
  const position = (g: string) => (BUILT_IN_GROUP_ORDER.includes(g) ? BUILT_IN_GROUP_ORDER.indexOf(g) : Infinity);
  return [...groups]
    .map(([name, versions]) => ({ name, versions: [...versions].sort(compareKubeVersions) }))
    .sort((a, b) => position(a.name) - position(b.name) || (a.name < b.name ? -1 : 1));
}

function apiGroup({ name, versions }: GroupVersions) {
  const gv = (version: string) => ({ groupVersion: `${name}/${version}`, version });
  return { name, versions: versions.map(gv), preferredVersion: gv(versions[0]!) };
}

/** Precomputed discovery answers for one store, keyed by request path. */
export function buildDiscovery(defs: Map<string, ResourceDef>, serverAddress: string): Map<string, unknown> {
  const docs = new Map<string, unknown>();
  docs.set('/api', { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] });
  const groups = servedGroups(defs);
  docs.set('/apis', { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(apiGroup) });
  for (const group of groups) docs.set(`/apis/${group.name}`, { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group) });
  const lists = new Map<string, Record<string, unknown>[]>();
  for (const def of defs.values()) {
    for (const version of def.versions) {
      const path = def.group ? `/apis/${def.group}/${version}` : `/api/${version}`;
      lists.set(path, [...(lists.get(path) ?? []), def.discovery]);
    }
  }
  for (const [path, resources] of lists) {
    const groupVersion = path.replace(/^\/apis?\//, '');
    resources.sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1));
    docs.set(path, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources });
  }
  return docs;
}
