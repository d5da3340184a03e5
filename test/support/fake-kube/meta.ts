/**
 * Object metadata the API server owns (uid, resourceVersion, creationTimestamp), made
 * deterministic so that collecting the same fake cluster twice gives byte-identical facts.
 */
import type { KubeObject } from './types.ts';

/** Default "now" of generated clusters, so fixtures do not drift with the wall clock. */
export const FIXTURE_NOW = new Date('2026-11-20T06:00:00Z');

/** RFC 3339 with second precision, the way `metav1.Time` is serialised. */
export function kubeTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * 128 stable bits from a string (cyrb128). Not cryptographic: it only has to be deterministic
 * and well spread, and it is ~20 times cheaper than SHA-1 for the 30,000 objects of a scale cluster.
 */
export function hash128(text: string): [number, number, number, number] {
  let [h1, h2, h3, h4] = [1779033703, 3144134277, 1013904242, 2773480762];
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
// Byte-table hex: Number#toString(16) on values above 2^31 is slow in V8.
const hex4 = (n: number) => HEX[n >>> 24]! + HEX[(n >>> 16) & 255]!;
const hex4low = (n: number) => HEX[(n >>> 8) & 255]! + HEX[n & 255]!;

/** A stable UUID (v4 layout) derived from a string, e.g. `Service/default/kubernetes`. */
export function uidFor(key: string): string {
  const [a, b, c, d] = hash128(key);
  const version = '4' + hex4low(b).slice(1);
  const variant = '89ab'[c >>> 30]! + hex4(c).slice(1);
  return `${hex4(a)}${hex4low(a)}-${hex4(b)}-${version}-${variant}-${hex4low(c)}${hex4(d)}${hex4low(d)}`;
}

const DEFAULT_CREATED = kubeTime(new Date(FIXTURE_NOW.getTime() - 30 * 86_400_000));

/** Options shared by the object builders. */
export interface MetaOptions {
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Creation time. Default: 30 days before `FIXTURE_NOW`. */
  created?: Date;
}

/** `metadata` for a generated object, with the fields a live object always has. */
export function objectMeta(kind: string, name: string, options: MetaOptions = {}): KubeObject['metadata'] {
  const { namespace, labels, annotations } = options;
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid: uidFor(`${kind}/${namespace ?? ''}/${name}`),
    creationTimestamp: options.created ? kubeTime(options.created) : DEFAULT_CREATED,
    ...(labels ? { labels } : {}),
    ...(annotations ? { annotations } : {}),
  };
}

const METADATA_ORDER = ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp'];

/**
 * Returns the object as the API server would store it: server-owned metadata filled in (in the
 * server's field order), `resourceVersion` set to `rv`, and CRDs without status conditions given
 * an Established status (give a CRD conditions of its own to test one that is not established).
 * The input is not modified.
 */
export function admitObject(obj: KubeObject, rv: number, custom: boolean): KubeObject {
  const m = obj.metadata;
  const filled: Record<string, unknown> = {
    ...m,
    uid: m.uid ?? uidFor(`${obj.kind}/${m.namespace ?? ''}/${m.name}`),
    resourceVersion: String(rv),
    creationTimestamp: m.creationTimestamp ?? kubeTime(new Date(FIXTURE_NOW.getTime() - 90 * 86_400_000)),
  };
  // Custom resources and CRDs get a generation on create; most built-in kinds here do not.
  if (custom || obj.kind === 'CustomResourceDefinition') filled.generation ??= 1;
  const metadata: Record<string, unknown> = {};
  for (const key of METADATA_ORDER) if (filled[key] !== undefined) metadata[key] = filled[key];
  for (const [key, value] of Object.entries(filled)) if (!(key in metadata)) metadata[key] = value;
  const admitted = { ...obj, metadata } as KubeObject;
  // Upstream manifests ship an empty status (`conditions: []`) that the API server replaces once the
  // CRD is established; only a status with conditions of its own is kept as given.
  const conditions = (obj.status as { conditions?: unknown[] } | undefined)?.conditions;
  if (obj.kind === 'CustomResourceDefinition' && !conditions?.length) admitted.status = establishedCrdStatus(obj, metadata.creationTimestamp as string);
  return admitted;
}

function establishedCrdStatus(crd: KubeObject, since: string) {
  const spec = crd.spec as { names: Record<string, unknown>; versions: { name: string; storage?: boolean }[] };
  const condition = (type: string, reason: string, message: string) => ({ lastTransitionTime: since, message, reason, status: 'True', type });
  return {
    acceptedNames: spec.names,
    conditions: [
      condition('NamesAccepted', 'NoConflicts', 'no conflicts found'),
      condition('Established', 'InitialNamesAccepted', 'the initial names have been accepted'),
    ],
    storedVersions: spec.versions.filter((v) => v.storage).map((v) => v.name),
  };
}
