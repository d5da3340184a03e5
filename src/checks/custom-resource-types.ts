/**
 * Which resource types in a Velero inventory are custom resources, and the name of the CRD each
 * needs. Inventory keys are `<group>/<version>/<Kind>` (`v1/<Kind>` for the core group); the
 * CRD's name is `<plural>.<group>`, taken from the clusters' CRD facts where they know the kind.
 */
import type { Contents } from './backup-sources.ts';

/** API groups Kubernetes serves itself (no CRD behind them). `*.k8s.io` alone is not enough: CSI snapshots are CRDs. */
const BUILT_IN_GROUPS = new Set([
  'apps', 'batch', 'autoscaling', 'policy', 'extensions', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io',
  'apiextensions.k8s.io', 'apiregistration.k8s.io', 'admissionregistration.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io',
  'events.k8s.io', 'node.k8s.io', 'scheduling.k8s.io', 'certificates.k8s.io', 'flowcontrol.apiserver.k8s.io', 'authentication.k8s.io',
  'authorization.k8s.io', 'resource.k8s.io', 'internal.apiserver.k8s.io', 'storagemigration.k8s.io', 'metrics.k8s.io',
]);

export interface CustomType {
  /** The inventory key, e.g. `postgresql.cnpg.io/v1/Cluster`. */
  type: string;
  count: number;
  /** Name of the CRD that defines it, e.g. `clusters.postgresql.cnpg.io`. */
  crd: string;
}

/** `crdName` gives the CRD of `<group>/<Kind>` where the clusters' facts know it. */
export function customResourceTypes(contents: Contents, crdName: (groupKind: string) => string | undefined): CustomType[] {
  const found: CustomType[] = [];
  for (const [type, count] of Object.entries(contents.resources)) {
    const parts = type.split('/');
    if (parts.length !== 3 || count === 0) continue;
    const [group, , kind] = parts as [string, string, string];
    if (BUILT_IN_GROUPS.has(group)) continue;
    const crd = crdName(`${group}/${kind}`) ?? contents.crds.find((name) => name.endsWith(`.${group}`) && name.startsWith(kind.toLowerCase())) ?? `${plural(kind.toLowerCase())}.${group}`;
    found.push({ type, count, crd });
  }
  return found;
}

/** English plural as Kubernetes' default RESTMapper forms it, for kinds no CRD fact names. */
function plural(kind: string): string {
  if (/(s|x|z|ch|sh)$/.test(kind)) return `${kind}es`;
  if (/[^aeiou]y$/.test(kind)) return `${kind.slice(0, -1)}ies`;
  return `${kind}s`;
}
