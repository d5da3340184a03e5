/**
 * Which resources the fake cluster serves: the built-in kinds Lifeboat reads (their discovery
 * entries copied from kube-apiserver's own discovery documents) plus every resource that a
 * CustomResourceDefinition in the cluster defines.
 */
import { readFileSync } from 'node:fs';
import type { KubeObject } from './types.ts';

/** One served resource, e.g. `services` in core `v1` or `backups` in `velero.io`. */
export interface ResourceDef {
  /** API group; `''` for the core group. */
  group: string;
  /** Served versions, preferred first. */
  versions: string[];
  plural: string;
  kind: string;
  namespaced: boolean;
  /** The `APIResource` entry listed by `/api/v1` or `/apis/<group>/<version>`. */
  discovery: Record<string, unknown>;
  /** True for CRD-defined resources: list items then carry their own apiVersion and kind. */
  custom: boolean;
}

const FIXTURES = new URL('../../fixtures/k8s/kubernetes__kubernetes/api/discovery/', import.meta.url);
const readDiscovery = (file: string) => JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as { resources?: Record<string, unknown>[]; groups?: { name: string }[] };

/** Built-in group order as kube-apiserver lists it in `/apis` (from its own discovery document). */
export const BUILT_IN_GROUP_ORDER: string[] = readDiscovery('apis.json').groups!.map((g) => g.name);

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

// networking.k8s.io, scheduling.k8s.io and batch have no discovery document in the fixtures; these
// entries follow the same shape (storageVersionHash left out rather than invented).
const HAND_WRITTEN: Record<string, Record<string, unknown>> = {
  ingressclasses: { kind: 'IngressClass', name: 'ingressclasses', namespaced: false, singularName: 'ingressclass', verbs: VERBS },
  priorityclasses: { kind: 'PriorityClass', name: 'priorityclasses', namespaced: false, shortNames: ['pc'], singularName: 'priorityclass', verbs: VERBS },
  cronjobs: { categories: ['all'], kind: 'CronJob', name: 'cronjobs', namespaced: true, shortNames: ['cj'], singularName: 'cronjob', verbs: VERBS },
  jobs: { categories: ['all'], kind: 'Job', name: 'jobs', namespaced: true, singularName: 'job', verbs: VERBS },
};

const BUILT_IN: { group: string; plural: string; file?: string }[] = [
  ...['namespaces', 'nodes', 'services', 'persistentvolumeclaims', 'secrets', 'configmaps'].map((plural) => ({ group: '', plural, file: 'api__v1.json' })),
  { group: 'storage.k8s.io', plural: 'storageclasses', file: 'apis__storage.k8s.io__v1.json' },
  { group: 'apiextensions.k8s.io', plural: 'customresourcedefinitions', file: 'apis__apiextensions.k8s.io__v1.json' },
  { group: 'discovery.k8s.io', plural: 'endpointslices', file: 'apis__discovery.k8s.io__v1.json' },
  { group: 'networking.k8s.io', plural: 'ingressclasses' },
  { group: 'scheduling.k8s.io', plural: 'priorityclasses' },
  { group: 'batch', plural: 'cronjobs' },
  { group: 'batch', plural: 'jobs' },
];

function builtIns(): ResourceDef[] {
  const docs = new Map<string, Record<string, unknown>[]>();
  return BUILT_IN.map(({ group, plural, file }) => {
    if (file && !docs.has(file)) docs.set(file, readDiscovery(file).resources ?? []);
    const discovery = file ? docs.get(file)!.find((r) => r.name === plural) : HAND_WRITTEN[plural];
    if (!discovery) throw new Error(`fake-kube: ${file} has no entry for ${plural}`);
    return { group, versions: ['v1'], plural, kind: discovery.kind as string, namespaced: discovery.namespaced as boolean, discovery, custom: false };
  });
}

const BUILT_IN_DEFS = builtIns();

/** Orders versions as Kubernetes does: GA before beta before alpha, higher numbers first. */
export function compareKubeVersions(a: string, b: string): number {
  const rank = (v: string) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [0, 0, 0];
    return [m[2] === undefined ? 3 : m[2] === 'beta' ? 2 : 1, Number(m[1]), Number(m[3] ?? 0)];
  };
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return rb[i]! - ra[i]!;
  return a < b ? -1 : a > b ? 1 : 0;
}

interface CrdSpec {
  group: string;
  scope: string;
  names: { kind: string; plural: string; singular?: string; shortNames?: string[]; categories?: string[] };
  versions: { name: string; served?: boolean }[];
}

function fromCrd(crd: KubeObject): ResourceDef | undefined {
  const spec = crd.spec as CrdSpec;
  const versions = spec.versions.filter((v) => v.served !== false).map((v) => v.name).sort(compareKubeVersions);
  if (versions.length === 0) return undefined;
  const { kind, plural, singular, shortNames, categories } = spec.names;
  const namespaced = spec.scope === 'Namespaced';
  const discovery: Record<string, unknown> = {
    name: plural, singularName: singular ?? kind.toLowerCase(), namespaced, kind,
    verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
    ...(shortNames ? { shortNames } : {}), ...(categories ? { categories } : {}),
  };
  return { group: spec.group, versions, plural, kind, namespaced, discovery, custom: true };
}

/**
 * The resources a cluster serves: built-ins minus `unservedGroups`, plus one per CRD object
 * with at least one served version. Keyed by `group/plural`.
 */
export function resolveResources(objects: KubeObject[], unservedGroups: string[] = []): Map<string, ResourceDef> {
  const defs = new Map<string, ResourceDef>();
  for (const def of BUILT_IN_DEFS) if (!unservedGroups.includes(def.group)) defs.set(`${def.group}/${def.plural}`, def);
  if (!defs.has('apiextensions.k8s.io/customresourcedefinitions')) return defs;
  for (const obj of objects) {
    if (obj.kind !== 'CustomResourceDefinition') continue;
    const def = fromCrd(obj);
    if (def) defs.set(`${def.group}/${def.plural}`, def);
  }
  return defs;
}
